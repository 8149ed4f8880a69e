package dev.dbops.spring.autoconfigure;

import dev.dbops.audit.AuditCheck;
import dev.dbops.audit.AuditThreshold;
import dev.dbops.audit.AuditThresholds;
import dev.dbops.audit.DatabaseAudit;
import dev.dbops.backup.BackupDrill;
import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.MonitorDatabase;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.runtime.ReplicationProbe;
import dev.dbops.spring.monitor.PoolMonitorLifecycle;
import dev.dbops.spring.monitor.ScheduledDrills;
import java.time.Clock;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of what dbops watches while the application runs: the pool (HikariCP), backups and
 * scheduled drills, replication. The health contributors, the endpoint and the metrics show it.
 */
@AutoConfiguration(after = DbopsAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "dbops.enabled", matchIfMissing = true)
@ConditionalOnSingleCandidate(DataSource.class)
@ConditionalOnBean(MonitorDatabase.class)
@Import(PoolMonitorConfiguration.class)
public class DbopsMonitorAutoConfiguration {

    /** Creates the auto-configuration. */
    public DbopsMonitorAutoConfiguration() {
    }

    /** Starts and stops the pool monitor, dbops's or the application's own, with the context. */
    @Bean
    @ConditionalOnMissingBean
    PoolMonitorLifecycle dbopsPoolMonitorLifecycle(ObjectProvider<PoolMonitor> monitor) {
        return new PoolMonitorLifecycle(monitor);
    }

    /** Backups: the drill history and the drills this application runs, {@code dbops.backup.*}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "dbops.backup.enabled", matchIfMissing = true)
    static class BackupConfiguration {

        @Bean
        @ConditionalOnMissingBean
        BackupStatus dbopsBackupStatus(DbopsProperties properties) {
            BackupProperties backup = properties.getBackup();
            return new BackupStatus(Optional.ofNullable(backup.getHistory()), backup.getMaxAge(), Clock.systemUTC());
        }

        @Bean
        @ConditionalOnMissingBean
        @Conditional(OnDrillSchedule.class)
        BackupDrill dbopsBackupDrill(MonitorDatabase database, DbopsProperties properties) {
            return BackupDrills.build(database, properties.getBackup().getDrill());
        }

        @Bean
        @ConditionalOnMissingBean
        @Conditional(OnDrillSchedule.class)
        ScheduledDrills dbopsScheduledDrills(BackupDrill drill, DbopsProperties properties, BackupStatus status) {
            return new ScheduledDrills(drill, properties.getBackup().getDrill().getCron(),
                    Optional.ofNullable(properties.getBackup().getHistory()), status);
        }
    }

    /** Replication lag, {@code dbops.replication.*}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "dbops.replication.enabled", matchIfMissing = true)
    static class ReplicationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ReplicationProbe dbopsReplicationProbe(MonitorDatabase database, DbopsProperties properties) {
            ReplicationProperties replication = properties.getReplication();
            DatabaseAudit audit = DatabaseAudit.builder().only(AuditCheck.REPLICATION_LAG)
                    .statementTimeout(replication.getStatementTimeout())
                    .thresholds(AuditThresholds.builder()
                            .set(AuditThreshold.REPLICATION_LAG_WARNING, replication.getLagWarning())
                            .set(AuditThreshold.REPLICATION_LAG_CRITICAL, replication.getLagCritical()).build())
                    .build();
            return new ReplicationProbe(database, audit, replication.getStatementTimeout());
        }
    }
}
