package dev.dbops.spring.autoconfigure;

import dev.dbops.drift.DriftDetector;
import dev.dbops.drift.DriftGuard;
import dev.dbops.lint.MigrationLinter;
import dev.dbops.lint.Severity;
import dev.dbops.runtime.MonitorDatabase;
import dev.dbops.runtime.PendingMigrationLint;
import dev.dbops.spring.guard.DbopsStartupException;
import dev.dbops.spring.guard.DriftStatus;
import dev.dbops.spring.guard.FlywayPendingMigrationLint;
import dev.dbops.spring.guard.LiquibasePendingMigrationLint;
import dev.dbops.spring.guard.SnapshotPreload;
import dev.dbops.spring.guard.StartupDriftCheck;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration of the startup guard: the lint of pending migrations before Flyway runs them, and the
 * drift check after the migrations, ordered by Spring Boot's database initialization.
 *
 * <p>Active with Flyway or Liquibase on the class path, a single {@link DataSource}, and neither
 * {@code dbops.enabled} nor {@code dbops.guard.enabled} set to {@code false}.
 */
@AutoConfiguration(after = DbopsAutoConfiguration.class,
        afterName = {"org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration"})
@ConditionalOnBooleanProperty(name = "dbops.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "dbops.guard.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@Conditional(DbopsGuardAutoConfiguration.OnMigrationTool.class)
@Import({DatabaseInitializationDependencyConfigurer.class, DriftDetectorConfigurations.FromFlyway.class,
    DriftDetectorConfigurations.FromLiquibase.class, DriftDetectorConfigurations.FromLocations.class})
public class DbopsGuardAutoConfiguration {

    /** Creates the auto-configuration. */
    public DbopsGuardAutoConfiguration() {
    }

    /** The policy that turns a drift report into pass, warn or fail: {@code dbops.guard.drift.fail-on}. */
    @Bean
    @ConditionalOnMissingBean
    public DriftGuard dbopsDriftGuard(DbopsProperties properties) {
        return DriftGuard.builder().failOn(properties.getGuard().getDrift().getFailOn()).build();
    }

    /**
     * Reads the committed snapshot in the background from the start of the refresh, for the drift check's
     * detector (see {@link SnapshotPreload}). Static: it is a bean factory post-processor.
     */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnDriftCheck.class)
    public static SnapshotPreload dbopsSnapshotPreload() {
        return new SnapshotPreload(new GuardProperties.Drift().getSnapshot());
    }

    /** The lint of pending migrations and its threshold, {@code dbops.guard.lint.*}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "dbops.guard.lint.enabled", matchIfMissing = true)
    public PendingMigrationLint dbopsPendingMigrationLint(DbopsProperties properties,
            ObjectProvider<MigrationLinter> linter) {
        GuardProperties.Lint lint = properties.getGuard().getLint();
        Optional<Severity> failOn = switch (lint.getFailOn()) {
            case ERROR -> Optional.of(Severity.ERROR);
            case WARNING -> Optional.of(Severity.WARNING);
            case NEVER -> Optional.empty();
        };
        return new PendingMigrationLint(new PendingMigrationLint.Settings(failOn, Optional.ofNullable(lint.getPgVersion()),
                lint.getIgnoreRules(), lint.isLockTimeoutConfigured(), lint.isStatementTimeoutConfigured()),
                Optional.ofNullable(linter.getIfUnique()), DbopsStartupException::new);
    }

    /** The drift check, run once every database initializer has run. */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnDriftCheck.class)
    public StartupDriftCheck dbopsStartupDriftCheck(DataSource dataSource, DriftDetector detector, DriftGuard guard,
            DbopsProperties properties, MonitorDatabase database, DriftStatus status) {
        return new StartupDriftCheck(dataSource, detector, guard, properties.getGuard(), database, status);
    }

    /** Registers the lint as a Flyway callback, so that it runs before any pending migration. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
    @ConditionalOnBooleanProperty(name = "dbops.guard.lint.enabled", matchIfMissing = true)
    static class FlywayLintConfiguration {

        @Bean
        @ConditionalOnMissingBean
        FlywayPendingMigrationLint dbopsFlywayPendingMigrationLint(PendingMigrationLint lint, DbopsProperties properties) {
            return new FlywayPendingMigrationLint(lint, properties.getGuard().getLocations());
        }
    }

    /** Registers the lint as a database initializer that Liquibase's waits for. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "liquibase.integration.spring.SpringLiquibase")
    @ConditionalOnBean(type = "org.springframework.boot.liquibase.autoconfigure.LiquibaseProperties")
    @ConditionalOnBooleanProperty(name = "dbops.guard.lint.enabled", matchIfMissing = true)
    static class LiquibaseLintConfiguration {

        @Bean
        @ConditionalOnMissingBean
        LiquibasePendingMigrationLint dbopsLiquibasePendingMigrationLint(PendingMigrationLint lint, DataSource dataSource,
                LiquibaseProperties liquibase, DbopsProperties properties, ResourceLoader resources) {
            return new LiquibasePendingMigrationLint(lint, dataSource, new LiquibasePendingMigrationLint.Changelog(
                    liquibase.getChangeLog(), join(liquibase.getContexts()), join(liquibase.getLabelFilter()),
                    liquibase.getParameters() == null ? Map.of() : liquibase.getParameters(),
                    liquibase.getDefaultSchema(), liquibase.getDatabaseChangeLogTable()),
                    properties.getGuard().getLocations(), resources.getClassLoader());
        }

        private static String join(List<String> values) {
            return values == null ? "" : String.join(",", values);
        }
    }

    /** Flyway or Liquibase is on the class path. */
    static final class OnMigrationTool extends AnyNestedCondition {

        OnMigrationTool() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
        static final class FlywayPresent {
        }

        @ConditionalOnClass(name = "liquibase.integration.spring.SpringLiquibase")
        static final class LiquibasePresent {
        }
    }

    /** {@code dbops.guard.drift.mode} is {@code fail} (the default) or {@code warn}. */
    static final class OnDriftCheck extends AnyNestedCondition {

        OnDriftCheck() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(name = "dbops.guard.drift.mode", havingValue = "fail", matchIfMissing = true)
        static final class Fail {
        }

        @ConditionalOnProperty(name = "dbops.guard.drift.mode", havingValue = "warn")
        static final class Warn {
        }
    }
}
