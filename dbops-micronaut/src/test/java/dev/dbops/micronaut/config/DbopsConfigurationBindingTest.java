package dev.dbops.micronaut.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.drift.DriftLevel;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every {@code dbops.*} key binds to its setting, and {@code dbops.datasources.<name>.*} overrides it. */
class DbopsConfigurationBindingTest {

    private static final Map<String, Object> EVERY_KEY = Map.ofEntries(
            Map.entry("dbops.enabled", "true"),
            Map.entry("dbops.guard.enabled", "false"),
            Map.entry("dbops.guard.on-unavailable", "warn"),
            Map.entry("dbops.guard.locations", "classpath:db/other,filesystem:/srv/migrations"),
            Map.entry("dbops.guard.lint.enabled", "false"),
            Map.entry("dbops.guard.lint.fail-on", "warning"),
            Map.entry("dbops.guard.lint.pg-version", "14"),
            Map.entry("dbops.guard.lint.ignore-rules", "require-lock-timeout,prefer-text-over-varchar"),
            Map.entry("dbops.guard.lint.lock-timeout-configured", "true"),
            Map.entry("dbops.guard.lint.statement-timeout-configured", "true"),
            Map.entry("dbops.guard.drift.mode", "warn"),
            Map.entry("dbops.guard.drift.fail-on", "warning"),
            Map.entry("dbops.guard.drift.snapshot", "file:/srv/snapshot.json"),
            Map.entry("dbops.guard.drift.shadow", "embedded:17"),
            Map.entry("dbops.guard.drift.default-schema", "app"),
            Map.entry("dbops.guard.drift.ignore-objects", "public.tmp_*"),
            Map.entry("dbops.guard.drift.compare-owners", "true"),
            Map.entry("dbops.guard.drift.git-history", "false"),
            Map.entry("dbops.guard.drift.statement-timeout", "30s"),
            Map.entry("dbops.guard.drift.lock-timeout", "2s"),
            Map.entry("dbops.guard.drift.reconciliation-directory", "/srv/reconcile"),
            Map.entry("dbops.pool.enabled", "false"),
            Map.entry("dbops.pool.inspection-interval", "5m"),
            Map.entry("dbops.pool.window", "3s"),
            Map.entry("dbops.pool.sample-interval", "50ms"),
            Map.entry("dbops.pool.statement-timeout", "2s"),
            Map.entry("dbops.pool.connect-timeout", "1s"),
            Map.entry("dbops.pool.transaction-p99", "120ms"),
            Map.entry("dbops.pool.idle-in-transaction-threshold", "3s"),
            Map.entry("dbops.pool.saturated-share", "0.25"),
            Map.entry("dbops.pool.budget-share", "0.8"),
            Map.entry("dbops.pool.sizing.peak-rate", "400"),
            Map.entry("dbops.pool.sizing.db-time", "12ms"),
            Map.entry("dbops.pool.sizing.db-time-p99", "80ms"),
            Map.entry("dbops.pool.sizing.target-wait", "20ms"),
            Map.entry("dbops.pool.sizing.instances", "3"),
            Map.entry("dbops.pool.sizing.max-instances", "6"),
            Map.entry("dbops.backup.enabled", "false"),
            Map.entry("dbops.backup.history", "/srv/drills.jsonl"),
            Map.entry("dbops.backup.max-age", "2d"),
            Map.entry("dbops.backup.drill.cron", "0 0 3 * * *"),
            Map.entry("dbops.backup.drill.target", "postgresql://drill@scratch:5432/dbops_drill"),
            Map.entry("dbops.backup.drill.jobs", "2"),
            Map.entry("dbops.backup.drill.restore-ownership", "false"),
            Map.entry("dbops.backup.drill.client-programs", "/usr/lib/postgresql/17/bin"),
            Map.entry("dbops.replication.enabled", "false"),
            Map.entry("dbops.replication.lag-warning", "30s"),
            Map.entry("dbops.replication.lag-critical", "5m"),
            Map.entry("dbops.replication.statement-timeout", "3s"),
            Map.entry("dbops.audit.enabled", "false"));

    @Test
    void bindsEveryKey() {
        try (ApplicationContext context = ApplicationContext.run(EVERY_KEY)) {
            assertEveryKeyBound(context.getBean(DbopsConfiguration.class));
        }
    }

    @Test
    void datasourceInheritsEveryGlobalKeyItDoesNotSetItself() {
        Map<String, Object> properties = new java.util.HashMap<>(EVERY_KEY);
        properties.put("dbops.datasources.orders.guard.drift.snapshot", "classpath:db/orders-snapshot.json");
        properties.put("dbops.datasources.orders.pool.window", "1s");
        properties.put("dbops.datasources.orders.guard.lint.ignore-rules", "rename-column");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            DbopsDataSources lookup = context.getBean(DbopsDataSources.class);
            DbopsSettings orders = lookup.settings("orders");
            assertThat(orders.getDrift().getSnapshot()).isEqualTo("classpath:db/orders-snapshot.json");
            assertThat(orders.getPool().getWindow()).isEqualTo(Duration.ofSeconds(1));
            assertThat(orders.getLint().getIgnoreRules()).containsExactly("rename-column");
            assertThat(orders.getDrift().getShadow()).isEqualTo("embedded:17");
            assertThat(orders.getPool().getInspectionInterval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(orders.getBackup().getHistory()).isEqualTo(Path.of("/srv/drills.jsonl"));
            assertThat(lookup.settings("default")).isSameAs(lookup.global());
            assertThat(lookup.global().getDrift().getSnapshot()).isEqualTo("file:/srv/snapshot.json");
        }
    }

    @Test
    void switchesOneDatasourceOff() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("dbops.datasources.reports.enabled", "false"))) {
            DbopsDataSources lookup = context.getBean(DbopsDataSources.class);
            assertThat(lookup.watches("reports")).isFalse();
            assertThat(lookup.watches("default")).isTrue();
        }
    }

    @Test
    void refusesEveryValueItCannotConvertInsteadOfKeepingTheDefault() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("dbops.guard.lint.fail-on", "sometimes",
                "dbops.datasources.orders.pool.window", "ten seconds", "dbops.backup.enabled", "maybe"))) {
            assertThatThrownBy(() -> context.getBean(DbopsDataSources.class))
                    .hasRootCauseInstanceOf(DbopsException.class)
                    .rootCause().hasMessageContaining("dbops.guard.lint.fail-on=sometimes is not one of error, warning, never")
                    .hasMessageContaining("dbops.datasources.orders.pool.window=ten seconds is not a duration")
                    .hasMessageContaining("dbops.backup.enabled=maybe is not true or false")
                    .satisfies(e -> assertThat(((DbopsException) e).code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION));
        }
    }

    private static void assertEveryKeyBound(DbopsSettings s) {
        assertThat(s.isEnabled()).isTrue();
        assertThat(s.getGuard().isEnabled()).isFalse();
        assertThat(s.getGuard().getOnUnavailable()).isEqualTo(GuardSettings.OnUnavailable.WARN);
        assertThat(s.getGuard().getLocations()).containsExactly("classpath:db/other", "filesystem:/srv/migrations");
        LintSettings lint = s.getLint();
        assertThat(lint.isEnabled()).isFalse();
        assertThat(lint.getFailOn()).isEqualTo(LintSettings.FailOn.WARNING);
        assertThat(lint.getPgVersion()).isEqualTo(14);
        assertThat(lint.getIgnoreRules()).containsExactly("require-lock-timeout", "prefer-text-over-varchar");
        assertThat(lint.isLockTimeoutConfigured()).isTrue();
        assertThat(lint.isStatementTimeoutConfigured()).isTrue();
        DriftSettings drift = s.getDrift();
        assertThat(drift.getMode()).isEqualTo(DriftSettings.Mode.WARN);
        assertThat(drift.getFailOn()).isEqualTo(DriftLevel.WARNING);
        assertThat(drift.getSnapshot()).isEqualTo("file:/srv/snapshot.json");
        assertThat(drift.getShadow()).isEqualTo("embedded:17");
        assertThat(drift.getDefaultSchema()).isEqualTo("app");
        assertThat(drift.getIgnoreObjects()).containsExactly("public.tmp_*");
        assertThat(drift.isCompareOwners()).isTrue();
        assertThat(drift.isGitHistory()).isFalse();
        assertThat(drift.getStatementTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(drift.getLockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(drift.getReconciliationDirectory()).isEqualTo(Path.of("/srv/reconcile"));
        PoolSettings pool = s.getPool();
        assertThat(pool.isEnabled()).isFalse();
        assertThat(pool.getInspectionInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(pool.getWindow()).isEqualTo(Duration.ofSeconds(3));
        assertThat(pool.getSampleInterval()).isEqualTo(Duration.ofMillis(50));
        assertThat(pool.getStatementTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(pool.getConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(pool.getTransactionP99()).isEqualTo(Duration.ofMillis(120));
        assertThat(pool.getIdleInTransactionThreshold()).isEqualTo(Duration.ofSeconds(3));
        assertThat(pool.getSaturatedShare()).isEqualTo(0.25);
        assertThat(pool.getBudgetShare()).isEqualTo(0.8);
        PoolSizingSettings sizing = s.getSizing();
        assertThat(sizing.getPeakRate()).isEqualTo(400.0);
        assertThat(sizing.getDbTime()).isEqualTo(Duration.ofMillis(12));
        assertThat(sizing.getDbTimeP99()).isEqualTo(Duration.ofMillis(80));
        assertThat(sizing.getTargetWait()).isEqualTo(Duration.ofMillis(20));
        assertThat(sizing.getInstances()).isEqualTo(3);
        assertThat(sizing.getMaxInstances()).isEqualTo(6);
        assertThat(s.getBackup().isEnabled()).isFalse();
        assertThat(s.getBackup().getHistory()).isEqualTo(Path.of("/srv/drills.jsonl"));
        assertThat(s.getBackup().getMaxAge()).isEqualTo(Duration.ofDays(2));
        DrillSettings drill = s.getDrill();
        assertThat(drill.getCron()).isEqualTo("0 0 3 * * *");
        assertThat(drill.getTarget()).isEqualTo("postgresql://drill@scratch:5432/dbops_drill");
        assertThat(drill.getJobs()).isEqualTo(2);
        assertThat(drill.isRestoreOwnership()).isFalse();
        assertThat(drill.getClientPrograms()).isEqualTo(Path.of("/usr/lib/postgresql/17/bin"));
        ReplicationSettings replication = s.getReplication();
        assertThat(replication.isEnabled()).isFalse();
        assertThat(replication.getLagWarning()).isEqualTo(Duration.ofSeconds(30));
        assertThat(replication.getLagCritical()).isEqualTo(Duration.ofMinutes(5));
        assertThat(replication.getStatementTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.getAudit().isEnabled()).isFalse();
        assertThat(List.of(s.getGuard(), s.getLint(), s.getDrift())).doesNotContainNull();
    }
}
