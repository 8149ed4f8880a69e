package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#CONNECTION_USAGE}: client connections against what ordinary users may open,
 * {@code max_connections − superuser_reserved_connections − reserved_connections} (the last since
 * PostgreSQL 16). Replication connections have their own limit and are not counted.
 */
final class ConnectionUsageCheck implements Check {

    private static final String SQL = """
            select count(*) as connections,
                   count(*) filter (where state = 'active') as active,
                   count(*) filter (where state = 'idle') as idle,
                   count(*) filter (where state like 'idle in transaction%%') as idle_in_transaction,
                   coalesce((select string_agg(g.app || '=' || g.n, ', ' order by g.n desc, g.app)
                             from (select coalesce(nullif(application_name, ''), '(none)') as app, count(*) as n
                                   from pg_stat_activity where backend_type = 'client backend'
                                   group by 1 order by 2 desc, 1 limit 10) g), '') as by_application
            from pg_stat_activity
            where backend_type = 'client backend'
            """;

    @Override
    public AuditCheck id() {
        return AuditCheck.CONNECTION_USAGE;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        long max = (long) session.numericSetting("max_connections");
        long superuserReserved = (long) session.numericSetting("superuser_reserved_connections");
        long reserved = session.atLeast(16) ? (long) session.numericSetting("reserved_connections") : 0;
        long usable = Math.max(1, max - superuserReserved - reserved);
        double warning = session.ratio(AuditThreshold.CONNECTION_WARNING_RATIO);
        double critical = session.ratio(AuditThreshold.CONNECTION_CRITICAL_RATIO);
        return session.query(String.format(SQL), row -> {
            long connections = row.getLong("connections");
            double ratio = (double) connections / usable;
            if (ratio < warning) {
                return null;
            }
            Evidence evidence = new Evidence()
                    .count("connections", connections)
                    .count("usableConnections", usable)
                    .ratio("usedRatio", ratio)
                    .count("maxConnections", max)
                    .count("superuserReservedConnections", superuserReserved)
                    .count("reservedConnections", session.atLeast(16) ? reserved : null)
                    .count("active", row.getLong("active"))
                    .count("idle", row.getLong("idle"))
                    .count("idleInTransaction", row.getLong("idle_in_transaction"))
                    .text("byApplication", row.getString("by_application"));
            String message = connections + " client connections use " + Math.round(ratio * 100) + "% of the "
                    + usable + " that ordinary users may open (max_connections " + max + " minus reserved); "
                    + row.getLong("idle") + " of them idle — by application: " + row.getString("by_application")
                    + ". When they run out, new connections fail with 'too many clients already'";
            return new AuditFinding(id(), ratio >= critical ? AuditSeverity.CRITICAL : AuditSeverity.WARNING,
                    "server", message, evidence.map(), Optional.empty());
        });
    }
}
