package dev.dbops.spring.guard;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Places the {@link LiquibasePendingMigrationLint} first in Spring Boot's database initialization order
 * (order -100, before Liquibase's detector at 0), so that {@code SpringLiquibase} depends on it and runs the
 * changesets only once they have been linted.
 */
class LiquibasePendingMigrationLintDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(LiquibasePendingMigrationLint.class);
    }

    @Override
    public int getOrder() {
        return -100;
    }
}
