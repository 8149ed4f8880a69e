package dev.dbops.spring;

import dev.dbops.spring.autoconfigure.DbopsAutoConfiguration;
import dev.dbops.spring.autoconfigure.DbopsEndpointAutoConfiguration;
import dev.dbops.spring.autoconfigure.DbopsGuardAutoConfiguration;
import dev.dbops.spring.autoconfigure.DbopsHealthAutoConfiguration;
import dev.dbops.spring.autoconfigure.DbopsMetricsAutoConfiguration;
import dev.dbops.spring.autoconfigure.DbopsMonitorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Context runners with Spring Boot's DataSource and Flyway auto-configuration and every dbops one. */
final class Runners {

    static final AutoConfigurations DBOPS = AutoConfigurations.of(DbopsAutoConfiguration.class,
            DbopsGuardAutoConfiguration.class, DbopsMonitorAutoConfiguration.class, DbopsHealthAutoConfiguration.class,
            DbopsEndpointAutoConfiguration.class, DbopsMetricsAutoConfiguration.class);

    private Runners() {
    }

    /** Spring Boot's DataSource and Flyway auto-configuration, dbops, and a database that Flyway migrates. */
    static ApplicationContextRunner withFlyway(TestDatabase database, String... properties) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class))
                .withConfiguration(DBOPS)
                .withPropertyValues(database.datasourceProperties())
                .withPropertyValues("spring.flyway.postgresql.transactional-lock=false",
                        "spring.flyway.locations=classpath:guard/clean", "dbops.pool.inspection-interval=1h")
                .withPropertyValues(properties);
    }
}
