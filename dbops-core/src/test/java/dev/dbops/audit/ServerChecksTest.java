package dev.dbops.audit;

import static dev.dbops.audit.AuditTesting.applyRemediation;
import static dev.dbops.audit.AuditTesting.audit;
import static dev.dbops.audit.AuditTesting.auditUntil;
import static dev.dbops.audit.AuditTesting.burnXids;
import static dev.dbops.audit.AuditTesting.exec;
import static dev.dbops.audit.AuditTesting.flags;
import static dev.dbops.audit.AuditTesting.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.EmbeddedPostgres;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The checks that need server settings the shared test server does not have. */
class ServerChecksTest {

    private static EmbeddedPostgres server;

    @BeforeAll
    static void startServer() {
        server = AuditServers.start("15");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Test
    void flagsAnOldPreparedTransactionAndRollingItBackClearsIt() throws Exception {
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            exec(connection, "create table payments (id int)", "begin", "insert into payments values (1)",
                    "prepare transaction 'payment-42'");
            Thread.sleep(300);

            AuditReport report = audit(connection, AuditCheck.XMIN_HORIZON,
                    t -> t.set(AuditThreshold.PREPARED_TRANSACTION_MAX_AGE, Duration.ofMillis(200)));

            AuditFinding finding = only(report, "prepared transaction payment-42");
            assertThat(finding.evidence()).containsEntry("holder", "prepared transaction")
                    .containsEntry("database", database.name()).containsEntry("owner", "postgres");
            assertThat(finding.remediation().orElseThrow()).endsWith("ROLLBACK PREPARED 'payment-42';");
            assertThat(audit(connection, AuditCheck.XMIN_HORIZON).findings())
                    .as("the default age is 5 minutes").isEmpty();

            applyRemediation(connection, finding);
            assertThat(audit(connection, AuditCheck.XMIN_HORIZON,
                    t -> t.set(AuditThreshold.PREPARED_TRANSACTION_MAX_AGE, Duration.ofMillis(200))).findings()).isEmpty();
        }
    }

    @Test
    void flagsInactiveSlotsWithTheWalTheyRetainAndTheHorizonALogicalSlotHolds() throws Exception {
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            exec(connection, "select pg_create_physical_replication_slot('standby_1', true)",
                    "select pg_create_logical_replication_slot('cdc', 'test_decoding')",
                    "create table filler (id int, payload text)",
                    "insert into filler select g, repeat('w', 200) from generate_series(1, 20000) g");
            burnXids(connection, 100);

            AuditReport report = audit(connection, AuditCheck.INACTIVE_REPLICATION_SLOT);

            AuditFinding standby = only(report, "slot standby_1");
            assertThat(standby.severity()).as("below the 1GB default").isEqualTo(AuditSeverity.INFO);
            assertThat(standby.evidence()).containsEntry("slotType", "physical").containsEntry("walStatus", "reserved");
            assertThat(standby.number("retainedWalBytes")).hasValueSatisfying(b -> assertThat(b).isGreaterThan(4e6));
            assertThat(only(report, "slot cdc").evidence()).containsEntry("plugin", "test_decoding")
                    .containsEntry("database", database.name());
            assertThat(only(audit(connection, AuditCheck.INACTIVE_REPLICATION_SLOT,
                    t -> t.set(AuditThreshold.SLOT_RETAINED_WARNING_SIZE, 1L << 20)), "slot standby_1").severity())
                    .isEqualTo(AuditSeverity.WARNING);
            AuditFinding horizon = only(audit(connection, AuditCheck.XMIN_HORIZON,
                    t -> t.set(AuditThreshold.XMIN_HORIZON_MIN_AGE, 50L)), "slot cdc");
            assertThat(horizon.evidence()).containsEntry("holder", "replication slot").containsEntry("active", false);
            assertThat(horizon.number("catalogXminAge")).hasValueSatisfying(age -> assertThat(age).isGreaterThan(100));

            for (AuditFinding finding : report.findings()) {
                applyRemediation(connection, finding);
            }
            assertThat(audit(connection, AuditCheck.INACTIVE_REPLICATION_SLOT).findings()).isEmpty();
            assertThat(flags(audit(connection, AuditCheck.XMIN_HORIZON,
                    t -> t.set(AuditThreshold.XMIN_HORIZON_MIN_AGE, 50L)), "slot cdc")).isFalse();
        }
    }

    @Test
    void flagsFailingWalArchivingAndSkipsTheCheckWhereArchivingIsOff() throws Exception {
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            exec(connection, "create table t (id int)", "insert into t values (1)", "select pg_switch_wal()");

            AuditReport report = auditUntil(connection, AuditCheck.ARCHIVER_FAILURE, t -> { },
                    r -> flags(r, "archiver"));

            AuditFinding finding = only(report, "archiver");
            assertThat(finding.severity()).isEqualTo(AuditSeverity.CRITICAL);
            assertThat(finding.number("failedCount")).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(1));
            assertThat(finding.evidence()).containsKeys("lastFailedWal", "lastFailedAt");
            assertThat(finding.message()).contains("WAL archiving is failing", "no segment was ever archived");
        }
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            CheckOutcome outcome = audit(connection, AuditCheck.ARCHIVER_FAILURE)
                    .outcome(AuditCheck.ARCHIVER_FAILURE).orElseThrow();
            assertThat(outcome.status()).isEqualTo(CheckOutcome.Status.SKIPPED);
            assertThat(outcome.detail()).contains("archive_mode is off");
        }
    }

    @Test
    void flagsSlowStatementsFromPgStatStatements() throws Exception {
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            exec(connection, "create extension pg_stat_statements", "select pg_stat_statements_reset()");
            for (int i = 0; i < 4; i++) {
                exec(connection, "select pg_sleep(0.05)");
            }
            for (int i = 0; i < 20; i++) {
                exec(connection, "select count(*) from pg_class");
            }

            AuditReport report = audit(connection, AuditCheck.SLOW_QUERY, t -> t
                    .set(AuditThreshold.SLOW_QUERY_MIN_MEAN, Duration.ofMillis(20))
                    .set(AuditThreshold.SLOW_QUERY_MIN_CALLS, 3L));

            assertThat(report.findings()).hasSize(1);
            AuditFinding finding = report.findings().get(0);
            assertThat(finding.evidence()).containsEntry("query", "select pg_sleep($1)").containsEntry("calls", 4L)
                    .containsEntry("rankByTotalTime", 1L);
            assertThat(finding.number("meanMillis")).hasValueSatisfying(ms -> assertThat(ms).isGreaterThanOrEqualTo(50));
            assertThat(audit(connection, AuditCheck.SLOW_QUERY).findings())
                    .as("the default is 100 calls of 100 ms").isEmpty();
        }
    }

    @Test
    void skipsStatementChecksWhenPgStatStatementsIsMissingOrNotPreloaded() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            CheckOutcome missing = audit(connection, AuditCheck.SLOW_QUERY).outcome(AuditCheck.SLOW_QUERY).orElseThrow();
            assertThat(missing.status()).isEqualTo(CheckOutcome.Status.SKIPPED);
            assertThat(missing.detail()).contains("not installed");

            exec(connection, "create extension pg_stat_statements");
            CheckOutcome notLoaded = audit(connection, AuditCheck.SLOW_QUERY).outcome(AuditCheck.SLOW_QUERY)
                    .orElseThrow();
            assertThat(notLoaded.status()).isEqualTo(CheckOutcome.Status.SKIPPED);
            assertThat(notLoaded.detail()).contains("not loaded", "shared_preload_libraries");
        }
    }

    @Test
    void flagsAStatementSlowerThanInASavedBaselineSample() throws Exception {
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            exec(connection, "create extension pg_stat_statements", "select pg_stat_statements_reset()");
            sleepCalls(connection, 0.01, 4);
            for (int i = 0; i < 10; i++) {
                exec(connection, "select count(*) from pg_namespace");
            }
            DatabaseAudit audit = DatabaseAudit.builder().build();
            QueryStatsSample saved = QueryStatsSample.fromJson(audit.captureQueryStats(connection).toJson());
            sleepCalls(connection, 0.06, 4);
            for (int i = 0; i < 10; i++) {
                exec(connection, "select count(*) from pg_namespace");
            }
            AuditThresholds thresholds = AuditThresholds.builder()
                    .set(AuditThreshold.REGRESSION_MIN_CALLS, 3L)
                    .set(AuditThreshold.REGRESSION_MIN_MEAN, Duration.ofMillis(5)).build();

            AuditReport report = DatabaseAudit.builder().only(AuditCheck.QUERY_REGRESSION).thresholds(thresholds)
                    .queryBaseline(saved).build().run(connection);

            assertThat(report.findings()).hasSize(1);
            AuditFinding finding = report.findings().get(0);
            assertThat(finding.evidence()).containsEntry("query", "select pg_sleep($1)").containsEntry("recentCalls", 4L)
                    .containsEntry("baselineCalls", 4L);
            assertThat(finding.number("slowdownFactor")).hasValueSatisfying(f -> assertThat(f).isGreaterThan(3));
            assertThat(audit.captureQueryStats(connection).regressionsSince(saved, thresholds))
                    .extracting(AuditFinding::object).containsExactly(finding.object());
            CheckOutcome withoutBaseline = DatabaseAudit.builder().only(AuditCheck.QUERY_REGRESSION).build()
                    .run(connection).outcome(AuditCheck.QUERY_REGRESSION).orElseThrow();
            assertThat(withoutBaseline.status()).isEqualTo(CheckOutcome.Status.SKIPPED);
        }
    }

    @Test
    void flagsALowCacheHitRatioOnceEnoughBlocksWereRead() throws Exception {
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            AuditTesting.execAndDisconnect(database, "create table big (id int, payload text)",
                    "insert into big select g, repeat('b', 300) from generate_series(1, 20000) g",
                    "select count(*) from big", "select count(*) from big");

            AuditReport report = auditUntil(connection, AuditCheck.CACHE_HIT_RATIO,
                    t -> t.set(AuditThreshold.CACHE_HIT_MIN_BLOCKS, 1000L), r -> r.findings().stream()
                            .anyMatch(f -> String.valueOf(f.evidence().get("mostMissedTables")).contains("public.big=")));

            AuditFinding finding = only(report, "database " + database.name());
            assertThat(finding.number("hitRatio")).hasValueSatisfying(r -> assertThat(r).isLessThan(0.99));
            assertThat((String) finding.evidence().get("mostMissedTables")).contains("public.big=");
            assertThat(audit(connection, AuditCheck.CACHE_HIT_RATIO).findings())
                    .as("the default waits for 100,000 block reads").isEmpty();
        }
    }

    private static void sleepCalls(Connection connection, double seconds, int calls) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("select pg_sleep(?)")) {
            for (int i = 0; i < calls; i++) {
                statement.setDouble(1, seconds);
                statement.execute();
            }
        }
    }
}
