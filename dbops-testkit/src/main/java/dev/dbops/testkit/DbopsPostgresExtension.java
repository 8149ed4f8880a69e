package dev.dbops.testkit;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ModifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension behind {@link DbopsPostgres}: injects static fields before all tests of a class (one
 * database per class), instance fields before each test and parameters when asked (one database per test),
 * keeps each scope's databases in that extension context's store so that JUnit drops them when the scope
 * ends, and keeps the databases of a failed test that asked for it.
 */
final class DbopsPostgresExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    /** The report entry under which a kept database's URL is published. */
    static final String KEPT_DATABASE_ENTRY = "dbops.kept-database";

    private static final Logger LOG = LoggerFactory.getLogger(DbopsPostgresExtension.class);
    private static final Namespace NAMESPACE = Namespace.create(DbopsPostgresExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        for (Field field : AnnotationSupport.findAnnotatedFields(testClass, DbopsPostgres.class, ModifierSupport::isStatic)) {
            inject(null, field, context);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), DbopsPostgres.class,
                    ModifierSupport::isNotStatic)) {
                inject(instance, field, context);
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        keepIfFailed(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        keepIfFailed(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.isAnnotated(DbopsPostgres.class);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        Executable executable = parameterContext.getDeclaringExecutable();
        String description = "parameter " + parameterContext.getIndex() + " (" + parameter.getName() + ") of "
                + executable.getDeclaringClass().getSimpleName() + "." + (executable instanceof Constructor
                        ? "<init>" : executable.getName()) + "()";
        InjectionPoint point = InjectionPoint.of(description, parameter.getType(), false,
                parameterContext.findAnnotation(DbopsPostgres.class).orElseThrow(), classDefaults(extensionContext));
        boolean perClass = Modifier.isStatic(executable.getModifiers()) || extensionContext.getTestMethod().isEmpty();
        return point.valueFor(database(point, perClass ? classContext(extensionContext) : extensionContext));
    }

    private static void inject(Object instance, Field field, ExtensionContext context) {
        String description = "field " + field.getDeclaringClass().getSimpleName() + "." + field.getName();
        InjectionPoint point = InjectionPoint.of(description, field.getType(), Modifier.isFinal(field.getModifiers()),
                field.getAnnotation(DbopsPostgres.class), classDefaults(context));
        Object value = point.valueFor(database(point, context));
        try {
            field.setAccessible(true);
            field.set(instance, value);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExtensionConfigurationException("@DbopsPostgres on " + description + ": cannot set it: " + e, e);
        }
    }

    /** The database of the point in the scope of the context, turning a configuration error into JUnit's kind. */
    private static PostgresDatabase database(InjectionPoint point, ExtensionContext scope) {
        ScopedDatabases databases = scope.getStore(NAMESPACE)
                .getOrComputeIfAbsent(scope.getUniqueId(), id -> new ScopedDatabases(), ScopedDatabases.class);
        try {
            return databases.database(point);
        } catch (DbopsException e) {
            if (e.code() == ErrorCode.INVALID_CONFIGURATION || e.code() == ErrorCode.INVALID_URL) {
                throw new ExtensionConfigurationException("@DbopsPostgres on " + point.description() + ": "
                        + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** After a failure, keeps the databases of this scope and of the enclosing ones that asked for it. */
    private static void keepIfFailed(ExtensionContext context) {
        if (context.getExecutionException().isEmpty()) {
            return;
        }
        List<String> reports = new ArrayList<>();
        for (Optional<ExtensionContext> scope = Optional.of(context); scope.isPresent(); scope = scope.get().getParent()) {
            ExtensionContext one = scope.get();
            ScopedDatabases databases = one.getStore(NAMESPACE).get(one.getUniqueId(), ScopedDatabases.class);
            if (databases != null) {
                reports.addAll(databases.keepForInspection());
            }
        }
        for (String report : reports) {
            context.publishReportEntry(KEPT_DATABASE_ENTRY, report);
            LOG.warn("{}: {}", context.getDisplayName(), report);
        }
    }

    /** The annotation on the test class, its superclasses or the classes enclosing it, nearest first. */
    private static Optional<DbopsPostgres> classDefaults(ExtensionContext context) {
        return context.getTestClass().flatMap(testClass ->
                AnnotationSupport.findAnnotation(testClass, DbopsPostgres.class, context.getEnclosingTestClasses()));
    }

    /** The context of the test class a test belongs to. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext scope = context;
        while (scope.getTestMethod().isPresent() && scope.getParent().isPresent()) {
            scope = scope.getParent().get();
        }
        return scope;
    }
}
