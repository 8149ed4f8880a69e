package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#INDEX_BLOAT}: a btree index with many more pages than its entries need. The need
 * is estimated from {@code reltuples} and the key columns' average widths in {@code pg_stats}: an
 * index tuple is an 8-byte header plus the data, aligned to 8, plus a 4-byte line pointer; leaf
 * pages hold {@code (block size − 40) × fillfactor} bytes of them, plus internal and meta pages. No
 * page is read. Expression indexes and tables without statistics are not estimated; btree
 * deduplication (PostgreSQL 13+) only makes indexes smaller than the estimate, so it hides bloat
 * rather than inventing it.
 */
final class IndexBloatCheck implements Check {

    private static final String SQL = """
            select n.nspname as schema_name, ic.relname as index_name, t.relname as table_name,
                   ic.relpages::bigint as pages, ic.reltuples::float8 as tuples,
                   coalesce((select o.option_value from pg_options_to_table(ic.reloptions) o
                             where o.option_name = 'fillfactor'), '90')::int as fillfactor,
                   i.indnatts as columns,
                   (select count(*) from unnest(i.indkey) k(attnum)
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                    join pg_stats s on s.schemaname = n.nspname and s.tablename = t.relname
                         and s.attname = a.attname and not s.inherited) as columns_with_stats,
                   (select sum(s.avg_width) from unnest(i.indkey) k(attnum)
                    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                    join pg_stats s on s.schemaname = n.nspname and s.tablename = t.relname
                         and s.attname = a.attname and not s.inherited)::bigint as data_width
            from pg_index i
            join pg_class ic on ic.oid = i.indexrelid
            join pg_class t on t.oid = i.indrelid
            join pg_namespace n on n.oid = ic.relnamespace
            join pg_am am on am.oid = ic.relam
            where am.amname = 'btree' and ic.relkind = 'i' and i.indisvalid and i.indexprs is null
              and ic.reltuples >= 0 and ic.relpages > 1 and %s
            order by n.nspname, ic.relname
            """.formatted(Sql.USER_SCHEMA);

    private static final int PAGE_HEADER = 24;
    private static final int BTREE_SPECIAL = 16;
    private static final int INDEX_TUPLE_HEADER = 8;
    private static final int LINE_POINTER = 4;

    @Override
    public AuditCheck id() {
        return AuditCheck.INDEX_BLOAT;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        long blockSize = (long) session.numericSetting("block_size");
        long minBytes = session.count(AuditThreshold.INDEX_BLOAT_MIN_SIZE);
        double minRatio = session.ratio(AuditThreshold.INDEX_BLOAT_MIN_RATIO);
        return session.query(SQL, row -> {
            String schema = row.getString("schema_name");
            if (!session.includes(schema) || row.getInt("columns_with_stats") < row.getInt("columns")) {
                return null;
            }
            long pages = row.getLong("pages");
            double tuples = row.getDouble("tuples");
            long expected = expectedPages(tuples, row.getLong("data_width"), row.getInt("fillfactor"), blockSize);
            long wastedPages = pages - expected;
            double ratio = (double) wastedPages / pages;
            if (wastedPages <= 0 || wastedPages * blockSize < minBytes || ratio < minRatio) {
                return null;
            }
            String index = Sql.display(schema, row.getString("index_name"));
            Evidence evidence = new Evidence()
                    .text("table", Sql.display(schema, row.getString("table_name")))
                    .count("indexBytes", pages * blockSize)
                    .count("estimatedNeededBytes", expected * blockSize)
                    .count("estimatedWastedBytes", wastedPages * blockSize)
                    .ratio("estimatedWastedRatio", ratio)
                    .count("entries", Math.round(tuples))
                    .count("fillfactor", (long) row.getInt("fillfactor"))
                    .text("method", "estimate");
            String message = "index " + index + " takes " + pages * blockSize + " bytes but its " + Math.round(tuples)
                    + " entries need about " + expected * blockSize + " (an estimated " + Math.round(ratio * 100)
                    + "% is wasted): scans read more pages than they need to";
            return new AuditFinding(id(), AuditSeverity.WARNING, index, message, evidence.map(), Optional.of(
                    "-- rebuilds it without blocking reads or writes (PostgreSQL 12+); needs room for a second copy\n"
                            + "REINDEX INDEX CONCURRENTLY " + Sql.name(schema, row.getString("index_name")) + ";"));
        });
    }

    /** Leaf pages for the entries at the fillfactor, plus one internal entry per leaf page, plus the meta page. */
    static long expectedPages(double tuples, long dataWidth, int fillfactor, long blockSize) {
        long tupleBytes = align(INDEX_TUPLE_HEADER + dataWidth) + LINE_POINTER;
        long perPage = Math.max(1, (blockSize - PAGE_HEADER - BTREE_SPECIAL) * fillfactor / 100 / tupleBytes);
        long leaves = (long) Math.ceil(tuples / perPage);
        long internal = (long) Math.ceil((double) leaves / perPage);
        return Math.max(1, leaves) + internal + 1;
    }

    private static long align(long bytes) {
        return (bytes + 7) / 8 * 8;
    }
}
