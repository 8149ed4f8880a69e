package dev.dbops.audit;

import static dev.dbops.audit.AuditTesting.about;
import static dev.dbops.audit.AuditTesting.applyRemediation;
import static dev.dbops.audit.AuditTesting.audit;
import static dev.dbops.audit.AuditTesting.auditUntil;
import static dev.dbops.audit.AuditTesting.burnXids;
import static dev.dbops.audit.AuditTesting.connectAs;
import static dev.dbops.audit.AuditTesting.exec;
import static dev.dbops.audit.AuditTesting.flags;
import static dev.dbops.audit.AuditTesting.only;
import static dev.dbops.audit.AuditTesting.pid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class SessionChecksTest {

    private static final Consumer<AuditThresholds.Builder> FAST_SESSIONS = t -> t
            .set(AuditThreshold.LONG_QUERY_WARNING, Duration.ofMillis(300))
            .set(AuditThreshold.IDLE_IN_TRANSACTION_WARNING, Duration.ofMillis(300));

    @Test
    void flagsALongRunningQueryAndCancellingItClearsIt() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect();
             Connection reporting = connectAs(database, "report-job")) {
            int pid = pid(reporting);
            CompletableFuture<Void> sleeping = CompletableFuture.runAsync(() -> {
                try {
                    exec(reporting, "select pg_sleep(60)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            AuditReport report = auditUntil(connection, AuditCheck.LONG_RUNNING_QUERY, FAST_SESSIONS,
                    r -> flags(r, "pid " + pid));

            AuditFinding finding = only(report, "pid " + pid);
            assertThat(finding.severity()).isEqualTo(AuditSeverity.WARNING);
            assertThat(finding.evidence()).containsEntry("applicationName", "report-job")
                    .containsEntry("query", "select pg_sleep(60)").containsEntry("database", database.name());
            assertThat(finding.number("runningSeconds")).hasValueSatisfying(s -> assertThat(s).isGreaterThan(0.3));
            assertThat(finding.remediation()).contains("-- cancels the query (the session stays); pg_terminate_backend("
                    + pid + ") ends the session\nSELECT pg_cancel_backend(" + pid + ");");
            assertThat(audit(connection, AuditCheck.LONG_RUNNING_QUERY).findings())
                    .as("the default threshold is a minute").isEmpty();

            applyRemediation(connection, finding);
            assertThat(sleeping).failsWithin(Duration.ofSeconds(10));
            assertThat(audit(connection, AuditCheck.LONG_RUNNING_QUERY, FAST_SESSIONS).findings()).isEmpty();
        }
    }

    @Test
    void groupsSessionsIdleInTransactionByApplicationAndTerminatingThemClearsTheFinding() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect();
             Connection orders1 = connectAs(database, "orders-api");
             Connection orders2 = connectAs(database, "orders-api");
             Connection billing = connectAs(database, "billing");
             Connection idle = connectAs(database, "idle-pool")) {
            int orders1Pid = pid(orders1);
            int orders2Pid = pid(orders2);
            for (Connection open : List.of(orders1, orders2, billing)) {
                open.setAutoCommit(false);
                exec(open, "select 1");
            }
            Thread.sleep(400);

            AuditReport report = audit(connection, AuditCheck.IDLE_IN_TRANSACTION, FAST_SESSIONS);

            String ordersGroup = "application 'orders-api' (user postgres, database " + database.name() + ")";
            String billingGroup = "application 'billing' (user postgres, database " + database.name() + ")";
            assertThat(report.findings()).extracting(AuditFinding::object)
                    .containsExactlyInAnyOrder(ordersGroup, billingGroup);
            AuditFinding orders = only(report, ordersGroup);
            assertThat(orders.evidence()).containsEntry("sessions", 2L).containsEntry("lastQuery", "select 1")
                    .containsEntry("idleInTransactionSessionTimeoutMillis", 0L);
            assertThat((String) orders.evidence().get("pids")).contains(String.valueOf(orders1Pid),
                    String.valueOf(orders2Pid));
            assertThat(orders.number("longestIdleSeconds")).hasValueSatisfying(s -> assertThat(s).isGreaterThan(0.3));
            assertThat(orders.message()).contains("2 sessions of application 'orders-api'",
                    "idle_in_transaction_session_timeout is off");
            assertThat(orders.remediation().orElseThrow()).contains("SELECT pg_terminate_backend(" + orders1Pid + ");",
                    "-- ALTER ROLE \"postgres\" SET idle_in_transaction_session_timeout = '5min';");

            applyRemediation(connection, only(report, billingGroup));
            // pg_terminate_backend signals the backend; it exits a moment later.
            AuditReport after = auditUntil(connection, AuditCheck.IDLE_IN_TRANSACTION, FAST_SESSIONS,
                    r -> !flags(r, billingGroup));
            assertThat(after.findings()).extracting(AuditFinding::object).containsExactly(ordersGroup);
        }
    }

    @Test
    void flagsABackendWhoseSnapshotHoldsBackTheXminHorizon() throws Exception {
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect();
             Connection holder = connectAs(database, "snapshot-holder")) {
            holder.setAutoCommit(false);
            exec(holder, "set transaction isolation level repeatable read", "select count(*) from pg_class");
            int pid = pid(holder);
            burnXids(connection, 500);
            Consumer<AuditThresholds.Builder> young = t -> t.set(AuditThreshold.XMIN_HORIZON_MIN_AGE, 300L);

            AuditReport report = audit(connection, AuditCheck.XMIN_HORIZON, young);

            AuditFinding finding = only(report, "pid " + pid);
            assertThat(finding.severity()).isEqualTo(AuditSeverity.WARNING);
            assertThat(finding.evidence()).containsEntry("holder", "backend")
                    .containsEntry("applicationName", "snapshot-holder").containsEntry("state", "idle in transaction");
            assertThat(finding.number("xminAge")).hasValueSatisfying(age -> assertThat(age).isGreaterThanOrEqualTo(500));
            assertThat(about(audit(connection, AuditCheck.XMIN_HORIZON), "pid " + pid))
                    .as("the default threshold is a million transactions").isEmpty();

            applyRemediation(connection, finding);
            assertThat(auditUntil(connection, AuditCheck.XMIN_HORIZON, young, r -> !flags(r, "pid " + pid)).findings())
                    .extracting(AuditFinding::object).doesNotContain("pid " + pid);
        }
    }

    @Test
    void flagsConnectionUseAgainstTheConnectionsOrdinaryUsersMayOpen() throws Exception {
        List<Connection> pool = new ArrayList<>();
        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            for (int i = 0; i < 5; i++) {
                pool.add(connectAs(database, "pool-a"));
            }
            long max = AuditTesting.queryLong(connection, "select current_setting('max_connections')::int");
            long reserved = AuditTesting.queryLong(connection,
                    "select current_setting('superuser_reserved_connections')::int");

            AuditReport report = audit(connection, AuditCheck.CONNECTION_USAGE,
                    t -> t.set(AuditThreshold.CONNECTION_WARNING_RATIO, 0.05));

            AuditFinding finding = only(report, "server");
            assertThat(finding.evidence()).containsEntry("maxConnections", max)
                    .containsEntry("usableConnections", max - reserved);
            assertThat((String) finding.evidence().get("byApplication")).contains("pool-a=5");
            assertThat(finding.number("connections")).hasValueSatisfying(n -> assertThat(n).isGreaterThanOrEqualTo(6));
            assertThat(audit(connection, AuditCheck.CONNECTION_USAGE).findings())
                    .as("the default warning is at 80%").isEmpty();
        } finally {
            for (Connection open : pool) {
                open.close();
            }
        }
    }
}
