package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#VACUUM_OVERDUE}: a table whose dead tuples reached its autovacuum threshold while
 * autovacuum is off for it, or reached {@code vacuum-overdue-factor} times the threshold (autovacuum
 * is not keeping up). The threshold is PostgreSQL's own: {@code autovacuum_vacuum_threshold +
 * autovacuum_vacuum_scale_factor × reltuples}, capped by {@code autovacuum_vacuum_max_threshold} on
 * 18+. On 13+, inserts since the last vacuum are judged the same way against the insert threshold
 * (on 18+ scaled by the share of pages not yet all-frozen, as autovacuum does).
 */
final class VacuumOverdueCheck implements Check {

    private static final String SQL = """
            select n.nspname as schema_name, c.relname as table_name, s.n_dead_tup as dead_tuples,
                   s.n_live_tup as live_tuples, s.last_vacuum, s.last_autovacuum, s.autovacuum_count,
                   extract(epoch from now() - greatest(s.last_vacuum, s.last_autovacuum))::float8 as vacuum_age,
                   %s as dead_threshold, %s as inserts, %s as insert_threshold, %s as autovacuum_enabled
            from pg_stat_all_tables s
            join pg_class c on c.oid = s.relid
            join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'm') and (s.n_dead_tup > 0 or %s > 0) and %s
            order by n.nspname, c.relname
            """;

    @Override
    public AuditCheck id() {
        return AuditCheck.VACUUM_OVERDUE;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        String tuples = "greatest(c.reltuples, 0)";
        String dead = Sql.tableSetting("autovacuum_vacuum_threshold") + " + "
                + Sql.tableSetting("autovacuum_vacuum_scale_factor") + " * " + tuples;
        if (session.atLeast(18)) {
            String max = Sql.tableSetting("autovacuum_vacuum_max_threshold");
            dead = "case when " + max + " < 0 then " + dead + " else least(" + dead + ", " + max + ") end";
        }
        String inserts = "null::bigint";
        String insertThreshold = "null::float8";
        if (session.atLeast(13)) {
            inserts = "s.n_ins_since_vacuum";
            String unfrozen = session.atLeast(18)
                    ? " * (1 - case when c.relpages > 0 then least(c.relallfrozen, c.relpages)::float8 / c.relpages"
                            + " else 0 end)" : "";
            String base = Sql.tableSetting("autovacuum_vacuum_insert_threshold");
            insertThreshold = "case when " + base + " < 0 then null else " + base + " + "
                    + Sql.tableSetting("autovacuum_vacuum_insert_scale_factor") + " * " + tuples + unfrozen + " end";
        }
        String sql = SQL.formatted("(" + dead + ")", inserts, "(" + insertThreshold + ")", Sql.AUTOVACUUM_ENABLED,
                "coalesce(" + inserts + ", 0)", Sql.USER_SCHEMA);
        double factor = session.ratio(AuditThreshold.VACUUM_OVERDUE_FACTOR);
        return session.query(sql, row -> {
            boolean enabled = row.getBoolean("autovacuum_enabled");
            long deadTuples = row.getLong("dead_tuples");
            double deadThreshold = row.getDouble("dead_threshold");
            Long insertCount = Rows.longValue(row, "inserts");
            Double insertLimit = Rows.doubleValue(row, "insert_threshold");
            boolean deadOverdue = overdue(deadTuples, deadThreshold, enabled, factor);
            boolean insertOverdue = insertCount != null && insertLimit != null
                    && overdue(insertCount, insertLimit, enabled, factor);
            String schema = row.getString("schema_name");
            if (!session.includes(schema) || !(deadOverdue || insertOverdue)) {
                return null;
            }
            Double age = Rows.doubleValue(row, "vacuum_age");
            Evidence evidence = new Evidence()
                    .count("deadTuples", deadTuples)
                    .count("vacuumThreshold", Math.round(deadThreshold))
                    .count("insertsSinceVacuum", insertCount)
                    .count("insertThreshold", insertLimit == null ? null : Math.round(insertLimit))
                    .count("liveTuples", Rows.longValue(row, "live_tuples"))
                    .time("lastVacuumAt", row.getTimestamp("last_vacuum"))
                    .time("lastAutovacuumAt", row.getTimestamp("last_autovacuum"))
                    .count("autovacuumCount", Rows.longValue(row, "autovacuum_count"))
                    .flag("autovacuumEnabled", enabled);
            String table = Sql.display(schema, row.getString("table_name"));
            String what = deadOverdue ? deadTuples + " dead tuples (autovacuum threshold " + Math.round(deadThreshold)
                    + ")" : insertCount + " rows inserted since the last vacuum (insert threshold "
                    + Math.round(insertLimit) + ")";
            String message = "vacuum of " + table + " is overdue: " + what + "; "
                    + (enabled ? "last vacuumed " + (age == null ? "never" : Durations.words(Durations.ofSeconds(age))
                            + " ago") + " — autovacuum is not keeping up"
                            : "autovacuum is off for it") + (deadOverdue
                                    ? "; dead rows waste space and slow scans"
                                    : "; its pages are not marked all-visible, so index-only scans visit the heap");
            String name = Sql.name(schema, row.getString("table_name"));
            String remediation = "VACUUM (ANALYZE) " + name + ";" + (enabled ? ""
                    : "\n-- autovacuum is off for this table; turn it back on:\nALTER TABLE " + name
                            + " RESET (autovacuum_enabled);");
            return new AuditFinding(id(), AuditSeverity.WARNING, table, message, evidence.map(),
                    Optional.of(remediation));
        });
    }

    private static boolean overdue(long count, double threshold, boolean enabled, double factor) {
        return count > 0 && count >= threshold && (!enabled || count >= factor * threshold);
    }
}
