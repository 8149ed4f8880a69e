package dev.dbops.micronaut;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.micronaut.guard.DriftStatus;
import dev.dbops.micronaut.monitor.WatchedDataSource;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import io.micronaut.context.ApplicationContext;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.qualifiers.Qualifiers;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Run by its own surefire execution, on a class path without Flyway, Liquibase, micronaut-management,
 * micronaut-micrometer and HikariCP: every feature that needs one of them backs off, the rest stays.
 */
class WithoutOptionalLibrariesTest {

    @Test
    void leavesOutEveryFeatureWhoseLibraryIsAbsent() {
        Assumptions.assumeTrue(Boolean.getBoolean("dbops.test.without-optional-libraries"),
                "runs only in the without-optional-libraries execution, whose class path lacks the libraries");
        assertThat(getClass().getClassLoader().getResource("org/flywaydb/core/Flyway.class"))
                .as("the without-optional-libraries execution's class path has no Flyway").isNull();
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
                ApplicationContext context = ApplicationContext.builder()
                        .properties(Map.of("test.simple-datasource", "true")).singletons(database).start()) {
            Set<String> beans = context.getAllBeanDefinitions().stream().map(BeanDefinition::getBeanType)
                    .map(Class::getName).filter(name -> name.startsWith("dev.dbops.micronaut."))
                    .collect(Collectors.toSet());
            assertThat(beans).doesNotContain("dev.dbops.micronaut.guard.FlywayPendingMigrationLint",
                    "dev.dbops.micronaut.guard.LiquibasePendingMigrationLint",
                    "dev.dbops.micronaut.guard.StartupDriftCheck", "dev.dbops.micronaut.guard.StartupDriftCheckListener",
                    "dev.dbops.micronaut.guard.AsyncMigrationDriftCheck", "dev.dbops.micronaut.guard.FlywayMigrationTool",
                    "dev.dbops.micronaut.guard.LiquibaseMigrationTool",
                    "dev.dbops.micronaut.management.DbopsHealthIndicator",
                    "dev.dbops.micronaut.management.DbopsEndpoint", "dev.dbops.micronaut.metrics.DbopsMeters");
            assertThat(context.getBean(DriftStatus.class).all()).isEmpty();
            WatchedDataSource watched = context.getBean(WatchedDataSource.class, Qualifiers.byName("default"));
            assertThat(watched.pool()).isEmpty();
            assertThat(watched.backup()).isPresent();
            assertThat(watched.replication()).isPresent();
            assertThat(watched.database().location()).isEqualTo("(unknown: the DataSource is not a HikariCP pool with a"
                    + " JDBC URL, and datasources.default.url names none)");
        }
    }
}
