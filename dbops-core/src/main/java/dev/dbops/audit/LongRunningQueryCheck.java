package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#LONG_RUNNING_QUERY}: a client backend, in any database, whose current query has
 * run for {@code long-query-warning} (or {@code long-query-critical}). The audit's own session is
 * left out. Query text is visible only for the user's own sessions unless it has
 * {@code pg_read_all_stats}.
 */
final class LongRunningQueryCheck implements Check {

    private static final String SQL = """
            select pid, datname, usename, application_name, client_addr::text as client_addr,
                   extract(epoch from now() - query_start)::float8 as running_seconds,
                   extract(epoch from now() - xact_start)::float8 as transaction_seconds,
                   wait_event_type, wait_event, left(query, 500) as query
            from pg_stat_activity
            where state = 'active' and backend_type = 'client backend' and pid <> pg_backend_pid()
              and query_start <= now() - make_interval(secs => ?)
            order by query_start, pid
            """;

    @Override
    public AuditCheck id() {
        return AuditCheck.LONG_RUNNING_QUERY;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        double warning = session.duration(AuditThreshold.LONG_QUERY_WARNING).toMillis() / 1000.0;
        double critical = session.duration(AuditThreshold.LONG_QUERY_CRITICAL).toMillis() / 1000.0;
        return session.query(SQL, row -> {
            int pid = row.getInt("pid");
            double seconds = row.getDouble("running_seconds");
            String wait = row.getString("wait_event_type") == null ? null
                    : row.getString("wait_event_type") + ":" + row.getString("wait_event");
            Evidence evidence = new Evidence()
                    .count("pid", (long) pid)
                    .text("database", row.getString("datname"))
                    .text("user", row.getString("usename"))
                    .text("applicationName", row.getString("application_name"))
                    .text("clientAddress", row.getString("client_addr"))
                    .seconds("runningSeconds", seconds)
                    .seconds("transactionSeconds", Rows.doubleValue(row, "transaction_seconds"))
                    .text("waitEvent", wait)
                    .text("query", row.getString("query"));
            String message = "pid " + pid + " (" + describe(row.getString("application_name"), row.getString("usename"))
                    + ", database " + row.getString("datname") + ") has been running one query for "
                    + Durations.words(Durations.ofSeconds(seconds)) + (wait == null ? "" : ", waiting on " + wait)
                    + ": it holds its locks and its snapshot, which keeps VACUUM from removing dead rows";
            String remediation = "-- cancels the query (the session stays); pg_terminate_backend(" + pid
                    + ") ends the session\nSELECT pg_cancel_backend(" + pid + ");";
            return new AuditFinding(id(), seconds >= critical ? AuditSeverity.CRITICAL : AuditSeverity.WARNING,
                    "pid " + pid, message, evidence.map(), Optional.of(remediation));
        }, warning);
    }

    static String describe(String application, String user) {
        String app = application == null || application.isEmpty() ? "no application_name" : "application '" + application + "'";
        return app + ", user " + user;
    }
}
