package dev.dbops.runtime;

import dev.dbops.pool.PoolHealthReport;
import dev.dbops.pool.PoolInspector;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Inspects an application's pool in the background, every {@code dbops.pool.inspection-interval}, and keeps the
 * latest {@link PoolHealthReport} for the health indicator, the meters and the endpoint, which so answer at once:
 * an inspection samples the pool for its whole window, and reads the server over its own connection, never one
 * borrowed from the pool.
 */
public final class PoolMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PoolMonitor.class);

    private final Optional<PoolInspector> inspector;
    private final String unavailable;
    private final Duration interval;
    private final AtomicReference<PoolHealthReport> latest = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private ScheduledExecutorService executor;

    private PoolMonitor(Optional<PoolInspector> inspector, String unavailable, Duration interval) {
        this.inspector = inspector;
        this.unavailable = unavailable;
        this.interval = interval;
    }

    /**
     * A monitor that runs this inspector every {@code interval} once started.
     *
     * @throws IllegalArgumentException when the interval is not positive
     */
    public static PoolMonitor of(PoolInspector inspector, Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("dbops.pool.inspection-interval must be positive, was " + interval);
        }
        return new PoolMonitor(Optional.of(Objects.requireNonNull(inspector, "inspector")), "", interval);
    }

    /** A monitor that cannot inspect the pool, and says why (for example: the pool is not HikariCP). */
    public static PoolMonitor unavailable(String reason) {
        return new PoolMonitor(Optional.empty(), Objects.requireNonNull(reason, "reason"), Duration.ofDays(1));
    }

    /** The latest inspection, empty before the first one has finished. */
    public Optional<PoolHealthReport> latest() {
        return Optional.ofNullable(latest.get());
    }

    /** Why there is no inspection: the pool cannot be inspected, or the last inspection failed. */
    public Optional<String> problem() {
        return inspector.isEmpty() ? Optional.of(unavailable) : Optional.ofNullable(lastFailure.get());
    }

    /** Runs one inspection in the calling thread (it takes the window) and keeps its report. */
    public Optional<PoolHealthReport> inspectNow() {
        if (inspector.isEmpty()) {
            return Optional.empty();
        }
        try {
            PoolHealthReport report = inspector.get().inspect();
            latest.set(report);
            lastFailure.set(null);
            return Optional.of(report);
        } catch (RuntimeException e) {
            lastFailure.set("the inspection at " + Instant.now() + " failed: " + e.getMessage());
            LOG.warn("dbops pool inspection failed: {}", e.getMessage());
            return Optional.empty();
        }
    }

    /** Starts inspecting on a daemon thread of its own: now, then every interval after the previous one ended. */
    public synchronized void start() {
        if (executor == null && inspector.isPresent()) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "dbops-pool-monitor");
                thread.setDaemon(true);
                return thread;
            });
            executor.scheduleWithFixedDelay(this::inspectNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Stops inspecting; an inspection under way is interrupted. */
    @Override
    public synchronized void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** Whether it is inspecting in the background: started, and not closed since. */
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
