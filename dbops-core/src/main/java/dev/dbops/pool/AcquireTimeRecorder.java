package dev.dbops.pool;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records how long {@code getConnection()} waited, for the {@link PoolInspector}'s "acquire time
 * rising" check: a HikariCP {@link MetricsTrackerFactory} that keeps the slowest acquire since it was
 * last read, and passes every event on to another factory (Micrometer's, for example) if given.
 *
 * <p>HikariCP accepts one factory per pool, set before or once after start:
 * {@code dataSource.setMetricsTrackerFactory(recorder)}.
 */
public final class AcquireTimeRecorder implements MetricsTrackerFactory {

    private final Optional<MetricsTrackerFactory> delegate;
    private final AtomicLong slowestNanos = new AtomicLong(-1);

    private AcquireTimeRecorder(Optional<MetricsTrackerFactory> delegate) {
        this.delegate = delegate;
    }

    /** A recorder that only records. */
    public static AcquireTimeRecorder create() {
        return new AcquireTimeRecorder(Optional.empty());
    }

    /** A recorder that also passes every event to {@code delegate}. */
    public static AcquireTimeRecorder wrapping(MetricsTrackerFactory delegate) {
        return new AcquireTimeRecorder(Optional.of(Objects.requireNonNull(delegate, "delegate")));
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        Optional<IMetricsTracker> next = delegate.map(d -> d.create(poolName, poolStats));
        return new IMetricsTracker() {
            @Override
            public void recordConnectionCreatedMillis(long millis) {
                next.ifPresent(t -> t.recordConnectionCreatedMillis(millis));
            }

            @Override
            public void recordConnectionAcquiredNanos(long nanos) {
                slowestNanos.accumulateAndGet(nanos, Math::max);
                next.ifPresent(t -> t.recordConnectionAcquiredNanos(nanos));
            }

            @Override
            public void recordConnectionUsageMillis(long millis) {
                next.ifPresent(t -> t.recordConnectionUsageMillis(millis));
            }

            @Override
            public void recordConnectionTimeout() {
                next.ifPresent(IMetricsTracker::recordConnectionTimeout);
            }

            @Override
            public void close() {
                next.ifPresent(IMetricsTracker::close);
            }
        };
    }

    /** The slowest acquire since the last call, and starts over; empty when none finished. */
    Optional<Duration> takeSlowest() {
        long nanos = slowestNanos.getAndSet(-1);
        return nanos < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
    }
}
