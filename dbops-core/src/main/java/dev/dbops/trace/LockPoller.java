package dev.dbops.trace;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A second session that polls {@code pg_locks} while watched statements run: every lock of the migrating
 * session (granted or waited for) and every lock the workload's sessions wait for, with
 * {@code pg_blocking_pids} of each wait. One thread, started once per trace; between watch windows it sleeps.
 * A window opened "immediately" polls at once and then at growing intervals (0.5 ms, 1 ms, 2 ms… up to the
 * configured one), so that a statement of a few milliseconds is still seen, and a long one costs little.
 */
final class LockPoller implements AutoCloseable {

    private static final String POLL = "select " + SessionProbe.LOCK_COLUMNS
            + ", case when not l.granted then pg_catalog.pg_blocking_pids(l.pid) end"
            + " from pg_catalog.pg_locks l"
            + " where ((l.pid = ? and (not l.granted or l.locktype not in ('virtualxid', 'transactionid')))"
            + " or (l.pid = any(?) and not l.granted)) and " + SessionProbe.OWN_DATABASE;

    /**
     * One lock seen in one poll.
     *
     * @param nanos when the poll ran ({@link System#nanoTime()})
     * @param pid whose lock
     * @param lock the lock
     * @param blockedBy for a lock waited for, the pids blocking it
     */
    record Sighting(long nanos, int pid, LockRow lock, List<Integer> blockedBy) {
    }

    private static final long FIRST_DELAY_NANOS = 500_000;

    private final Connection connection;
    private final long intervalNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread thread;
    private List<Sighting> sightings = new ArrayList<>();
    private int migratingPid;
    private Integer[] workloadPids = new Integer[0];
    private boolean watching;
    private boolean pollNow;
    private long nextDelay;
    private boolean closed;
    private SQLException failure;
    private int polls;

    LockPoller(Connection connection, Duration interval) throws SQLException {
        this.connection = connection;
        this.intervalNanos = interval.toNanos();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set statement_timeout = '5s'; set lock_timeout = '1s';"
                    + " set default_transaction_read_only = on; set application_name = 'dbops-trace-poller'");
        }
        this.thread = new Thread(this::run, "dbops-trace-lock-poller");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts a watch window; {@code immediately} polls at once instead of after one interval. */
    void watch(int migrating, List<Integer> workload, boolean immediately) {
        lock.lock();
        try {
            migratingPid = migrating;
            workloadPids = workload.toArray(new Integer[0]);
            sightings = new ArrayList<>();
            polls = 0;
            watching = true;
            pollNow = immediately;
            nextDelay = immediately ? FIRST_DELAY_NANOS : intervalNanos;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ends the watch window and returns what was seen in it, and how many polls ran. */
    Window stop() {
        lock.lock();
        try {
            watching = false;
            if (failure != null) {
                SQLException e = failure;
                failure = null;
                throw new DbopsException(ErrorCode.TRACE_FAILED, "The lock poller's session failed: " + e.getMessage()
                        + " — the trace cannot observe locks; check the server log.", e);
            }
            return new Window(List.copyOf(sightings), polls);
        } finally {
            lock.unlock();
        }
    }

    /** What one watch window saw. */
    record Window(List<Sighting> sightings, int polls) {
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // The session is ended with the scratch database anyway.
        }
    }

    private void run() {
        lock.lock();
        try {
            while (!closed) {
                if (!watching) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                if (!pollNow) {
                    long delay = nextDelay;
                    nextDelay = Math.min(intervalNanos, nextDelay * 2);
                    long deadline = System.nanoTime() + delay;
                    long left = delay;
                    while (watching && !closed && left > 0) {
                        left = changed.awaitNanos(left);
                        left = Math.min(left, deadline - System.nanoTime());
                    }
                    if (!watching || closed) {
                        continue;
                    }
                }
                pollNow = false;
                int pid = migratingPid;
                Integer[] others = workloadPids;
                lock.unlock();
                List<Sighting> seen;
                try {
                    seen = poll(pid, others);
                } finally {
                    lock.lock();
                }
                if (seen == null) {
                    watching = false;
                } else if (watching) {
                    sightings.addAll(seen);
                    polls++;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** One poll; null when it failed (the failure is kept for {@link #stop()}). */
    private List<Sighting> poll(int pid, Integer[] others) {
        long nanos = System.nanoTime();
        List<Sighting> seen = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(POLL)) {
            statement.setInt(1, pid);
            statement.setArray(2, connection.createArrayOf("int4", others));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Array blockers = rs.getArray(7);
                    List<Integer> blockedBy = blockers == null ? List.of() : List.of((Integer[]) blockers.getArray());
                    seen.add(new Sighting(nanos, rs.getInt(1), SessionProbe.lockRow(rs), blockedBy));
                }
            }
            return seen;
        } catch (SQLException e) {
            lock.lock();
            try {
                failure = e;
            } finally {
                lock.unlock();
            }
            return null;
        }
    }
}
