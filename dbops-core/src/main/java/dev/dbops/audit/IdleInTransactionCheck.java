package dev.dbops.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AuditCheck#IDLE_IN_TRANSACTION}: sessions idle inside an open transaction for at least
 * {@code idle-in-transaction-warning}, grouped by database, user and {@code application_name} — one
 * finding per group, since one leaking code path usually shows up as many sessions. An idle
 * transaction holds its locks and its snapshot until the application ends it.
 */
final class IdleInTransactionCheck implements Check {

    private static final String SQL = """
            select pid, datname, usename, coalesce(application_name, '') as application_name, state,
                   extract(epoch from now() - state_change)::float8 as idle_seconds,
                   extract(epoch from now() - xact_start)::float8 as transaction_seconds,
                   age(backend_xmin)::bigint as xmin_age, left(query, 500) as last_query
            from pg_stat_activity
            where state in ('idle in transaction', 'idle in transaction (aborted)')
              and pid <> pg_backend_pid() and state_change <= now() - make_interval(secs => ?)
            order by state_change, pid
            """;

    private record Session(int pid, String database, String user, String application, String state,
            double idleSeconds, Double transactionSeconds, Long xminAge, String lastQuery) {
    }

    @Override
    public AuditCheck id() {
        return AuditCheck.IDLE_IN_TRANSACTION;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        double warning = session.duration(AuditThreshold.IDLE_IN_TRANSACTION_WARNING).toMillis() / 1000.0;
        double critical = session.duration(AuditThreshold.IDLE_IN_TRANSACTION_CRITICAL).toMillis() / 1000.0;
        Map<List<String>, List<Session>> groups = new LinkedHashMap<>();
        for (Session idle : session.query(SQL, row -> new Session(row.getInt("pid"), row.getString("datname"),
                row.getString("usename"), row.getString("application_name"), row.getString("state"),
                row.getDouble("idle_seconds"), Rows.doubleValue(row, "transaction_seconds"),
                Rows.longValue(row, "xmin_age"), row.getString("last_query")), warning)) {
            groups.computeIfAbsent(List.of(String.valueOf(idle.database()), String.valueOf(idle.user()),
                    idle.application()), key -> new ArrayList<>()).add(idle);
        }
        String timeout = session.setting("idle_in_transaction_session_timeout").orElse("0");
        List<AuditFinding> findings = new ArrayList<>();
        for (List<Session> group : groups.values()) {
            Session longest = group.get(0);
            Evidence evidence = new Evidence()
                    .text("database", longest.database())
                    .text("user", longest.user())
                    .text("applicationName", longest.application())
                    .count("sessions", (long) group.size())
                    .text("pids", String.join(", ", group.stream().map(s -> String.valueOf(s.pid())).toList()))
                    .seconds("longestIdleSeconds", longest.idleSeconds())
                    .seconds("longestTransactionSeconds", longest.transactionSeconds())
                    .count("oldestXminAge", longest.xminAge())
                    .text("lastQuery", longest.lastQuery())
                    .count("idleInTransactionSessionTimeoutMillis", Long.parseLong(timeout));
            String object = "application '" + longest.application() + "' (user " + longest.user() + ", database "
                    + longest.database() + ")";
            String message = group.size() + (group.size() == 1 ? " session" : " sessions") + " of "
                    + LongRunningQueryCheck.describe(longest.application(), longest.user()) + " on database "
                    + longest.database() + " " + (group.size() == 1 ? "is" : "are") + " idle in transaction, the longest (pid "
                    + longest.pid() + (longest.state().endsWith("(aborted)") ? ", aborted" : "") + ") for "
                    + Durations.words(Durations.ofSeconds(longest.idleSeconds()))
                    + ": an open transaction holds its locks and keeps VACUUM from removing dead rows"
                    + (timeout.equals("0") ? "; idle_in_transaction_session_timeout is off" : "");
            StringBuilder remediation = new StringBuilder("-- ends the sessions and rolls their transactions back;"
                    + " then fix the code path that leaves them open\n");
            group.forEach(idle -> remediation.append("SELECT pg_terminate_backend(").append(idle.pid()).append(");\n"));
            remediation.append("-- a server-side safety net for this user:\n-- ALTER ROLE ")
                    .append(Sql.ident(longest.user())).append(" SET idle_in_transaction_session_timeout = '5min';");
            findings.add(new AuditFinding(id(), longest.idleSeconds() >= critical ? AuditSeverity.CRITICAL
                    : AuditSeverity.WARNING, object, message, evidence.map(), Optional.of(remediation.toString())));
        }
        return findings;
    }
}
