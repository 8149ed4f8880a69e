package dev.dbops.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.drift.DriftGuard;
import dev.dbops.runtime.MonitorDatabase;
import dev.dbops.runtime.PendingMigrationLint;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.spring.actuate.DbopsEndpoint;
import dev.dbops.spring.actuate.DbopsMetrics;
import dev.dbops.spring.autoconfigure.DbopsProperties;
import dev.dbops.spring.guard.DriftStatus;
import dev.dbops.spring.guard.FlywayPendingMigrationLint;
import dev.dbops.spring.guard.StartupDriftCheck;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import liquibase.integration.spring.SpringLiquibase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BackOffTest {

    @TempDir
    Path temp;

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void backsOffEntirelyWhenDisabled() {
        Runners.withFlyway(database, "dbops.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DbopsProperties.class).doesNotHaveBean(DriftStatus.class)
                    .doesNotHaveBean(StartupDriftCheck.class).doesNotHaveBean(FlywayPendingMigrationLint.class)
                    .doesNotHaveBean(PoolMonitor.class).doesNotHaveBean(DbopsEndpoint.class)
                    .doesNotHaveBean("dbopsHealthContributor");
            assertThat(context).hasSingleBean(Flyway.class);
        });
    }

    @Test
    void backsOffWithoutADataSource() {
        new ApplicationContextRunner().withConfiguration(Runners.DBOPS).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DbopsProperties.class).doesNotHaveBean(MonitorDatabase.class)
                    .doesNotHaveBean(StartupDriftCheck.class).doesNotHaveBean(DbopsEndpoint.class);
        });
    }

    @Test
    void leavesTheGuardOutWithoutFlywayOrLiquibase() {
        Runners.withFlyway(database).withClassLoader(new FilteredClassLoader(Flyway.class, SpringLiquibase.class))
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(DriftStatus.class).hasSingleBean(MonitorDatabase.class)
                            .doesNotHaveBean(StartupDriftCheck.class).doesNotHaveBean(PendingMigrationLint.class)
                            .doesNotHaveBean(DriftGuard.class);
                });
    }

    @Test
    void leavesTheGuardOutWhenItIsDisabled() {
        Runners.withFlyway(database, "dbops.guard.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(StartupDriftCheck.class)
                    .doesNotHaveBean(FlywayPendingMigrationLint.class).hasSingleBean(DriftStatus.class)
                    .hasBean("dbopsHealthContributor");
        });
    }

    @Test
    void leavesOutTheDriftCheckWhenItsModeIsOffAndTheLintWhenItIsDisabled() {
        Runners.withFlyway(database, "dbops.guard.drift.mode=OFF", "dbops.guard.lint.enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(StartupDriftCheck.class)
                    .doesNotHaveBean(FlywayPendingMigrationLint.class).doesNotHaveBean(PendingMigrationLint.class);
            assertThat(context.getBean(DriftStatus.class).latest()).isEmpty();
        });
    }

    @Test
    void leavesOutEachMonitorWhenItsFeatureIsDisabled() {
        database.migrate("classpath:guard/clean");
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + database.snapshot(temp),
                "dbops.pool.enabled=false", "dbops.backup.enabled=false", "dbops.replication.enabled=false",
                "management.health.dbops.enabled=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(PoolMonitor.class);
                    CompositeHealthContributor health = context.getBean("dbopsHealthContributor",
                            CompositeHealthContributor.class);
                    assertThat(health.stream().map(c -> c.name()).toList()).containsExactly("drift");
                });
    }

    @Test
    void leavesOutHealthWhenItsIndicatorIsDisabledAndMetricsWithoutARegistry() {
        database.migrate("classpath:guard/clean");
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + database.snapshot(temp),
                "management.health.dbops.enabled=false").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean("dbopsHealthContributor").doesNotHaveBean(DbopsMetrics.class);
                });
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + database.snapshot(temp))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(DbopsMetrics.class);
                });
    }
}
