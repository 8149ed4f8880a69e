package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#UNUSED_INDEX}: an index scanned at most {@code unused-index-max-scans} times since
 * the statistics were reset, of at least {@code unused-index-min-size}. Indexes that enforce
 * something (primary key, unique, exclusion) or support a foreign key are never reported. Scans on
 * replicas are not counted here: the statistics are per server.
 */
final class UnusedIndexCheck implements Check {

    private static final String SQL = """
            select n.nspname as schema_name, ic.relname as index_name, t.relname as table_name,
                   ic.relkind = 'I' as partitioned, s.idx_scan as scans,
                   ic.relpages::bigint * %s as index_bytes,
                   st.n_tup_ins + st.n_tup_upd + st.n_tup_del as table_writes,
                   %s as last_scan,
                   d.stats_reset
            from pg_index i
            join pg_class ic on ic.oid = i.indexrelid
            join pg_class t on t.oid = i.indrelid
            join pg_namespace n on n.oid = ic.relnamespace
            join pg_stat_all_indexes s on s.indexrelid = i.indexrelid
            left join pg_stat_all_tables st on st.relid = i.indrelid
            cross join (select stats_reset from pg_stat_database where datname = current_database()) d
            where i.indisvalid and not i.indisunique and not i.indisprimary and not i.indisexclusion
              and %s
              and s.idx_scan <= ?
              and ic.relpages::bigint * %s >= ?
              and not exists (
                  select from pg_constraint c
                  where c.contype = 'f' and c.conrelid = i.indrelid
                    and i.indnkeyatts >= cardinality(c.conkey)
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] @> c.conkey
                    and (i.indkey::int2[])[0:cardinality(c.conkey) - 1] <@ c.conkey)
            order by ic.relpages desc, n.nspname, ic.relname
            """;

    @Override
    public AuditCheck id() {
        return AuditCheck.UNUSED_INDEX;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        // pg_stat_all_indexes.last_idx_scan exists since PostgreSQL 16.
        String lastScan = session.atLeast(16) ? "s.last_idx_scan" : "null::timestamptz";
        String sql = SQL.formatted(Sql.BLOCK_SIZE, lastScan, Sql.USER_SCHEMA, Sql.BLOCK_SIZE);
        return session.query(sql, row -> {
            String schema = row.getString("schema_name");
            if (!session.includes(schema)) {
                return null;
            }
            String index = Sql.display(schema, row.getString("index_name"));
            String table = Sql.display(schema, row.getString("table_name"));
            long scans = row.getLong("scans");
            Evidence evidence = new Evidence()
                    .text("table", table)
                    .count("scans", scans)
                    .count("indexBytes", row.getLong("index_bytes"))
                    .count("tableWritesSinceReset", Rows.longValue(row, "table_writes"))
                    .time("lastScanAt", row.getTimestamp("last_scan"))
                    .time("statsResetAt", row.getTimestamp("stats_reset"));
            String since = row.getTimestamp("stats_reset") == null ? "since statistics began"
                    : "since the statistics reset at " + row.getTimestamp("stats_reset").toInstant();
            String message = "index " + index + " was scanned " + scans + " time" + (scans == 1 ? "" : "s") + " "
                    + since + ", yet every write to " + table + " maintains it (" + row.getLong("index_bytes")
                    + " bytes); scans on replicas are not counted here — check them before dropping it";
            String drop = row.getBoolean("partitioned")
                    ? "-- a partitioned index cannot be dropped CONCURRENTLY; this locks the table and its partitions"
                            + " briefly\nDROP INDEX " + Sql.name(schema, row.getString("index_name")) + ";"
                    : "DROP INDEX CONCURRENTLY " + Sql.name(schema, row.getString("index_name")) + ";";
            return new AuditFinding(id(), AuditSeverity.WARNING, index, message, evidence.map(), Optional.of(drop));
        }, session.count(AuditThreshold.UNUSED_INDEX_MAX_SCANS), session.count(AuditThreshold.UNUSED_INDEX_MIN_SIZE));
    }
}
