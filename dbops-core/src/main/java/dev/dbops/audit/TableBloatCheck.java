package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#TABLE_BLOAT}: a table much larger than its live rows need. With the
 * {@code pgstattuple} extension installed (and the privilege to use it), waste is measured by
 * {@code pgstattuple_approx}: dead tuples plus free space beyond what the fillfactor reserves; it
 * reads the pages the visibility map does not mark all-visible, briefly holding ACCESS SHARE on each
 * table. Without it, waste is estimated, reading no table: rows of {@code reltuples} × (a 24-byte
 * header, the columns' average widths from {@code pg_stats}, aligned, plus a line pointer) at the
 * fillfactor, against {@code relpages}. Only tables of at least {@code table-bloat-min-size} by
 * {@code relpages} (as of the last VACUUM or ANALYZE) are looked at.
 */
final class TableBloatCheck implements Check {

    private static final String APPROX_SQL = """
            select n.nspname as schema_name, c.relname as table_name,
                   coalesce((select o.option_value from pg_options_to_table(c.reloptions) o
                             where o.option_name = 'fillfactor'), '100')::int as fillfactor,
                   a.table_len, a.dead_tuple_len, a.approx_free_space, a.dead_tuple_count,
                   a.approx_tuple_count, a.scanned_percent
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            cross join lateral %s.pgstattuple_approx(c.oid) a
            where c.relkind in ('r', 'm') and %s and c.relpages::bigint * %s >= ?
            order by n.nspname, c.relname
            """;

    private static final String ESTIMATE_SQL = """
            select n.nspname as schema_name, c.relname as table_name, c.relpages::bigint as pages,
                   c.reltuples::float8 as tuples,
                   coalesce((select o.option_value from pg_options_to_table(c.reloptions) o
                             where o.option_name = 'fillfactor'), '100')::int as fillfactor,
                   (select count(*) from pg_attribute a where a.attrelid = c.oid and a.attnum > 0
                    and not a.attisdropped) as columns,
                   s.columns_with_stats, s.data_width, s.has_nulls
            from pg_class c
            join pg_namespace n on n.oid = c.relnamespace
            cross join lateral (select count(*) as columns_with_stats, sum(st.avg_width)::bigint as data_width,
                                       coalesce(bool_or(st.null_frac > 0), false) as has_nulls
                                from pg_stats st
                                where st.schemaname = n.nspname and st.tablename = c.relname
                                  and not st.inherited) s
            where c.relkind in ('r', 'm') and c.reltuples >= 0 and %s and c.relpages::bigint * %s >= ?
            order by n.nspname, c.relname
            """.formatted(Sql.USER_SCHEMA, Sql.BLOCK_SIZE);

    private static final int PAGE_HEADER = 24;
    private static final int TUPLE_HEADER = 23;
    private static final int LINE_POINTER = 4;

    @Override
    public AuditCheck id() {
        return AuditCheck.TABLE_BLOAT;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        Optional<String> extension = session.extensionSchema("pgstattuple");
        if (extension.isPresent()) {
            try {
                return approx(session, extension.get());
            } catch (SQLException e) {
                if (!"42501".equals(e.getSQLState())) {
                    throw e;
                }
                session.restart();
            }
        }
        return estimate(session, extension.isPresent() ? "estimate (no privilege for pgstattuple_approx)" : "estimate");
    }

    private List<AuditFinding> approx(AuditSession session, String extensionSchema) throws SQLException {
        String sql = APPROX_SQL.formatted(Sql.ident(extensionSchema), Sql.USER_SCHEMA, Sql.BLOCK_SIZE);
        return session.query(sql, row -> {
            long length = row.getLong("table_len");
            long reserved = length * (100 - row.getInt("fillfactor")) / 100;
            long wasted = Math.max(0, row.getLong("dead_tuple_len") + row.getLong("approx_free_space") - reserved);
            Evidence evidence = new Evidence()
                    .count("deadTupleBytes", row.getLong("dead_tuple_len"))
                    .count("freeBytes", row.getLong("approx_free_space"))
                    .count("deadTuples", row.getLong("dead_tuple_count"))
                    .count("liveTuples", Math.round(row.getDouble("approx_tuple_count")))
                    .ratio("scannedRatio", row.getDouble("scanned_percent") / 100);
            return finding(session, row.getString("schema_name"), row.getString("table_name"), length, wasted,
                    row.getInt("fillfactor"), "pgstattuple_approx", evidence);
        }, session.count(AuditThreshold.TABLE_BLOAT_MIN_SIZE));
    }

    private List<AuditFinding> estimate(AuditSession session, String method) throws SQLException {
        long blockSize = (long) session.numericSetting("block_size");
        return session.query(ESTIMATE_SQL, row -> {
            if (row.getLong("columns_with_stats") < row.getLong("columns")) {
                return null;
            }
            long pages = row.getLong("pages");
            long columns = row.getLong("columns");
            long header = align(TUPLE_HEADER + (row.getBoolean("has_nulls") ? (columns + 7) / 8 : 0));
            long rowBytes = header + align(row.getLong("data_width")) + LINE_POINTER;
            long perPage = Math.max(1, (blockSize - PAGE_HEADER) * row.getInt("fillfactor") / 100 / rowBytes);
            long needed = Math.max(1, (long) Math.ceil(row.getDouble("tuples") / perPage));
            long wasted = Math.max(0, pages - needed) * blockSize;
            Evidence evidence = new Evidence()
                    .count("liveTuples", Math.round(row.getDouble("tuples")))
                    .count("estimatedRowBytes", rowBytes);
            return finding(session, row.getString("schema_name"), row.getString("table_name"), pages * blockSize,
                    wasted, row.getInt("fillfactor"), method, evidence);
        }, session.count(AuditThreshold.TABLE_BLOAT_MIN_SIZE));
    }

    private AuditFinding finding(AuditSession session, String schema, String table, long tableBytes, long wasted,
            int fillfactor, String method, Evidence details) {
        double ratio = tableBytes == 0 ? 0 : (double) wasted / tableBytes;
        if (!session.includes(schema) || wasted == 0 || wasted < session.count(AuditThreshold.TABLE_BLOAT_MIN_SIZE)
                || ratio < session.ratio(AuditThreshold.TABLE_BLOAT_MIN_RATIO)) {
            return null;
        }
        Evidence evidence = new Evidence()
                .count("tableBytes", tableBytes)
                .count("wastedBytes", wasted)
                .ratio("wastedRatio", ratio)
                .count("fillfactor", (long) fillfactor)
                .text("method", method);
        evidence.map().putAll(details.map());
        String name = Sql.name(schema, table);
        String message = "table " + Sql.display(schema, table) + " takes " + tableBytes + " bytes of which about "
                + wasted + " (" + Math.round(ratio * 100) + "%) hold no live rows (" + method
                + "): sequential scans and backups read the waste too";
        String remediation = "-- makes the dead space reusable by new rows, without blocking reads or writes:\n"
                + "VACUUM (ANALYZE) " + name + ";\n"
                + "-- returns the space to the operating system, but rewrites the table under an ACCESS EXCLUSIVE lock"
                + " for the whole rewrite (pg_repack does the same online):\n"
                + "-- VACUUM (FULL, ANALYZE) " + name + ";";
        return new AuditFinding(id(), AuditSeverity.WARNING, Sql.display(schema, table), message, evidence.map(),
                Optional.of(remediation));
    }

    private static long align(long bytes) {
        return (bytes + 7) / 8 * 8;
    }
}
