package dev.dbops.trace;

import dev.dbops.trace.QueryWait.QueryKind;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs a {@link Workload} against the scratch database: an issuing thread puts queries on a queue at the
 * configured rates (an open loop: it never waits for answers), and one thread per session takes them off
 * and runs them, like the connections of a pool. Each query's issue, start and end times are recorded.
 */
final class WorkloadDriver implements AutoCloseable {

    /**
     * A table the workload runs on, with its two queries.
     *
     * @param table the table, qualified
     * @param read a single-row read by TID (ACCESS SHARE)
     * @param write a single-row write by TID (ROW EXCLUSIVE)
     */
    record Target(String table, String read, String write) {
    }

    /** One query the workload issued, with {@link System#nanoTime()} timestamps. */
    record QueryRecord(QueryKind kind, String table, int pid, long issued, long started, long ended, boolean failed) {
    }

    private record Task(QueryKind kind, Target target, long issued) {
    }

    private final Workload workload;
    private final List<Connection> sessions = new ArrayList<>();
    private final List<Integer> pids = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final LinkedBlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final List<QueryRecord> records = new ArrayList<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean issuing;
    private Thread issuer;

    WorkloadDriver(Workload workload, Supplier<Connection> connections) throws SQLException {
        this.workload = workload;
        for (int i = 0; i < workload.sessions(); i++) {
            Connection connection = connections.get();
            sessions.add(connection);
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set statement_timeout = " + workload.queryTimeout().toMillis()
                        + "; set application_name = 'dbops-trace-workload'");
                try (ResultSet rs = statement.executeQuery("select pg_catalog.pg_backend_pid()")) {
                    rs.next();
                    pids.add(rs.getInt(1));
                }
            }
        }
        for (int i = 0; i < sessions.size(); i++) {
            Connection connection = sessions.get(i);
            int pid = pids.get(i);
            Thread thread = new Thread(() -> serve(connection, pid), "dbops-trace-workload-" + i);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    List<Integer> pids() {
        return List.copyOf(pids);
    }

    /** Starts issuing queries on {@code targets}, round robin; nothing is issued when there are none. */
    void start(List<Target> targets) {
        synchronized (records) {
            records.clear();
        }
        queue.clear();
        outstanding.set(0);
        if (targets.isEmpty()) {
            return;
        }
        issuing = true;
        issuer = new Thread(() -> issue(targets), "dbops-trace-workload-issuer");
        issuer.setDaemon(true);
        issuer.start();
    }

    /** Stops issuing, waits until every issued query has finished, and returns them all. */
    List<QueryRecord> stop() throws InterruptedException {
        issuing = false;
        if (issuer != null) {
            issuer.join();
            issuer = null;
        }
        long deadline = System.nanoTime() + workload.queryTimeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    private void issue(List<Target> targets) {
        long interval = workload.intervalNanos();
        int total = workload.readsPerSecond() + workload.writesPerSecond();
        long next = System.nanoTime();
        for (long k = 0; issuing; k++) {
            boolean write = (k + 1) * workload.writesPerSecond() / total > k * workload.writesPerSecond() / total;
            outstanding.incrementAndGet();
            queue.add(new Task(write ? QueryKind.WRITE : QueryKind.READ, targets.get((int) (k % targets.size())),
                    next));
            next += interval;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }

    private void serve(Connection connection, int pid) {
        while (!closed) {
            Task task;
            try {
                task = queue.poll(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (task == null) {
                continue;
            }
            long started = System.nanoTime();
            boolean failed = false;
            try (Statement statement = connection.createStatement()) {
                statement.execute(task.kind() == QueryKind.READ ? task.target().read() : task.target().write());
            } catch (SQLException e) {
                failed = true;
            }
            long ended = System.nanoTime();
            synchronized (records) {
                records.add(new QueryRecord(task.kind(), task.target().table(), pid, task.issued(), started, ended,
                        failed));
            }
            outstanding.decrementAndGet();
        }
    }

    @Override
    public void close() {
        issuing = false;
        closed = true;
        for (Thread thread : threads) {
            thread.interrupt();
        }
        for (Connection connection : sessions) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Ended with the scratch database anyway.
            }
        }
    }
}
