package dev.dbops.micronaut.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.audit.AuditThreshold;
import dev.dbops.drift.DriftDetector;
import dev.dbops.drift.DriftGuard;
import dev.dbops.pool.PoolInspector;
import dev.dbops.pool.PoolSizer;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code dbops.*} defaults are core's defaults, both as declared and as Micronaut binds them. */
class DbopsConfigurationDefaultsTest {

    @Test
    void declaredDefaultsEqualCoreDefaults() {
        assertEqualsCoreDefaults(new DbopsConfiguration());
    }

    @Test
    void boundDefaultsEqualCoreDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of())) {
            assertEqualsCoreDefaults(context.getBean(DbopsConfiguration.class));
        }
    }

    @Test
    void datasourceWithoutOwnKeysInheritsTheDefaults() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("dbops.datasources.orders.enabled", "true"))) {
            assertEqualsCoreDefaults(context.getBean(DbopsDataSources.class).settings("orders"));
        }
    }

    private static void assertEqualsCoreDefaults(DbopsSettings settings) {
        DriftSettings drift = settings.getDrift();
        assertThat(drift.getDefaultSchema()).isEqualTo(DriftDetector.DEFAULT_SCHEMA);
        assertThat(drift.getStatementTimeout()).isEqualTo(DriftDetector.DEFAULT_STATEMENT_TIMEOUT);
        assertThat(drift.getLockTimeout()).isEqualTo(DriftDetector.DEFAULT_LOCK_TIMEOUT);
        assertThat(drift.isGitHistory()).isEqualTo(DriftDetector.DEFAULT_GIT_HISTORY);
        assertThat(drift.isCompareOwners()).isEqualTo(DriftDetector.DEFAULT_COMPARE_OWNERS);
        assertThat(drift.getFailOn()).isEqualTo(DriftGuard.DEFAULT_FAIL_ON);

        PoolSettings pool = settings.getPool();
        assertThat(pool.getWindow()).isEqualTo(PoolInspector.DEFAULT_WINDOW);
        assertThat(pool.getSampleInterval()).isEqualTo(PoolInspector.DEFAULT_SAMPLE_INTERVAL);
        assertThat(pool.getIdleInTransactionThreshold()).isEqualTo(PoolInspector.DEFAULT_IDLE_IN_TRANSACTION_THRESHOLD);
        assertThat(pool.getStatementTimeout()).isEqualTo(PoolInspector.DEFAULT_STATEMENT_TIMEOUT);
        assertThat(pool.getConnectTimeout()).isEqualTo(PoolInspector.DEFAULT_CONNECT_TIMEOUT);
        assertThat(pool.getSaturatedShare()).isEqualTo(PoolInspector.DEFAULT_SATURATED_SHARE);
        assertThat(pool.getBudgetShare()).isEqualTo(PoolInspector.DEFAULT_BUDGET_SHARE);
        assertThat(settings.getSizing().getInstances()).isEqualTo(PoolSizer.DEFAULT_INSTANCES);

        ReplicationSettings replication = settings.getReplication();
        assertThat(replication.getLagWarning()).isEqualTo(AuditThreshold.REPLICATION_LAG_WARNING.defaultValue());
        assertThat(replication.getLagCritical()).isEqualTo(AuditThreshold.REPLICATION_LAG_CRITICAL.defaultValue());

        // Values core leaves to the caller: the documented defaults of the Spring Boot starter.
        assertThat(settings.isEnabled()).isTrue();
        assertThat(settings.getGuard().isEnabled()).isTrue();
        assertThat(settings.getGuard().getOnUnavailable()).isEqualTo(GuardSettings.OnUnavailable.FAIL);
        assertThat(settings.getGuard().getLocations()).isEmpty();
        assertThat(settings.getLint().isEnabled()).isTrue();
        assertThat(settings.getLint().getFailOn()).isEqualTo(LintSettings.FailOn.ERROR);
        assertThat(settings.getLint().getPgVersion()).isNull();
        assertThat(drift.getMode()).isEqualTo(DriftSettings.Mode.FAIL);
        assertThat(drift.getSnapshot()).isEqualTo("classpath:db/dbops-snapshot.json");
        assertThat(drift.getShadow()).isNull();
        assertThat(pool.getInspectionInterval()).hasMinutes(1);
        assertThat(settings.getBackup().getMaxAge()).hasHours(25);
        assertThat(settings.getDrill().getCron()).isEqualTo(DrillSettings.DISABLED);
        assertThat(settings.getDrill().isRestoreOwnership()).isTrue();
        assertThat(settings.getDrill().getJobs()).isNull();
        assertThat(settings.getAudit().isEnabled()).isTrue();
    }
}
