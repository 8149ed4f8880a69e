package dev.dbops.spring.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import dev.dbops.DbopsException;
import dev.dbops.pool.HikariPoolGauge;
import dev.dbops.pool.HikariSettings;
import dev.dbops.pool.PoolInspector;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.runtime.MonitorDatabase;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.runtime.PoolSizing;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The pool monitor and pool sizing, for a HikariCP pool: {@code dbops.pool.*} mapped onto
 * {@link PoolInspector.Builder} and {@code dbops.pool.sizing.*} onto the sizer's workload.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(HikariDataSource.class)
@ConditionalOnBooleanProperty(name = "dbops.pool.enabled", matchIfMissing = true)
class PoolMonitorConfiguration {

    /** The pool's inspector; an application's own {@link PoolInspector} bean wins. */
    @Bean
    @ConditionalOnMissingBean
    PoolMonitor dbopsPoolMonitor(DataSource dataSource, MonitorDatabase database, DbopsProperties properties,
            ObjectProvider<PoolInspector> inspector) {
        PoolProperties pool = properties.getPool();
        PoolInspector own = inspector.getIfUnique();
        if (own != null) {
            return PoolMonitor.of(own, pool.getInspectionInterval());
        }
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

    /** The pool's settings next to the recommendation for {@code dbops.pool.sizing.*}. */
    @Bean
    @ConditionalOnMissingBean
    PoolSizing dbopsPoolSizing(DataSource dataSource, MonitorDatabase database, DbopsProperties properties) {
        Optional<HikariDataSource> hikari = hikari(dataSource);
        PoolProperties.Sizing sizing = properties.getPool().getSizing();
        Optional<PoolSizing.Workload> workload = sizing.getPeakRate() == null ? Optional.empty()
                : Optional.of(new PoolSizing.Workload(sizing.getPeakRate(),
                        sizing.getDbTime() != null ? sizing.getDbTime() : Duration.ZERO,
                        Optional.ofNullable(sizing.getDbTimeP99()), Optional.ofNullable(sizing.getTargetWait()),
                        sizing.getInstances(), sizing.getMaxInstances() != null ? sizing.getMaxInstances()
                                : sizing.getInstances()));
        return new PoolSizing(() -> hikari.map(PoolMonitorConfiguration::settings), workload, database,
                hikari.flatMap(h -> HikariPoolGauge.of(h).applicationName()));
    }

    static PoolInspector inspector(PoolProperties pool, HikariPoolGauge gauge, PostgresUrl url) {
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

    private static Optional<HikariDataSource> hikari(DataSource dataSource) {
        try {
            return dataSource.isWrapperFor(HikariDataSource.class)
                    ? Optional.of(dataSource.unwrap(HikariDataSource.class)) : Optional.empty();
        } catch (SQLException e) {
            throw new DbopsException(dev.dbops.ErrorCode.INVALID_CONFIGURATION, "the DataSource cannot be unwrapped: "
                    + e.getMessage(), e);
        }
    }

    private static HikariSettings settings(HikariDataSource hikari) {
        int maximum = hikari.getMaximumPoolSize();
        int minimumIdle = hikari.getMinimumIdle() < 0 || hikari.getMinimumIdle() > maximum ? maximum
                : hikari.getMinimumIdle();
        return new HikariSettings(maximum, minimumIdle, Duration.ofMillis(hikari.getConnectionTimeout()),
                Duration.ofMillis(hikari.getMaxLifetime()), Duration.ofMillis(hikari.getKeepaliveTime()),
                Duration.ofMillis(hikari.getLeakDetectionThreshold()), Map.of());
    }
}
