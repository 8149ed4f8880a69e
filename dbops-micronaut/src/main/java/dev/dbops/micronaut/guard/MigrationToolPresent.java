package dev.dbops.micronaut.guard;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;
import io.micronaut.core.reflect.ClassUtils;

/** Flyway (with micronaut-flyway) or Liquibase (with micronaut-liquibase) is on the class path. */
public final class MigrationToolPresent implements Condition {

    /** Creates the condition. */
    public MigrationToolPresent() {
    }

    @Override
    @SuppressWarnings("rawtypes")
    public boolean matches(ConditionContext context) {
        ClassLoader loader = MigrationToolPresent.class.getClassLoader();
        boolean flyway = ClassUtils.isPresent("org.flywaydb.core.Flyway", loader)
                && ClassUtils.isPresent("io.micronaut.flyway.FlywayConfigurationProperties", loader);
        boolean liquibase = ClassUtils.isPresent("liquibase.Liquibase", loader)
                && ClassUtils.isPresent("io.micronaut.liquibase.LiquibaseConfigurationProperties", loader);
        if (!flyway && !liquibase) {
            context.fail("neither micronaut-flyway nor micronaut-liquibase is on the class path");
        }
        return flyway || liquibase;
    }
}
