package dev.dbops.audit;

import static dev.dbops.audit.AuditTesting.applyRemediation;
import static dev.dbops.audit.AuditTesting.exec;
import static dev.dbops.audit.AuditTesting.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbops.postgres.EmbeddedPostgres;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.StreamingStandby;
import java.nio.file.Files;
import java.sql.Connection;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Replication lag seen from both ends of a real streaming replica. */
class ReplicationLagTest {

    private static final Consumer<AuditThresholds.Builder> SENSITIVE = t -> t
            .set(AuditThreshold.REPLICATION_LAG_WARNING, Duration.ofMillis(500))
            .set(AuditThreshold.REPLICATION_LAG_WARNING_SIZE, 64L << 10);

    @Test
    void flagsAReplicaWhoseReplayIsPausedOnTheReplicaAndOnThePrimaryUntilReplayResumes() throws Exception {
        assumeTrue(Files.isExecutable(StreamingStandby.PG_BASEBACKUP), "needs the PostgreSQL 15 pg_basebackup");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().version("15").start();
             PostgresDatabase database = server.createDatabase();
             StreamingStandby standby = StreamingStandby.of(server);
             Connection primary = database.connect();
             Connection replica = PostgresConnector.open(standby.url(database.name()))) {
            awaitStreaming(primary);
            assertThat(audit(replica, SENSITIVE).replica()).isTrue();
            assertThat(audit(primary, SENSITIVE).findings()).as("a caught-up replica").isEmpty();
            assertThat(audit(replica, SENSITIVE).findings()).isEmpty();

            exec(replica, "select pg_wal_replay_pause()");
            exec(primary, "create table t (id int, payload text)",
                    "insert into t select g, repeat('r', 100) from generate_series(1, 5000) g");
            Thread.sleep(700);
            exec(primary, "insert into t values (0, 'last')");

            AuditFinding onReplica = only(auditUntil(replica, r -> !r.findings().isEmpty()), "this replica");
            assertThat(onReplica.evidence()).containsEntry("side", "replica").containsEntry("replayPaused", true)
                    .containsEntry("receiverStatus", "streaming");
            assertThat(onReplica.number("replayLagBytes")).hasValueSatisfying(b -> assertThat(b).isGreaterThan(64 << 10));
            assertThat(onReplica.message()).contains("replay is paused");
            assertThat(onReplica.remediation()).contains("SELECT pg_wal_replay_resume();");
            AuditFinding onPrimary = auditUntil(primary, r -> !r.findings().isEmpty()).findings().get(0);
            assertThat(onPrimary.object()).startsWith("replica 'walreceiver' at 127.0.0.1");
            assertThat(onPrimary.evidence()).containsEntry("side", "primary").containsEntry("state", "streaming")
                    .containsEntry("syncState", "async");
            assertThat(onPrimary.number("replayLagBytes")).hasValueSatisfying(b -> assertThat(b).isGreaterThan(64 << 10));

            applyRemediation(replica, onReplica);
            assertThat(auditUntil(replica, r -> r.findings().isEmpty()).findings()).isEmpty();
            assertThat(auditUntil(primary, r -> r.findings().isEmpty()).findings()).isEmpty();
        }
    }

    @Test
    void everyCheckRunsOnAReplica() throws Exception {
        assumeTrue(Files.isExecutable(StreamingStandby.PG_BASEBACKUP), "needs the PostgreSQL 15 pg_basebackup");
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().version("15").start();
             PostgresDatabase database = server.createDatabase()) {
            try (Connection primary = database.connect()) {
                exec(primary, "create table parent (id bigint primary key)",
                        "create table child (id serial primary key, parent_id bigint references parent)",
                        "select setval('child_id_seq', 2000000000)");
            }
            try (StreamingStandby standby = StreamingStandby.of(server);
                 Connection replica = PostgresConnector.open(standby.url(database.name()))) {
                AuditReport report = DatabaseAudit.builder().build().run(replica);

                assertThat(report.replica()).isTrue();
                assertThat(report.failedChecks()).as(report.toText()).isEmpty();
                assertThat(report.outcome(AuditCheck.ARCHIVER_FAILURE).orElseThrow().status())
                        .isEqualTo(CheckOutcome.Status.SKIPPED);
                assertThat(report.findings()).extracting(f -> f.check().id() + " " + f.object())
                        .contains("foreign-key-without-index public.child", "sequence-exhaustion public.child_id_seq");
            }
        }
    }

    private static AuditReport audit(Connection connection, Consumer<AuditThresholds.Builder> thresholds) {
        return AuditTesting.audit(connection, AuditCheck.REPLICATION_LAG, thresholds);
    }

    private static AuditReport auditUntil(Connection connection, Predicate<AuditReport> until) throws Exception {
        return AuditTesting.auditUntil(connection, AuditCheck.REPLICATION_LAG, SENSITIVE, until);
    }

    private static void awaitStreaming(Connection primary) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (AuditTesting.queryLong(primary, "select count(*) from pg_stat_replication where state = 'streaming'") == 0) {
            assertThat(System.nanoTime()).as("the standby never started streaming").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
