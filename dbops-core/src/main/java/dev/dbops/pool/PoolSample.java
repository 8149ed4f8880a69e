package dev.dbops.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One point-in-time reading of a pool's gauges, as HikariCP's pool MXBean gives them. The counts
 * are read one after the other, so active + idle may differ from total by a connection in flux.
 *
 * @param at when the sample was taken
 * @param active connections borrowed by the app
 * @param idle connections in the pool, ready to be borrowed
 * @param waiting threads waiting for a connection
 * @param total connections the pool holds
 * @param slowestAcquire the longest {@code getConnection()} wait that finished since the previous
 *     sample, when an {@link AcquireTimeRecorder} is installed and one finished
 */
public record PoolSample(Instant at, int active, int idle, int waiting, int total, Optional<Duration> slowestAcquire) {

    /** Checks that nothing is null. */
    public PoolSample {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(slowestAcquire, "slowestAcquire");
    }

    /** A sample without acquire times. */
    public PoolSample(Instant at, int active, int idle, int waiting, int total) {
        this(at, active, idle, waiting, total, Optional.empty());
    }
}
