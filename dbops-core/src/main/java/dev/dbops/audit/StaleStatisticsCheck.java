package dev.dbops.audit;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#STALE_STATISTICS}: a table whose rows changed since the last ANALYZE by at least
 * its autoanalyze threshold ({@code autovacuum_analyze_threshold + autovacuum_analyze_scale_factor ×
 * reltuples}, storage parameters first), and either autovacuum is off for it, or it was never
 * analyzed or not for {@code statistics-max-age}, or the changes reached
 * {@code stale-statistics-factor} times the threshold. The planner then estimates from the old data.
 */
final class StaleStatisticsCheck implements Check {

    private static final String SQL = """
            select n.nspname as schema_name, c.relname as table_name, s.n_mod_since_analyze as modifications,
                   greatest(c.reltuples, 0)::float8 as tuples, s.n_live_tup as live_tuples,
                   s.last_analyze, s.last_autoanalyze,
                   extract(epoch from now() - greatest(s.last_analyze, s.last_autoanalyze))::float8 as analyze_age,
                   %s + %s * greatest(c.reltuples, 0) as threshold,
                   %s as autovacuum_enabled
            from pg_stat_all_tables s
            join pg_class c on c.oid = s.relid
            join pg_namespace n on n.oid = c.relnamespace
            where c.relkind in ('r', 'm') and s.n_mod_since_analyze > 0 and %s
            order by n.nspname, c.relname
            """.formatted(Sql.tableSetting("autovacuum_analyze_threshold"),
            Sql.tableSetting("autovacuum_analyze_scale_factor"), Sql.AUTOVACUUM_ENABLED, Sql.USER_SCHEMA);

    @Override
    public AuditCheck id() {
        return AuditCheck.STALE_STATISTICS;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        double maxAgeSeconds = session.duration(AuditThreshold.STATISTICS_MAX_AGE).toMillis() / 1000.0;
        double factor = session.ratio(AuditThreshold.STALE_STATISTICS_FACTOR);
        return session.query(SQL, row -> {
            String schema = row.getString("schema_name");
            long modifications = row.getLong("modifications");
            double threshold = row.getDouble("threshold");
            Double age = Rows.doubleValue(row, "analyze_age");
            boolean enabled = row.getBoolean("autovacuum_enabled");
            boolean stale = modifications >= threshold
                    && (!enabled || age == null || age >= maxAgeSeconds || modifications >= factor * threshold);
            if (!session.includes(schema) || !stale) {
                return null;
            }
            String table = row.getString("table_name");
            Evidence evidence = new Evidence()
                    .count("modificationsSinceAnalyze", modifications)
                    .count("autoanalyzeThreshold", Math.round(threshold))
                    .count("liveTuples", Rows.longValue(row, "live_tuples"))
                    .time("lastAnalyzeAt", row.getTimestamp("last_analyze"))
                    .time("lastAutoanalyzeAt", row.getTimestamp("last_autoanalyze"))
                    .seconds("analyzeAgeSeconds", age)
                    .flag("autovacuumEnabled", enabled);
            String message = "statistics of " + Sql.display(schema, table) + " are stale: " + modifications
                    + " rows changed since " + (age == null ? "it was created, and it was never analyzed"
                            : "the last ANALYZE " + Durations.words(Duration.ofMillis(Math.round(age * 1000))) + " ago")
                    + " (autoanalyze threshold " + Math.round(threshold) + ")"
                    + (enabled ? "" : "; autovacuum is off for it") + " — the planner estimates from old data";
            String name = Sql.name(schema, table);
            String remediation = "ANALYZE " + name + ";" + (enabled ? ""
                    : "\n-- autovacuum (and with it autoanalyze) is off for this table; turn it back on:\n"
                            + "ALTER TABLE " + name + " RESET (autovacuum_enabled);");
            return new AuditFinding(id(), AuditSeverity.WARNING, Sql.display(schema, table), message, evidence.map(),
                    Optional.of(remediation));
        });
    }
}
