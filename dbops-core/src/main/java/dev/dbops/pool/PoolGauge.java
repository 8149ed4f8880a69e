package dev.dbops.pool;

import java.time.Duration;
import java.util.Optional;

/**
 * Reads a running pool's gauges for the {@link PoolInspector}. {@link HikariPoolGauge} reads HikariCP;
 * any other pool can be adapted. Every method must return at once, even when the pool is exhausted.
 */
public interface PoolGauge {

    /** The pool's name, for reports. */
    String poolName();

    /** Reads the gauges now. */
    PoolSample sample();

    /** The pool's configured maximum size. */
    int maximumPoolSize();

    /** The {@code application_name} its connections show in {@code pg_stat_activity}, when the pool's configuration says. */
    Optional<String> applicationName();

    /**
     * How often the pool touches idle connections (HikariCP's {@code keepaliveTime}); zero when it
     * does not. A session idle on the server for clearly longer than this is not idle in the pool.
     */
    Duration keepaliveTime();

    /** The pool's own leak-detection threshold; zero when off. */
    Duration leakDetectionThreshold();
}
