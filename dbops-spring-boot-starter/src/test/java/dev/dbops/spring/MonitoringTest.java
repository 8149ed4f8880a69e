package dev.dbops.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.pool.PoolCheck;
import dev.dbops.pool.PoolHealthReport;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.spring.actuate.DbopsEndpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

class MonitoringTest {

    @TempDir
    Path temp;

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create();
        database.migrate("classpath:guard/clean");
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private ApplicationContextRunner runner(String... properties) {
        return Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + database.snapshot(temp),
                "dbops.pool.window=1s", "dbops.pool.sample-interval=100ms",
                "management.endpoints.web.exposure.include=health,dbops")
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new).withPropertyValues(properties);
    }

    private static Health health(ApplicationContext context, String member) {
        return ((HealthIndicator) context.getBean("dbopsHealthContributor", CompositeHealthContributor.class)
                .getContributor(member)).health();
    }

    @Test
    void reportsDriftPoolBackupAndReplicationUnderDbops() {
        runner().run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean("dbopsHealthContributor", CompositeHealthContributor.class).stream()
                    .map(c -> c.name()).toList()).containsExactly("drift", "pool", "backup", "replication");
            assertThat(health(context, "drift").getStatus()).isEqualTo(Status.UP);
            assertThat(health(context, "drift").getDetails()).containsEntry("schemaDifferences", 0)
                    .containsEntry("outcome", "PASS");
            context.getBean(PoolMonitor.class).inspectNow();
            assertThat(health(context, "pool").getStatus()).isEqualTo(Status.UP);
            assertThat(health(context, "pool").getDetails()).containsKeys("maximumPoolSize", "serverConnections");
            assertThat(health(context, "backup").getStatus()).isEqualTo(Status.UNKNOWN);
            assertThat(health(context, "replication").getStatus()).isEqualTo(Status.UP);
            assertThat(health(context, "replication").getDetails()).containsEntry("role", "primary");
        });
    }

    @Test
    void reportsASaturatedPoolInBoundedTimeWithoutBorrowingFromIt() throws Exception {
        ExecutorService waiters = Executors.newFixedThreadPool(2);
        runner("spring.datasource.hikari.maximum-pool-size=2", "spring.datasource.hikari.connection-timeout=8000")
                .run(context -> {
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
                    PoolHealthReport report = context.getBean(PoolMonitor.class).inspectNow().orElseThrow();
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertThat(millis).isLessThan(1000 + 4000);
                    assertThat(report.findings(PoolCheck.POOL_SATURATED)).isNotEmpty();
                    assertThat(health(context, "pool").getStatus()).isEqualTo(Status.DOWN);
                    assertThat(context.getBean(MeterRegistry.class).get("dbops.pool.saturation").gauge().value())
                            .isGreaterThan(0.9);
                    for (Connection connection : held) {
                        connection.close();
                    }
                });
        waiters.shutdownNow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void endpointShowsTheDriftReportPoolSettingsRecommendationAndAudit() {
        runner("dbops.pool.sizing.peak-rate=200", "dbops.pool.sizing.db-time=20ms").run(context -> {
            Map<String, Object> dbops = context.getBean(DbopsEndpoint.class).dbops();
            Map<String, Object> drift = (Map<String, Object>) dbops.get("drift");
            assertThat(drift).containsEntry("outcome", "PASS");
            assertThat((Map<String, Object>) drift.get("report")).containsEntry("formatVersion", 1L)
                    .containsEntry("drift", false);
            Map<String, Object> pool = (Map<String, Object>) dbops.get("pool");
            assertThat((Map<String, Object>) pool.get("actual")).containsEntry("maximumPoolSize", 10);
            assertThat((Map<String, Object>) pool.get("recommendation")).containsEntry("formatVersion", 1L)
                    .containsKey("hikari");
            Map<String, Object> audit = (Map<String, Object>) dbops.get("audit");
            assertThat(audit).containsEntry("formatVersion", 1L).containsKeys("summary", "findings");
            assertThat((Map<String, Object>) dbops.get("backup")).containsEntry("maxAge", "PT25H");
        });
    }

    @Test
    void exposesDriftDifferencesAndLeavesUnknownValuesAsNaN() {
        runner().run(context -> {
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("dbops.drift.differences").tag("source", "schema").gauge().value()).isZero();
            assertThat(registry.get("dbops.drift.differences").tag("source", "history").gauge().value()).isZero();
            assertThat(registry.get("dbops.backup.age").timeGauge().value()).isNaN();
            assertThat(registry.get("dbops.drill.duration").tag("phase", "restore_data").timeGauge().value()).isNaN();
            assertThat(registry.get("dbops.pool.budget.share").gauge()).isNotNull();
        });
    }
}
