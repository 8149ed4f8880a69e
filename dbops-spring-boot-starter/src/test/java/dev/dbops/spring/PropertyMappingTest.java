package dev.dbops.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.ErrorCode;
import dev.dbops.drift.DriftGuard;
import dev.dbops.lint.LintReport;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import dev.dbops.pool.PoolHealthReport;
import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.PendingMigrationLint;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.spring.guard.DbopsStartupException;
import dev.dbops.spring.guard.DriftStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertyMappingTest {

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

    private static MigrationSet unsafe() {
        return MigrationSource.builder().location("classpath:guard/unsafe").build().load();
    }

    @Test
    void lintsWithTheServersMajorVersionUnlessOneIsConfigured() {
        Runners.withFlyway(database, "dbops.guard.drift.mode=off").run(context -> {
            LintReport report = context.getBean(PendingMigrationLint.class).check(MigrationSet.class.cast(
                    MigrationSource.builder().location("classpath:guard/clean").build().load()), 15);
            assertThat(report.pgVersion()).isEqualTo(15);
        });
        Runners.withFlyway(database, "dbops.guard.drift.mode=off", "dbops.guard.lint.pg-version=17").run(context -> {
            LintReport report = context.getBean(PendingMigrationLint.class)
                    .check(MigrationSource.builder().location("classpath:guard/clean").build().load(), 15);
            assertThat(report.pgVersion()).isEqualTo(17);
        });
    }

    @Test
    void ignoredRulesAndFailOnNeverLetAnUnsafeMigrationRun() {
        Runners.withFlyway(database, "dbops.guard.drift.mode=off",
                "dbops.guard.lint.ignore-rules=require-concurrent-index-creation").run(context ->
                assertThat(context.getBean(PendingMigrationLint.class).check(unsafe(), 15)
                        .violationsAtLeast(dev.dbops.lint.Severity.ERROR)).isEmpty());
        Runners.withFlyway(database, "dbops.guard.drift.mode=off", "dbops.guard.lint.fail-on=never",
                "spring.flyway.locations=classpath:guard/clean,classpath:guard/unsafe").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(database.queryString("select count(*) from pg_indexes where indexname ="
                            + " 'orders_customer_id_idx'")).isEqualTo("1");
                });
    }

    @Test
    void failOnWarningStopsAWarningUnlessTheTimeoutsAreConfiguredOutsideTheSql() {
        database.migrate("classpath:guard/clean");
        String locations = "spring.flyway.locations=classpath:guard/clean,classpath:guard/warning";
        Runners.withFlyway(database, "dbops.guard.drift.mode=off", "dbops.guard.lint.fail-on=warning", locations)
                .run(context -> {
                    assertThat(context).hasFailed();
                    DbopsStartupException failure = startupFailure(context.getStartupFailure());
                    assertThat(failure.code()).isEqualTo(ErrorCode.UNSAFE_MIGRATION);
                    assertThat(failure.description()).contains("warning[require-lock-timeout]");
                });
        Runners.withFlyway(database, "dbops.guard.drift.mode=off", "dbops.guard.lint.fail-on=warning", locations,
                "dbops.guard.lint.lock-timeout-configured=true", "dbops.guard.lint.statement-timeout-configured=true")
                .run(context -> assertThat(context).hasNotFailed());
        assertThat(database.queryString("select data_type from information_schema.columns where column_name = 'note'"))
                .isEqualTo("text");
    }

    @Test
    void ignoredObjectsAndWarnModeLetADriftedDatabaseStart() {
        database.migrate("classpath:guard/clean");
        Path snapshot = database.snapshot(temp);
        database.execute("alter table customers alter column email type varchar(200)");
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + snapshot,
                "dbops.guard.drift.ignore-objects=public.customers").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(outcome(context.getBean(DriftStatus.class))).isEqualTo(DriftGuard.Outcome.PASS);
                });
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + snapshot, "dbops.guard.drift.mode=warn",
                "dbops.guard.drift.reconciliation-directory=" + temp.resolve("r")).run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(outcome(context.getBean(DriftStatus.class))).isEqualTo(DriftGuard.Outcome.FAIL);
                    assertThat(context.getBean(DriftStatus.class).latest().orElseThrow().reconciliation())
                            .containsExactly(temp.resolve("r").resolve("V3__reconcile_drift.sql"));
                });
    }

    @Test
    void driftFailOnWarningFailsAMigrationAppliedByANewerRelease() {
        database.migrate("classpath:guard/clean", "classpath:guard/unsafe");
        Path snapshot = database.snapshot(temp);
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + snapshot).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(outcome(context.getBean(DriftStatus.class))).isEqualTo(DriftGuard.Outcome.WARN);
        });
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + snapshot,
                "dbops.guard.drift.fail-on=warning").run(context -> {
                    assertThat(context).hasFailed();
                    DbopsStartupException failure = startupFailure(context.getStartupFailure());
                    assertThat(failure.code()).isEqualTo(ErrorCode.MIGRATION_DRIFT);
                    assertThat(failure.description()).contains("FAIL V3 applied, newer than the files");
                });
    }

    @Test
    void poolAndBackupPropertiesReachTheInspectorAndTheStatus() {
        database.migrate("classpath:guard/clean");
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + database.snapshot(temp),
                "dbops.pool.window=300ms", "dbops.pool.sample-interval=100ms", "dbops.backup.max-age=2h")
                .run(context -> {
                    PoolHealthReport report = context.getBean(PoolMonitor.class).inspectNow().orElseThrow();
                    assertThat(report.window()).isEqualTo(Duration.ofMillis(300));
                    assertThat(report.samples()).hasSizeBetween(3, 5);
                    assertThat(context.getBean(BackupStatus.class).maxAge()).isEqualTo(Duration.ofHours(2));
                });
    }

    private static DriftGuard.Outcome outcome(DriftStatus status) {
        return status.latest().orElseThrow().decision().orElseThrow().outcome();
    }

    static DbopsStartupException startupFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DbopsStartupException startup) {
                return startup;
            }
        }
        throw new AssertionError("no DbopsStartupException in", failure);
    }
}
