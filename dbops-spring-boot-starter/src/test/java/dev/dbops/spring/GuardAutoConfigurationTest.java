package dev.dbops.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.ErrorCode;
import dev.dbops.drift.DriftGuard;
import dev.dbops.spring.guard.DbopsStartupException;
import dev.dbops.spring.guard.DriftStatus;
import dev.dbops.spring.guard.SnapshotPreload;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class GuardAutoConfigurationTest {

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

    private ApplicationContextRunner runner(String... properties) {
        return Runners.withFlyway(database, properties);
    }

    @Test
    void startsAndRecordsNoDriftWhenTheSchemaMatchesTheSnapshot() {
        database.migrate("classpath:guard/clean");
        Path snapshot = database.snapshot(temp);
        runner("spring.flyway.locations=classpath:guard/clean", "dbops.guard.drift.snapshot=file:" + snapshot)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(DriftStatus.class).latest().orElseThrow().decision().orElseThrow()
                            .outcome()).isEqualTo(DriftGuard.Outcome.PASS);
                    assertThat(context).hasSingleBean(SnapshotPreload.class);
                });
        runner("spring.flyway.locations=classpath:guard/clean", "dbops.guard.drift.mode=off")
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SnapshotPreload.class));
    }

    @Test
    void failsStartupWhenColumnTypeDrifted() {
        database.migrate("classpath:guard/clean");
        Path snapshot = database.snapshot(temp);
        database.execute("alter table customers alter column email type varchar(200)");
        runner("spring.flyway.locations=classpath:guard/clean", "dbops.guard.drift.snapshot=file:" + snapshot,
                "dbops.guard.drift.reconciliation-directory=" + temp.resolve("reconcile"))
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause().isInstanceOf(DbopsStartupException.class);
                    DbopsStartupException failure = (DbopsStartupException) rootCause(context.getStartupFailure());
                    assertThat(failure.code()).isEqualTo(ErrorCode.MIGRATION_DRIFT);
                    assertThat(failure.description()).contains("column public.customers.email differs")
                            .contains("Reconciliation migration written to " + temp.resolve("reconcile")
                                    .resolve("V3__reconcile_drift.sql"));
                    assertThat(Files.readString(temp.resolve("reconcile").resolve("V3__reconcile_drift.sql")))
                            .contains("character varying(200)");
                });
    }

    @Test
    void stopsAnUnsafePendingMigrationBeforeItRuns() {
        database.migrate("classpath:guard/clean");
        Path snapshot = database.snapshot(temp);
        runner("spring.flyway.locations=classpath:guard/clean,classpath:guard/unsafe",
                "dbops.guard.drift.snapshot=file:" + snapshot)
                .run(context -> {
                    assertThat(context).hasFailed();
                    DbopsStartupException failure = (DbopsStartupException) rootCause(context.getStartupFailure());
                    assertThat(failure.code()).isEqualTo(ErrorCode.UNSAFE_MIGRATION);
                    assertThat(failure.description()).contains("require-concurrent-index-creation")
                            .contains("V3__orders_by_customer.sql");
                });
        assertThat(database.queryString("select count(*) from flyway_schema_history where version = '3'")).isEqualTo("0");
        assertThat(database.queryString("select count(*) from pg_indexes where indexname = 'orders_customer_id_idx'"))
                .isEqualTo("0");
    }

    /**
     * With its default transactional lock Flyway holds two connections and opens a third, its event connection,
     * for any beforeMigrate callback; the lint reads the pending migrations on that one and needs no other.
     */
    @Test
    void lintsOnFlywaysEventConnectionWithinFlywaysTransactionalLock() {
        Path snapshot;
        try (TestDatabase reference = TestDatabase.create()) {
            reference.migrate("classpath:guard/clean");
            snapshot = reference.snapshot(temp);
        }
        runner("dbops.guard.drift.snapshot=file:" + snapshot, "spring.flyway.postgresql.transactional-lock=true",
                "spring.datasource.hikari.maximum-pool-size=3", "spring.datasource.hikari.connection-timeout=3000")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(database.queryString("select count(*) from flyway_schema_history where success"))
                            .isEqualTo("2");
                });
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && !(t instanceof DbopsStartupException)) {
            t = t.getCause();
        }
        return t;
    }
}
