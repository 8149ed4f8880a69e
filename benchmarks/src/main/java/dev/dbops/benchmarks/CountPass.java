package dev.dbops.benchmarks;

import dev.dbops.postgres.PostgresUrl;
import dev.dbops.postgres.PostgresConnector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The fingerprint's peer: {@code SELECT count(*) FROM ONLY t} over every user table, on {@code jobs}
 * connections at once (each takes the next table), as the fingerprint does.
 */
final class CountPass {

    private CountPass() {
    }

    /** The tables of the database, {@code schema.name} quoted. */
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

    /** Counts every table with {@code jobs} connections; returns the total row count. */
    static long run(PostgresUrl url, List<String> tables, int jobs) throws Exception {
        ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(tables);
        AtomicLong rows = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < jobs; i++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = PostgresConnector.open(url);
                        Statement statement = connection.createStatement()) {
                    for (String table = queue.poll(); table != null; table = queue.poll()) {
                        try (ResultSet rs = statement.executeQuery("select count(*) from only " + table)) {
                            rs.next();
                            rows.addAndGet(rs.getLong(1));
                        }
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
}
