package dev.dbops.spring.autoconfigure;

import dev.dbops.drift.DriftDetector;
import dev.dbops.spring.guard.DriftDetectors;
import dev.dbops.spring.guard.FlywayMigrationSources;
import dev.dbops.spring.guard.MigrationSources;
import dev.dbops.spring.guard.SnapshotPreload;
import java.util.List;
import java.util.Optional;
import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/**
 * Where the drift check's migration files come from, tried in this order: the Flyway bean's configuration,
 * the Liquibase bean's changelog, else {@code dbops.guard.locations} (or Spring Boot's default Flyway
 * location) for an application that runs no migration tool itself.
 */
final class DriftDetectorConfigurations {

    private DriftDetectorConfigurations() {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Flyway.class)
    @ConditionalOnBean(Flyway.class)
    @Conditional(DbopsGuardAutoConfiguration.OnDriftCheck.class)
    static class FromFlyway {

        @Bean
        @ConditionalOnMissingBean
        DriftDetector dbopsDriftDetector(Flyway flyway, DbopsProperties properties, ResourceLoader resources,
                ObjectProvider<SnapshotPreload> preload) {
            return DriftDetectors.build(properties.getGuard().getDrift(),
                    FlywayMigrationSources.ofFlyway(flyway.getConfiguration(), properties.getGuard().getLocations()),
                    Optional.of(FlywayMigrationSources.flywayTable(flyway.getConfiguration())), resources,
                    Optional.ofNullable(preload.getIfUnique()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(SpringLiquibase.class)
    @ConditionalOnBean(SpringLiquibase.class)
    @Conditional(DbopsGuardAutoConfiguration.OnDriftCheck.class)
    static class FromLiquibase {

        @Bean
        @ConditionalOnMissingBean
        DriftDetector dbopsDriftDetector(SpringLiquibase liquibase, DbopsProperties properties, ResourceLoader resources,
                ObjectProvider<SnapshotPreload> preload) {
            List<String> locations = properties.getGuard().getLocations().isEmpty()
                    ? List.of(liquibase.getChangeLog()) : properties.getGuard().getLocations();
            return DriftDetectors.build(properties.getGuard().getDrift(),
                    MigrationSources.of(locations, resources.getClassLoader()), Optional.empty(), resources,
                    Optional.ofNullable(preload.getIfUnique()));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(DbopsGuardAutoConfiguration.OnDriftCheck.class)
    static class FromLocations {

        @Bean
        @ConditionalOnMissingBean
        DriftDetector dbopsDriftDetector(DbopsProperties properties, ResourceLoader resources,
                ObjectProvider<SnapshotPreload> preload) {
            List<String> locations = properties.getGuard().getLocations().isEmpty()
                    ? List.of(MigrationSources.DEFAULT_FLYWAY_LOCATION) : properties.getGuard().getLocations();
            return DriftDetectors.build(properties.getGuard().getDrift(),
                    MigrationSources.of(locations, resources.getClassLoader()), Optional.empty(), resources,
                    Optional.ofNullable(preload.getIfUnique()));
        }
    }
}
