package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.backup.Fingerprinter.TableRef;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Counts and hashes tables over several connections at once, each in the same snapshot, largest
 * tables first so the work ends evenly.
 */
final class TableHashing {

    private final PostgresUrl url;
    private final Optional<String> snapshot;
    private final int jobs;
    private final Duration statementTimeout;
    private final Duration lockTimeout;
    private final List<Statement> running = new CopyOnWriteArrayList<>();
    private final AtomicReference<DbopsException> failure = new AtomicReference<>();
    private volatile boolean cancelled;

    TableHashing(PostgresUrl url, Optional<String> snapshot, int jobs, Duration statementTimeout, Duration lockTimeout) {
        this.url = url;
        this.snapshot = snapshot;
        this.jobs = jobs;
        this.statementTimeout = statementTimeout;
        this.lockTimeout = lockTimeout;
    }

    /**
     * Hashes every table with its method; returns the fingerprints in the order of {@code tables}.
     *
     * @throws DbopsException with {@link ErrorCode#BACKUP_DRILL_FAILED} naming the table whose query failed,
     *     or the connection failure
     */
    List<TableFingerprint> hash(List<TableRef> tables, Map<String, FingerprintMethod> methods,
            DrillPhase phase, DrillListener listener) {
        ConcurrentLinkedQueue<TableRef> queue = new ConcurrentLinkedQueue<>(
                tables.stream().sorted(Comparator.comparingLong(TableRef::bytes).reversed()).toList());
        Map<String, TableFingerprint> results = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        int workers = Math.max(1, Math.min(jobs, tables.size()));
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(() -> work(queue, methods, results, done, tables.size(), phase, listener),
                    "dbops-fingerprint-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            cancel();
            Thread.currentThread().interrupt();
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Interrupted while fingerprinting tables.", e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        if (cancelled) {
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Fingerprinting was cancelled.");
        }
        return tables.stream().map(t -> results.get(t.key())).toList();
    }

    /** Stops the work: no new table is started and running queries are cancelled. */
    void cancel() {
        cancelled = true;
        for (Statement statement : running) {
            try {
                statement.cancel();
            } catch (SQLException e) {
                // The statement may just have finished; nothing to cancel then.
            }
        }
    }

    private void work(ConcurrentLinkedQueue<TableRef> queue, Map<String, FingerprintMethod> methods,
            Map<String, TableFingerprint> results, AtomicInteger done, int total, DrillPhase phase,
            DrillListener listener) {
        TableRef table = null;
        try (Connection connection = PostgresConnector.open(url)) {
            FingerprintSession.begin(connection, snapshot, statementTimeout, lockTimeout);
            while (!cancelled && (table = queue.poll()) != null) {
                FingerprintMethod method = methods.getOrDefault(table.key(), FingerprintMethod.COLUMN_HASH);
                try (Statement statement = connection.createStatement()) {
                    running.add(statement);
                    try (ResultSet rs = statement.executeQuery(Fingerprinter.hashQuery(table, method))) {
                        rs.next();
                        results.put(table.key(), new TableFingerprint(table.schema(), table.name(), rs.getLong(1),
                                rs.getString(2), method));
                    } finally {
                        running.remove(statement);
                    }
                }
                listener.tableDone(phase, table.key(), done.incrementAndGet(), total);
            }
            connection.rollback();
        } catch (SQLException e) {
            fail(queryFailed(table, e));
        } catch (DbopsException e) {
            fail(e);
        }
    }

    private void fail(DbopsException e) {
        if (failure.compareAndSet(null, e)) {
            cancel();
        }
    }

    private DbopsException queryFailed(TableRef table, SQLException e) {
        String where = table == null ? "opening the snapshot transaction on " + url.masked()
                : "hashing table " + table.key();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String hint = switch (state) {
            case "57014" -> cancelled ? " (cancelled because the drill stopped)"
                    : " — the query exceeded the fingerprint statement timeout (" + statementTimeout.toSeconds()
                            + " s); raise it (--fingerprint-timeout)";
            case "55P03" -> " — another session held a lock for longer than lock_timeout ("
                    + lockTimeout.toSeconds() + " s); retry when it is released";
            case "42501" -> " — the user cannot read it; run the drill as a user that can read every table"
                    + " (pg_dump needs that too)";
            case "22023" -> " — the exported snapshot is no longer valid (its transaction ended)";
            default -> "";
        };
        String message = "Fingerprint failed while " + where + ": " + e.getMessage() + hint;
        return table == null ? new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, message, e)
                : new TableReadFailure(table.key(), message, e);
    }

    /** A fingerprint query of one table failed; for a restored copy, that can be what a corrupted backup does. */
    static final class TableReadFailure extends DbopsException {

        private static final long serialVersionUID = 1L;

        private final String table;

        TableReadFailure(String table, String message, Throwable cause) {
            super(ErrorCode.BACKUP_DRILL_FAILED, message, cause);
            this.table = table;
        }

        /** The table, {@code schema.name}. */
        String table() {
            return table;
        }
    }
}
