package dev.dbops.micronaut.guard;

import dev.dbops.ErrorCode;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.micronaut.config.DbopsDataSources;
import dev.dbops.micronaut.config.DbopsSettings;
import dev.dbops.micronaut.monitor.MonitorDatabases;
import dev.dbops.migration.ChangeSetRef;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationProblem;
import dev.dbops.migration.MigrationSet;
import dev.dbops.runtime.DatabaseAvailability;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.liquibase.LiquibaseConfigurationProperties;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ResourceAccessor;

/**
 * Lints the changesets micronaut-liquibase is about to run on a datasource, and stops the startup before they run
 * when {@code dbops.guard.lint.fail-on} says so.
 *
 * <p>micronaut-liquibase migrates in a {@code BeanCreatedEventListener<DataSource>} (its
 * {@code LiquibaseMigrationRunner}, of the default order 0); this listener has order {@link GuardOrder#LINT}, so
 * Micronaut calls it for the same datasource first. The unrun changesets are those Liquibase itself lists for the
 * configured contexts and labels, read through micronaut-liquibase's own resource accessor, on a connection of
 * the datasource.
 */
@Singleton
@RequiresDbops
@Requires(classes = {liquibase.Liquibase.class, LiquibaseConfigurationProperties.class})
@Order(GuardOrder.LINT)
public class LiquibasePendingMigrationLint implements BeanCreatedEventListener<DataSource> {

    private final DbopsDataSources settings;
    private final LiquibaseMigrationTool liquibase;
    private final MonitorDatabases databases;
    private final BeanLocator beans;
    private final DataSourceResolver resolver;

    /** Creates the listener. */
    public LiquibasePendingMigrationLint(DbopsDataSources settings, LiquibaseMigrationTool liquibase,
            MonitorDatabases databases, BeanLocator beans, @Nullable DataSourceResolver resolver) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.liquibase = Objects.requireNonNull(liquibase, "liquibase");
        this.databases = Objects.requireNonNull(databases, "databases");
        this.beans = Objects.requireNonNull(beans, "beans");
        this.resolver = resolver != null ? resolver : DataSourceResolver.DEFAULT;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        Optional<String> name = CreatedDataSources.name(event);
        if (name.isEmpty() || !settings.watches(name.get())) {
            return event.getBean();
        }
        DbopsSettings own = settings.settings(name.get());
        Optional<LiquibaseConfigurationProperties> properties = beans.findBean(LiquibaseConfigurationProperties.class,
                Qualifiers.byName(name.get()));
        if (own.getGuard().isEnabled() && own.getLint().isEnabled() && properties.isPresent()
                && properties.get().isEnabled() && properties.get().getChangeLog() != null) {
            lint(name.get(), resolver.resolve(event.getBean()), own, properties.get());
        }
        return event.getBean();
    }

    private void lint(String name, DataSource dataSource, DbopsSettings own, LiquibaseConfigurationProperties config) {
        Set<String> unrun;
        int serverMajor;
        try (Connection connection = dataSource.getConnection()) {
            serverMajor = connection.getMetaData().getDatabaseMajorVersion();
            unrun = unrun(connection, config);
        } catch (SQLException | LiquibaseException e) {
            if (e instanceof LiquibaseException && !DatabaseAvailability.isUnavailable(e)) {
                throw new DbopsStartupException(ErrorCode.MIGRATION_SOURCE_FAILED, "dbops could not list the changesets"
                        + " Liquibase will run on " + databases.of(name, dataSource).location() + ": " + e.getMessage(),
                        "Check liquibase.datasources." + name + ".change-log and its changelog files.", e);
            }
            LintPreconditions.unavailable(name, databases.of(name, dataSource), own.getGuard(), e);
            return;
        }
        if (unrun.isEmpty()) {
            return;
        }
        ToolMigrations tool = liquibase.migrations(name, own.getGuard().getLocations()).orElseThrow();
        MigrationSet all = tool.source().load();
        List<Migration> migrations = all.migrations().stream()
                .filter(m -> m.changeSet().map(ref -> unrun.contains(key(ref))).orElse(false)).toList();
        Set<String> pendingFiles = migrations.stream().map(Migration::location).collect(Collectors.toSet());
        List<MigrationProblem> problems = all.problems().stream().filter(p -> pendingFiles.contains(p.location()))
                .toList();
        if (migrations.size() != unrun.size()) {
            throw new DbopsStartupException(ErrorCode.MIGRATION_SOURCE_FAILED, "dbops found " + migrations.size()
                    + " of the " + unrun.size() + " changesets Liquibase will run in " + tool.source(),
                    "Point dbops.guard.locations at the changelog Liquibase runs (liquibase.datasources." + name
                            + ".change-log).");
        }
        LintPreconditions.lint(own.getLint(), linter(name))
                .check(new MigrationSet(migrations, List.of(), List.of(), problems), serverMajor);
    }

    /** The changesets Liquibase lists as unrun, as micronaut-liquibase would configure it. */
    private Set<String> unrun(Connection connection, LiquibaseConfigurationProperties config) throws LiquibaseException {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        if (config.getDefaultSchema() != null && !config.getDefaultSchema().isBlank()) {
            database.setDefaultSchemaName(config.getDefaultSchema());
        }
        if (config.getLiquibaseSchema() != null && !config.getLiquibaseSchema().isBlank()) {
            database.setLiquibaseSchemaName(config.getLiquibaseSchema());
        }
        if (config.getDatabaseChangeLogTable() != null && !config.getDatabaseChangeLogTable().isBlank()) {
            database.setDatabaseChangeLogTableName(config.getDatabaseChangeLogTable());
        }
        Liquibase liquibase = new Liquibase(config.getChangeLog(), beans.getBean(ResourceAccessor.class), database);
        if (config.getParameters() != null) {
            config.getParameters().forEach(liquibase::setChangeLogParameter);
        }
        return liquibase.listUnrunChangeSets(new Contexts(config.getContexts()), new LabelExpression(config.getLabels()))
                .stream().map(LiquibasePendingMigrationLint::key).collect(Collectors.toSet());
    }

    private Optional<MigrationLinter> linter(String name) {
        return LintPreconditions.linter(beans, name);
    }

    private static String key(ChangeSet changeSet) {
        return changeSet.getId() + "::" + changeSet.getAuthor();
    }

    private static String key(ChangeSetRef ref) {
        return ref.id() + "::" + ref.author();
    }
}
