package dev.dbops.audit;

import dev.dbops.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Shared helpers of the audit tests: running SQL, auditing with test thresholds, waiting for statistics. */
final class AuditTesting {

    private AuditTesting() {
    }

    /** Runs each statement in auto-commit mode. */
    static void exec(Connection connection, String... statements) throws SQLException {
        for (String sql : statements) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    /** Runs statements on a new connection that is closed afterwards, which flushes its statistics. */
    static void execAndDisconnect(PostgresDatabase database, String... statements) throws SQLException {
        try (Connection connection = database.connect()) {
            exec(connection, statements);
        }
    }

    /**
     * Waits until the statistics show {@code rows} inserted into a table: a backend reports its
     * counters a moment after its transactions end, and a VACUUM or ANALYZE run before that would
     * see its reset undone by the late report.
     */
    static void awaitInserts(Connection connection, String table, long rows) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String sql = "select coalesce((select n_tup_ins from pg_stat_all_tables where relid = '" + table
                + "'::regclass), 0)";
        while (queryLong(connection, sql) < rows) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the statistics never showed " + rows + " rows inserted into " + table);
            }
            Thread.sleep(100);
        }
    }

    /** Consumes {@code count} transaction IDs, one subtransaction each, in one round trip. */
    static void burnXids(Connection connection, int count) throws SQLException {
        exec(connection, "create temp table if not exists xid_burner (i int)",
                "do $$ begin for i in 1.." + count + " loop begin insert into xid_burner values (i);"
                        + " exception when others then null; end; end loop; end $$");
    }

    /** A connection that names itself in pg_stat_activity. */
    static Connection connectAs(PostgresDatabase database, String applicationName) throws SQLException {
        Connection connection = database.connect();
        exec(connection, "set application_name = '" + applicationName + "'");
        return connection;
    }

    static int pid(Connection connection) throws SQLException {
        return (int) queryLong(connection, "select pg_backend_pid()");
    }

    static long queryLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Audits with only the given checks and thresholds adjusted by {@code thresholds}. */
    static AuditReport audit(Connection connection, AuditCheck check, Consumer<AuditThresholds.Builder> thresholds) {
        AuditThresholds.Builder builder = AuditThresholds.builder();
        thresholds.accept(builder);
        return DatabaseAudit.builder().only(check).thresholds(builder.build()).build().run(connection);
    }

    static AuditReport audit(Connection connection, AuditCheck check) {
        return audit(connection, check, b -> { });
    }

    /**
     * Audits until the report satisfies {@code until} or 10 seconds pass, and returns the last report:
     * the statistics views show other sessions' counters a moment after those sessions flush them.
     */
    static AuditReport auditUntil(Connection connection, AuditCheck check, Consumer<AuditThresholds.Builder> thresholds,
            Predicate<AuditReport> until) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        AuditReport report = audit(connection, check, thresholds);
        while (!until.test(report) && System.nanoTime() < deadline) {
            Thread.sleep(200);
            report = audit(connection, check, thresholds);
        }
        return report;
    }

    /** The findings of a report about one object. */
    static List<AuditFinding> about(AuditReport report, String object) {
        return report.findings().stream().filter(finding -> finding.object().equals(object)).toList();
    }

    /** Whether a report has a finding about the object. */
    static boolean flags(AuditReport report, String object) {
        return !about(report, object).isEmpty();
    }

    /** The one finding about an object; fails when there is none or more than one. */
    static AuditFinding only(AuditReport report, String object) {
        List<AuditFinding> findings = about(report, object);
        if (findings.size() != 1) {
            throw new AssertionError("expected one finding about " + object + " but got " + findings.size()
                    + ":\n" + report.toText());
        }
        return findings.get(0);
    }

    /** Runs a finding's remediation SQL (statements separated by lines ending in ';'). */
    static void applyRemediation(Connection connection, AuditFinding finding) throws SQLException {
        String sql = finding.remediation().orElseThrow(() -> new AssertionError("no remediation: " + finding));
        for (String statement : sql.split(";\\s*(\\n|$)")) {
            String code = statement.lines().filter(line -> !line.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + b + "\n").strip();
            if (!code.isEmpty()) {
                exec(connection, code);
            }
        }
    }
}
