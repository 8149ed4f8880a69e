package dev.dbops.spring.autoconfigure;

import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.runtime.ReplicationProbe;
import dev.dbops.spring.actuate.BackupHealthIndicator;
import dev.dbops.spring.actuate.DriftHealthIndicator;
import dev.dbops.spring.actuate.PoolHealthIndicator;
import dev.dbops.spring.actuate.ReplicationHealthIndicator;
import dev.dbops.spring.guard.DriftStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code dbops} health contributor: {@code dbops/drift}, {@code dbops/pool},
 * {@code dbops/backup} and {@code dbops/replication}, each present when its feature is. Switched off with
 * {@code management.health.dbops.enabled=false}. Which belong in readiness is explained in
 * {@code docs/spring-boot.md}; none is added to a group by dbops.
 */
@AutoConfiguration(after = {DbopsAutoConfiguration.class, DbopsGuardAutoConfiguration.class,
    DbopsMonitorAutoConfiguration.class})
@ConditionalOnClass(HealthContributor.class)
@ConditionalOnBean(DriftStatus.class)
@ConditionalOnEnabledHealthIndicator("dbops")
public class DbopsHealthAutoConfiguration {

    /** Creates the auto-configuration. */
    public DbopsHealthAutoConfiguration() {
    }

    /** The composite {@code dbops} contributor; the bean name gives the health name. */
    @Bean
    @ConditionalOnMissingBean(name = "dbopsHealthContributor")
    public CompositeHealthContributor dbopsHealthContributor(DriftStatus drift, ObjectProvider<PoolMonitor> pool,
            ObjectProvider<BackupStatus> backup, ObjectProvider<ReplicationProbe> replication) {
        Map<String, HealthContributor> members = new LinkedHashMap<>();
        members.put("drift", new DriftHealthIndicator(drift));
        pool.ifUnique(monitor -> members.put("pool", new PoolHealthIndicator(monitor)));
        backup.ifUnique(status -> members.put("backup", new BackupHealthIndicator(status)));
        replication.ifUnique(probe -> members.put("replication", new ReplicationHealthIndicator(probe)));
        return CompositeHealthContributor.fromMap(members);
    }
}
