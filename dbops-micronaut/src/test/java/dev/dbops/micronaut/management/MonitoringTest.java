package dev.dbops.micronaut.management;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.micronaut.Contexts;
import dev.dbops.micronaut.TestDatabase;
import dev.dbops.micronaut.monitor.WatchedDataSource;
import dev.dbops.pool.PoolCheck;
import dev.dbops.pool.PoolHealthReport;
import dev.dbops.backup.DrillHistory;
import dev.dbops.backup.DrillPhase;
import dev.dbops.backup.DrillReport;
import dev.dbops.backup.PhaseTiming;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.management.health.indicator.HealthResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dbops health indicator, meters and endpoint over a running application's database. */
class MonitoringTest {

    private final TestDatabase db = new TestDatabase()
            .migration("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL);");

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private ApplicationContext start(Map<String, Object> extra) {
        Map<String, Object> properties = db.properties(db.snapshotOfMigrations());
        properties.put("dbops.pool.enabled", "true");
        properties.put("dbops.pool.window", "1s");
        properties.put("dbops.pool.sample-interval", "100ms");
        properties.put("dbops.pool.inspection-interval", "1h");
        properties.putAll(extra);
        return Contexts.start(properties);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, HealthResult> parts(ApplicationContext context) {
        HealthResult dbops = context.getBean(DbopsHealthIndicator.class).health();
        HealthResult dataSource = ((Map<String, HealthResult>) dbops.getDetails()).get("default");
        return (Map<String, HealthResult>) dataSource.getDetails();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(HealthResult result) {
        return (Map<String, Object>) result.getDetails();
    }

    @Test
    void reportsDriftPoolBackupAndReplicationUnderDbops() {
        try (ApplicationContext context = start(Map.of())) {
            context.getBean(WatchedDataSource.class, Qualifiers.byName("default")).pool().orElseThrow().inspectNow();
            Map<String, HealthResult> parts = parts(context);
            assertThat(parts).containsOnlyKeys("drift", "pool", "backup", "replication");
            assertThat(parts.get("drift").getStatus()).isEqualTo(HealthStatus.UP);
            assertThat(details(parts.get("drift"))).containsEntry("schemaDifferences", 0).containsEntry("outcome", "PASS");
            assertThat(parts.get("pool").getStatus()).isEqualTo(HealthStatus.UP);
            assertThat(details(parts.get("pool"))).containsKeys("maximumPoolSize", "serverConnections");
            assertThat(parts.get("backup").getStatus()).isEqualTo(HealthStatus.UNKNOWN);
            assertThat(parts.get("replication").getStatus()).isEqualTo(HealthStatus.UP);
            assertThat(details(parts.get("replication"))).containsEntry("role", "primary");
            assertThat(context.getBean(DbopsHealthIndicator.class).health().getStatus()).isEqualTo(HealthStatus.UP);
        }
    }

    @Test
    void reportsASaturatedPoolInBoundedTimeWithoutBorrowingFromIt() throws Exception {
        ExecutorService waiters = Executors.newFixedThreadPool(2);
        try (ApplicationContext context = start(Map.of("datasources.default.connection-timeout", "8000"))) {
            DataSource dataSource = context.getBean(DataSource.class);
            List<Connection> held = new ArrayList<>();
            held.add(dataSource.getConnection());
            held.add(dataSource.getConnection());
            for (int i = 0; i < 2; i++) {
                waiters.submit(() -> {
                    try (Connection c = dataSource.getConnection()) {
                        return c.isValid(1);
                    }
                });
            }
            Thread.sleep(200);
            long started = System.nanoTime();
            PoolHealthReport report = context.getBean(WatchedDataSource.class, Qualifiers.byName("default")).pool()
                    .orElseThrow().inspectNow().orElseThrow();
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(millis).isLessThan(1000 + 4000);
            assertThat(report.findings(PoolCheck.POOL_SATURATED)).isNotEmpty();
            long healthStarted = System.nanoTime();
            assertThat(parts(context).get("pool").getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat((System.nanoTime() - healthStarted) / 1_000_000).isLessThan(5000);
            assertThat(context.getBean(MeterRegistry.class).get("dbops.pool.saturation").gauge().value())
                    .isGreaterThan(0.9);
            for (Connection connection : held) {
                connection.close();
            }
        } finally {
            waiters.shutdownNow();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void endpointShowsTheDriftReportPoolSettingsRecommendationAndAudit() {
        try (ApplicationContext context = start(Map.of("dbops.pool.sizing.peak-rate", "200",
                "dbops.pool.sizing.db-time", "20ms"))) {
            Map<String, Object> dbops = context.getBean(DbopsEndpoint.class).dataSource("default");
            assertThat(context.getBean(DbopsEndpoint.class).dbops()).containsOnlyKeys("default");
            Map<String, Object> drift = (Map<String, Object>) dbops.get("drift");
            assertThat(drift).containsEntry("outcome", "PASS");
            assertThat((Map<String, Object>) drift.get("report")).containsEntry("formatVersion", 1L)
                    .containsEntry("drift", false);
            Map<String, Object> pool = (Map<String, Object>) dbops.get("pool");
            assertThat((Map<String, Object>) pool.get("actual")).containsEntry("maximumPoolSize", 2);
            assertThat((Map<String, Object>) pool.get("recommendation")).containsEntry("formatVersion", 1L)
                    .containsKey("hikari");
            Map<String, Object> audit = (Map<String, Object>) dbops.get("audit");
            assertThat(audit).containsEntry("formatVersion", 1L).containsKeys("summary", "findings");
            assertThat((Map<String, Object>) dbops.get("backup")).containsEntry("maxAge", "PT25H");
            assertThat(context.getBean(DbopsEndpoint.class).dataSource("nothing")).isNull();
        }
    }

    @Test
    void reportsTheBackupFromTheDrillHistoryAgainstTheMaximumAge() {
        Path history = db.directory().resolve("drills.jsonl");
        Instant now = Instant.now();
        DrillHistory.append(history, verifiedDrill(now.minus(Duration.ofHours(30)), now.minus(Duration.ofHours(29))));
        try (ApplicationContext context = start(Map.of("dbops.backup.history", history.toString()))) {
            HealthResult backup = parts(context).get("backup");
            assertThat(backup.getStatus()).isEqualTo(HealthStatus.DOWN);
            assertThat(details(backup)).containsEntry("lastDrill", "VERIFIED").containsEntry("maxAge", "PT25H");
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("dbops.backup.age").timeGauge().value(TimeUnit.HOURS)).isBetween(29.9, 30.1);
            assertThat(registry.get("dbops.drill.duration").tag("phase", "restore_data").timeGauge()
                    .value(TimeUnit.SECONDS)).isEqualTo(42.0);

            DrillHistory.append(history, verifiedDrill(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))));
            assertThat(parts(context).get("backup").getStatus()).isEqualTo(HealthStatus.UP);
        }
    }

    private static DrillReport verifiedDrill(Instant taken, Instant finished) {
        return new DrillReport(DrillReport.FORMAT_VERSION, DrillReport.Outcome.VERIFIED, DrillReport.Mode.DRILL,
                "jdbc:postgresql://db:5432/app", Optional.empty(), Optional.empty(), taken, finished,
                Optional.of(taken), List.of(new PhaseTiming(DrillPhase.RESTORE_DATA, taken, Duration.ofSeconds(42), true)),
                1, 10, 0, 8192, 4096, List.of(), List.of(), List.of(), List.of(), Optional.empty());
    }

    @Test
    void exposesDriftDifferencesAndLeavesUnknownValuesAsNaN() {
        try (ApplicationContext context = start(Map.of())) {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("dbops.drift.differences").tag("source", "schema").tag("datasource", "default")
                    .gauge().value()).isZero();
            assertThat(registry.get("dbops.drift.differences").tag("source", "history").gauge().value()).isZero();
            assertThat(registry.get("dbops.backup.age").timeGauge().value()).isNaN();
            assertThat(registry.get("dbops.drill.duration").tag("phase", "restore_data").timeGauge().value()).isNaN();
            assertThat(registry.get("dbops.pool.budget.share").gauge()).isNotNull();
        }
    }
}
