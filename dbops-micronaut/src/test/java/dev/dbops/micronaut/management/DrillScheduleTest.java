package dev.dbops.micronaut.management;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.backup.DrillHistory;
import dev.dbops.backup.DrillReport;
import dev.dbops.micronaut.Contexts;
import dev.dbops.micronaut.TestDatabase;
import dev.dbops.micronaut.monitor.WatchedDataSource;
import dev.dbops.runtime.BackupStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.management.health.indicator.HealthResult;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Restore drills on {@code dbops.backup.drill.cron}, on Micronaut's scheduler, against the test server. */
class DrillScheduleTest {

    private final TestDatabase db = new TestDatabase()
            .migration("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL);");
    private Path snapshot;

    @BeforeEach
    void fillTheDatabase() {
        snapshot = db.snapshotOfMigrations();
        Contexts.start(db.properties(snapshot)).close();
        db.execute("INSERT INTO orders SELECT i, 'c' || i FROM generate_series(1, 200) i");
    }

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    private Map<String, Object> properties(String... more) {
        Map<String, Object> properties = db.properties(snapshot);
        for (int i = 0; i < more.length; i += 2) {
            properties.put(more[i], more[i + 1]);
        }
        return properties;
    }

    private static WatchedDataSource watched(ApplicationContext context) {
        return context.getBean(WatchedDataSource.class, Qualifiers.byName("default"));
    }

    @Test
    void runsNoDrillUnlessACronIsSet() {
        try (ApplicationContext context = Contexts.start(properties("dbops.backup.drill.cron", "-"))) {
            assertThat(watched(context).drills()).isEmpty();
            assertThat(watched(context).backup()).isPresent();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void scheduledDrillVerifiesTheBackupAndFeedsHistoryHealthAndMetrics() throws Exception {
        Path history = db.directory().resolve("drills.jsonl");
        try (ApplicationContext context = Contexts.start(properties("dbops.backup.drill.cron", "* * * * * *",
                "dbops.backup.drill.jobs", "1", "dbops.backup.history", history.toString()))) {
            BackupStatus status = watched(context).backup().orElseThrow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (status.read().lastDrill().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            DrillReport report = status.read().lastDrill().orElseThrow();
            assertThat(report.outcome()).as(report.toText()).isEqualTo(DrillReport.Outcome.VERIFIED);
            assertThat(DrillHistory.read(history)).isNotEmpty();
            Map<String, HealthResult> byDataSource = (Map<String, HealthResult>) context
                    .getBean(DbopsHealthIndicator.class).health().getDetails();
            HealthResult backup = ((Map<String, HealthResult>) byDataSource.get("default").getDetails()).get("backup");
            assertThat(backup.getStatus()).isEqualTo(HealthStatus.UP);
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get("dbops.backup.age").timeGauge().value(TimeUnit.SECONDS)).isBetween(0.0, 120.0);
            // A phase of a 200-row database may take less than the millisecond core times it to: known, not positive.
            assertThat(registry.get("dbops.drill.duration").tag("phase", "restore_data").timeGauge()
                    .value(TimeUnit.MILLISECONDS)).isNotNaN().isGreaterThanOrEqualTo(0.0);
            assertThat(registry.get("dbops.drill.duration").tag("phase", "total").timeGauge()
                    .value(TimeUnit.MILLISECONDS)).isPositive();
        }
    }

    @Test
    void refusesACronExpressionMicronautCannotRead() {
        Throwable failure = Contexts.failure(properties("dbops.backup.drill.cron", "every night"));
        DbopsException cause = null;
        for (Throwable t = failure; t != null && cause == null; t = t.getCause()) {
            cause = t instanceof DbopsException dbops ? dbops : null;
        }
        assertThat(cause).isNotNull();
        assertThat(cause.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(cause.getMessage()).contains("dbops.backup.drill.cron 'every night' is not a cron expression"
                + " Micronaut's scheduler reads (Invalid cron expression [every night], expected 5 or 6 fields, got 2)");
    }
}
