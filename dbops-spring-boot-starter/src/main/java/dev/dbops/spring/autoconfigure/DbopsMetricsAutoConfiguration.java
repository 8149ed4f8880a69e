package dev.dbops.spring.autoconfigure;

import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.spring.actuate.DbopsMetrics;
import dev.dbops.spring.guard.DriftStatus;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of dbops's Micrometer meters ({@code dbops.drift.differences}, {@code dbops.pool.*},
 * {@code dbops.backup.age}, {@code dbops.drill.duration}), bound to the application's registry.
 */
@AutoConfiguration(after = {DbopsAutoConfiguration.class, DbopsGuardAutoConfiguration.class,
    DbopsMonitorAutoConfiguration.class},
        afterName = {"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({MeterRegistry.class, DriftStatus.class})
public class DbopsMetricsAutoConfiguration {

    /** Creates the auto-configuration. */
    public DbopsMetricsAutoConfiguration() {
    }

    /** The meters, registered by Spring Boot with every {@code MeterRegistry}. */
    @Bean
    @ConditionalOnMissingBean
    public DbopsMetrics dbopsMetrics(DriftStatus drift, ObjectProvider<PoolMonitor> pool,
            ObjectProvider<BackupStatus> backup) {
        return new DbopsMetrics(drift, Optional.ofNullable(pool.getIfUnique()), Optional.ofNullable(backup.getIfUnique()));
    }
}
