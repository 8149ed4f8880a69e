package dev.dbops.pool;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PoolGauge} over a {@link HikariDataSource}: its pool MXBean for the counts and its
 * configuration for the size, {@code keepaliveTime}, {@code leakDetectionThreshold} and the
 * {@code ApplicationName} the connections report. HikariCP is an optional dependency of dbops; this
 * class is only loaded when used.
 */
public final class HikariPoolGauge implements PoolGauge {

    /** The {@code application_name} pgjdbc reports when the app sets none. */
    public static final String PGJDBC_DEFAULT_APPLICATION_NAME = "PostgreSQL JDBC Driver";

    private final HikariDataSource dataSource;
    private final Optional<AcquireTimeRecorder> acquireTimes;
    private final Clock clock;

    private HikariPoolGauge(HikariDataSource dataSource, Optional<AcquireTimeRecorder> acquireTimes) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.acquireTimes = acquireTimes;
        this.clock = Clock.systemUTC();
    }

    /** Reads this data source's pool. */
    public static HikariPoolGauge of(HikariDataSource dataSource) {
        return new HikariPoolGauge(dataSource, Optional.empty());
    }

    /**
     * Reads this data source's pool, and its acquire times from a recorder installed with
     * {@code dataSource.setMetricsTrackerFactory(recorder)}.
     */
    public static HikariPoolGauge of(HikariDataSource dataSource, AcquireTimeRecorder acquireTimes) {
        return new HikariPoolGauge(dataSource, Optional.of(Objects.requireNonNull(acquireTimes, "acquireTimes")));
    }

    @Override
    public String poolName() {
        return dataSource.getPoolName();
    }

    /** Reads the MXBean; a pool that has not started (or is closed) reads as empty. */
    @Override
    public PoolSample sample() {
        HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
        Optional<Duration> slowest = acquireTimes.flatMap(AcquireTimeRecorder::takeSlowest);
        if (pool == null) {
            return new PoolSample(clock.instant(), 0, 0, 0, 0, slowest);
        }
        return new PoolSample(clock.instant(), pool.getActiveConnections(), pool.getIdleConnections(),
                pool.getThreadsAwaitingConnection(), pool.getTotalConnections(), slowest);
    }

    @Override
    public int maximumPoolSize() {
        return dataSource.getMaximumPoolSize();
    }

    /**
     * The {@code ApplicationName} from the data source properties or the JDBC URL; pgjdbc's default
     * ({@value #PGJDBC_DEFAULT_APPLICATION_NAME}) when the pool uses pgjdbc and sets none.
     */
    @Override
    public Optional<String> applicationName() {
        for (String key : dataSource.getDataSourceProperties().stringPropertyNames()) {
            if (key.equalsIgnoreCase("ApplicationName")) {
                return Optional.of(dataSource.getDataSourceProperties().getProperty(key));
            }
        }
        String url = dataSource.getJdbcUrl();
        if (url != null && url.startsWith("jdbc:postgresql:")) {
            int query = url.indexOf('?');
            if (query >= 0) {
                for (String parameter : url.substring(query + 1).split("&")) {
                    int equals = parameter.indexOf('=');
                    if (equals > 0 && parameter.substring(0, equals).equalsIgnoreCase("ApplicationName")) {
                        return Optional.of(URLDecoder.decode(parameter.substring(equals + 1), StandardCharsets.UTF_8));
                    }
                }
            }
            return Optional.of(PGJDBC_DEFAULT_APPLICATION_NAME);
        }
        return Optional.empty();
    }

    @Override
    public Duration keepaliveTime() {
        return Duration.ofMillis(Math.max(0, dataSource.getKeepaliveTime()));
    }

    @Override
    public Duration leakDetectionThreshold() {
        return Duration.ofMillis(Math.max(0, dataSource.getLeakDetectionThreshold()));
    }
}
