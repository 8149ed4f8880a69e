package dev.dbops.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.audit.AuditThreshold;
import dev.dbops.drift.DriftDetector;
import dev.dbops.drift.DriftGuard;
import dev.dbops.json.Json;
import dev.dbops.pool.PoolInspector;
import dev.dbops.pool.PoolSizer;
import dev.dbops.spring.autoconfigure.DbopsProperties;
import dev.dbops.spring.autoconfigure.GuardProperties;
import dev.dbops.spring.autoconfigure.PoolProperties;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DefaultsTest {

    private final DbopsProperties properties = new DbopsProperties();

    @Test
    void driftDefaultsEqualTheCoreBuildersDefaults() {
        GuardProperties.Drift drift = properties.getGuard().getDrift();
        assertThat(drift.getFailOn()).isEqualTo(DriftGuard.DEFAULT_FAIL_ON);
        assertThat(drift.getDefaultSchema()).isEqualTo(DriftDetector.DEFAULT_SCHEMA);
        assertThat(drift.isCompareOwners()).isEqualTo(DriftDetector.DEFAULT_COMPARE_OWNERS);
        assertThat(drift.isGitHistory()).isEqualTo(DriftDetector.DEFAULT_GIT_HISTORY);
        assertThat(drift.getStatementTimeout()).isEqualTo(DriftDetector.DEFAULT_STATEMENT_TIMEOUT);
        assertThat(drift.getLockTimeout()).isEqualTo(DriftDetector.DEFAULT_LOCK_TIMEOUT);
        assertThat(drift.getIgnoreObjects()).isEmpty();
    }

    @Test
    void poolDefaultsEqualTheCoreBuildersDefaults() {
        PoolProperties pool = properties.getPool();
        assertThat(pool.getWindow()).isEqualTo(PoolInspector.DEFAULT_WINDOW);
        assertThat(pool.getSampleInterval()).isEqualTo(PoolInspector.DEFAULT_SAMPLE_INTERVAL);
        assertThat(pool.getStatementTimeout()).isEqualTo(PoolInspector.DEFAULT_STATEMENT_TIMEOUT);
        assertThat(pool.getConnectTimeout()).isEqualTo(PoolInspector.DEFAULT_CONNECT_TIMEOUT);
        assertThat(pool.getIdleInTransactionThreshold()).isEqualTo(PoolInspector.DEFAULT_IDLE_IN_TRANSACTION_THRESHOLD);
        assertThat(pool.getSaturatedShare()).isEqualTo(PoolInspector.DEFAULT_SATURATED_SHARE);
        assertThat(pool.getBudgetShare()).isEqualTo(PoolInspector.DEFAULT_BUDGET_SHARE);
        assertThat(pool.getTransactionP99()).isNull();
        assertThat(pool.getSizing().getInstances()).isEqualTo(PoolSizer.DEFAULT_INSTANCES);
    }

    @Test
    void lintAndReplicationDefaultsEqualTheCoreDefaults() {
        GuardProperties.Lint lint = properties.getGuard().getLint();
        assertThat(lint.getFailOn()).isEqualTo(GuardProperties.FailOn.ERROR);
        assertThat(lint.isLockTimeoutConfigured()).isFalse();
        assertThat(lint.isStatementTimeoutConfigured()).isFalse();
        assertThat(lint.getIgnoreRules()).isEmpty();
        assertThat(properties.getReplication().getLagWarning())
                .isEqualTo(AuditThreshold.REPLICATION_LAG_WARNING.defaultValue());
        assertThat(properties.getReplication().getLagCritical())
                .isEqualTo(AuditThreshold.REPLICATION_LAG_CRITICAL.defaultValue());
    }

    @Test
    void generatedMetadataDescribesEveryPropertyWithTheDeclaredDefaults() throws Exception {
        Map<String, Map<String, Object>> byName = metadata();
        assertThat(byName).hasSizeGreaterThan(45);
        byName.forEach((name, property) -> assertThat(property.get("description")).as(name).isNotNull());
        assertThat(byName.get("dbops.guard.drift.statement-timeout").get("defaultValue")).isEqualTo("60s");
        assertThat(byName.get("dbops.guard.drift.snapshot").get("defaultValue"))
                .isEqualTo("classpath:db/dbops-snapshot.json");
        assertThat(byName.get("dbops.guard.lint.fail-on").get("defaultValue")).isEqualTo("error");
        assertThat(byName.get("dbops.pool.window").get("defaultValue")).isEqualTo("10s");
        assertThat(byName.get("dbops.backup.drill.cron").get("defaultValue")).isEqualTo("-");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> metadata() throws Exception {
        try (InputStream in = DefaultsTest.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("generated configuration metadata").isNotNull();
            Map<String, Object> root = (Map<String, Object>) Json.parse(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8));
            Map<String, Map<String, Object>> byName = new java.util.TreeMap<>();
            for (Object property : (List<Object>) root.get("properties")) {
                Map<String, Object> map = (Map<String, Object>) property;
                byName.put((String) map.get("name"), map);
            }
            return byName;
        }
    }
}
