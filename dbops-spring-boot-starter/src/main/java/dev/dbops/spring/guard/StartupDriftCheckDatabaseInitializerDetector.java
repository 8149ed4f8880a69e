package dev.dbops.spring.guard;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;

/**
 * Places the {@link StartupDriftCheck} in Spring Boot's database initialization order, as the last
 * initializer: {@code DatabaseInitializationDependencyConfigurer} makes each detector's initializers depend on
 * those of the detectors ordered before it (Flyway, Liquibase, SQL scripts), and every bean that depends on
 * database initialization depend on all of them, this check included.
 */
class StartupDriftCheckDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(StartupDriftCheck.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
