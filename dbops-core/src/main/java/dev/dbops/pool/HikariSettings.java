package dev.dbops.pool;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Recommended HikariCP settings for one app instance, named as {@code HikariConfig} names them.
 *
 * @param maximumPoolSize connections in the pool
 * @param minimumIdle idle connections HikariCP keeps; equal to the maximum (a fixed-size pool)
 * @param connectionTimeout how long {@code getConnection()} waits before failing
 * @param maxLifetime the age at which HikariCP retires a connection
 * @param keepaliveTime how often HikariCP touches an idle connection so that idle timeouts do not cut it
 * @param leakDetectionThreshold how long a connection may be held before HikariCP logs a leak; zero is off
 * @param dataSourceProperties pgjdbc properties to set as well (for example {@code prepareThreshold=0}
 *     behind PgBouncer's transaction pooling); unmodifiable, in a stable order
 */
public record HikariSettings(int maximumPoolSize, int minimumIdle, Duration connectionTimeout, Duration maxLifetime,
        Duration keepaliveTime, Duration leakDetectionThreshold, Map<String, String> dataSourceProperties) {

    /** Checks the parts and copies the properties. */
    public HikariSettings {
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(maxLifetime, "maxLifetime");
        Objects.requireNonNull(keepaliveTime, "keepaliveTime");
        Objects.requireNonNull(leakDetectionThreshold, "leakDetectionThreshold");
        Objects.requireNonNull(dataSourceProperties, "dataSourceProperties");
        if (maximumPoolSize < 1 || minimumIdle < 0 || minimumIdle > maximumPoolSize) {
            throw new IllegalArgumentException("invalid pool size: maximumPoolSize " + maximumPoolSize
                    + ", minimumIdle " + minimumIdle);
        }
        dataSourceProperties = Collections.unmodifiableMap(new LinkedHashMap<>(dataSourceProperties));
    }

    /**
     * The settings as Spring Boot properties ({@code spring.datasource.hikari.maximum-pool-size=8}…),
     * one per line, times in milliseconds.
     */
    public String toSpringProperties() {
        StringBuilder text = new StringBuilder()
                .append("spring.datasource.hikari.maximum-pool-size=").append(maximumPoolSize).append('\n')
                .append("spring.datasource.hikari.minimum-idle=").append(minimumIdle).append('\n')
                .append("spring.datasource.hikari.connection-timeout=").append(connectionTimeout.toMillis()).append('\n')
                .append("spring.datasource.hikari.max-lifetime=").append(maxLifetime.toMillis()).append('\n')
                .append("spring.datasource.hikari.keepalive-time=").append(keepaliveTime.toMillis()).append('\n')
                .append("spring.datasource.hikari.leak-detection-threshold=").append(leakDetectionThreshold.toMillis())
                .append('\n');
        dataSourceProperties.forEach((key, value) -> text.append("spring.datasource.hikari.data-source-properties.")
                .append(key).append('=').append(value).append('\n'));
        return text.toString();
    }
}
