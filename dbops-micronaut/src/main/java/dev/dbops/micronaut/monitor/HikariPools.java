package dev.dbops.micronaut.monitor;

import com.zaxxer.hikari.HikariDataSource;
import dev.dbops.micronaut.config.PoolSettings;
import dev.dbops.pool.HikariPoolGauge;
import dev.dbops.pool.HikariSettings;
import dev.dbops.pool.PoolInspector;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.runtime.MonitorDatabase;
import dev.dbops.runtime.PoolMonitor;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Everything that touches HikariCP's classes, apart so that nothing of HikariCP is loaded when the application
 * has another pool: {@code dbops.pool.*} mapped onto {@link PoolInspector.Builder}, and the pool's settings.
 */
final class HikariPools {

    private HikariPools() {
    }

    /** The datasource's HikariCP pool, when it is one. */
    static Optional<HikariDataSource> hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    ? Optional.of(dataSource.unwrap(HikariDataSource.class)) : Optional.empty();
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** The pool's monitor, or one that says why the pool cannot be inspected. */
    static PoolMonitor monitor(DataSource dataSource, MonitorDatabase database, PoolSettings pool) {
        Optional<HikariDataSource> hikari = hikari(dataSource);
        if (hikari.isEmpty()) {
            return PoolMonitor.unavailable("the DataSource is not a HikariCP pool");
        }
        Optional<PostgresUrl> url = database.url();
        if (url.isEmpty()) {
            return PoolMonitor.unavailable("the database " + database.location() + " cannot be reached on a connection"
                    + " of dbops's own");
        }
        return PoolMonitor.of(inspector(pool, HikariPoolGauge.of(hikari.get()), url.get()), pool.getInspectionInterval());
    }

    /** {@code dbops.pool.*} onto the inspector of this pool, which reads the server at {@code url}. */
    static PoolInspector inspector(PoolSettings pool, HikariPoolGauge gauge, PostgresUrl url) {
        PoolInspector.Builder builder = PoolInspector.builder().pool(gauge).server(url).window(pool.getWindow())
                .sampleInterval(pool.getSampleInterval()).statementTimeout(pool.getStatementTimeout())
                .connectTimeout(pool.getConnectTimeout())
                .idleInTransactionThreshold(pool.getIdleInTransactionThreshold())
                .saturatedShare(pool.getSaturatedShare()).budgetShare(pool.getBudgetShare());
        if (pool.getTransactionP99() != null) {
            builder.transactionP99(pool.getTransactionP99());
        }
        return builder.build();
    }

    /** The pool's {@code application_name}, when it sets one. */
    static Optional<String> applicationName(DataSource dataSource) {
        return hikari(dataSource).flatMap(h -> HikariPoolGauge.of(h).applicationName());
    }

    /** The pool's settings now, as the sizer names them. */
    static Optional<HikariSettings> settings(DataSource dataSource) {
        return hikari(dataSource).map(hikari -> {
            int maximum = hikari.getMaximumPoolSize();
            int minimumIdle = hikari.getMinimumIdle() < 0 || hikari.getMinimumIdle() > maximum ? maximum
                    : hikari.getMinimumIdle();
            return new HikariSettings(maximum, minimumIdle, Duration.ofMillis(hikari.getConnectionTimeout()),
                    Duration.ofMillis(hikari.getMaxLifetime()), Duration.ofMillis(hikari.getKeepaliveTime()),
                    Duration.ofMillis(hikari.getLeakDetectionThreshold()), Map.of());
        });
    }
}
