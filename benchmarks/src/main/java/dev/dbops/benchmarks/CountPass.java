package dev.dbops.benchmarks;

import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A pass of one aggregate query per user table on {@code jobs} connections at once (each takes the next
 * table, largest first), as the fingerprint does. The fingerprint's peer is {@link #COUNT}, {@code SELECT
 * count(*) FROM ONLY t}, planned as PostgreSQL likes (usually a parallel index-only scan of the primary
 * key); {@link #SEQ_SCAN_COUNT} forces a sequential scan, for context; {@link #FORMAT_ONE_HASH} is what the
 * fingerprint of format 1 computed, for reference.
 *
 * @param name what the pass is, for the report
 * @param settings SQL run once per connection before the pass
 * @param query the query of one table, {@code %s} standing for the quoted table name
 */
record CountPass(String name, String settings, String query) {

    /** {@code count(*)}, planned freely. */
    static final CountPass COUNT = new CountPass("count(*)", "select 1", "select count(*) from only %s");

    /** {@code count(*)} over a sequential scan of the heap. */
    static final CountPass SEQ_SCAN_COUNT = new CountPass("count(*) by sequential scan",
            "set enable_indexonlyscan = off; set enable_indexscan = off; set enable_bitmapscan = off",
            "select count(*) from only %s");

    /**
     * Format 1's default: {@code hash_record_extended} of the whole row (not exact; see FingerprintMethod.TYPE_HASH),
     * falling back to the row text for tables with a column type without a hash function.
     */
    static final CountPass FORMAT_ONE_HASH = new CountPass("format-1 hash_record_extended", "select 1",
            "select count(*), sum(hash_record_extended(r.*, 0)) from only %s r");

    /** The tables of the database, {@code schema.name} quoted, largest first. */
    static List<String> tables(PostgresUrl url) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = PostgresConnector.open(url); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select format('%I.%I', n.nspname, c.relname) from pg_class c"
                        + " join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r'"
                        + " and n.nspname !~ '^pg_' and n.nspname <> 'information_schema'"
                        + " order by pg_relation_size(c.oid) desc")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** Runs the pass over every table with {@code jobs} connections; returns the total row count. */
    long run(PostgresUrl url, List<String> tables, int jobs) throws Exception {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(tables);
        AtomicLong rows = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = PostgresConnector.open(url);
                        Statement statement = connection.createStatement()) {
                    statement.execute(settings);
                    for (String table = queue.poll(); table != null; table = queue.poll()) {
                        rows.addAndGet(count(statement, table));
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return rows.get();
    }

    private long count(Statement statement, String table) throws Exception {
        String sql = query.formatted(table);
        if (query.equals(FORMAT_ONE_HASH.query)) {
            // Format 1 hashed a table with a column type that has no hash function (json here) by its row text;
            // hashing a row of NULLs looks up every column's hash function. The connection is in auto-commit.
            try {
                statement.executeQuery("select hash_record_extended(json_populate_record(null::" + table
                        + ", '{}'), 0)").close();
            } catch (SQLException e) {
                sql = "select count(*), sum(hashtextextended(r::text, 0)) from only " + table + " r";
            }
        }
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
