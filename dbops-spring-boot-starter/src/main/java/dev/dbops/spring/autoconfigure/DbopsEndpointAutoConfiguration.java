package dev.dbops.spring.autoconfigure;

import dev.dbops.audit.AuditReport;
import dev.dbops.audit.DatabaseAudit;
import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.MonitorDatabase;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.runtime.PoolSizing;
import dev.dbops.spring.actuate.DbopsEndpoint;
import dev.dbops.spring.guard.DriftStatus;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the read-only {@code dbops} actuator endpoint; expose it like any other endpoint
 * ({@code management.endpoints.web.exposure.include=health,dbops}).
 */
@AutoConfiguration(after = {DbopsAutoConfiguration.class, DbopsGuardAutoConfiguration.class,
    DbopsMonitorAutoConfiguration.class})
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(DriftStatus.class)
public class DbopsEndpointAutoConfiguration {

    /** Creates the auto-configuration. */
    public DbopsEndpointAutoConfiguration() {
    }

    /** The endpoint; the audit summary runs on dbops's own connection when {@code dbops.audit.enabled}. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(DbopsEndpoint.class)
    public DbopsEndpoint dbopsEndpoint(DriftStatus drift, ObjectProvider<PoolMonitor> pool,
            ObjectProvider<PoolSizing> sizing, ObjectProvider<BackupStatus> backup, MonitorDatabase database,
            DbopsProperties properties) {
        Optional<Supplier<AuditReport>> audit = properties.getAudit().isEnabled()
                ? Optional.of(() -> audit(database)) : Optional.empty();
        return new DbopsEndpoint(drift, Optional.ofNullable(pool.getIfUnique()), Optional.ofNullable(sizing.getIfUnique()),
                Optional.ofNullable(backup.getIfUnique()), audit);
    }

    private static AuditReport audit(MonitorDatabase database) {
        try (Connection connection = database.open(Duration.ofSeconds(5))) {
            return DatabaseAudit.builder().build().run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("closing the audit's connection failed: " + e.getMessage(), e);
        }
    }
}
