package dev.dbops.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.backup.DrillHistory;
import dev.dbops.backup.DrillReport;
import dev.dbops.runtime.BackupStatus;
import dev.dbops.spring.monitor.ScheduledDrills;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;

class DrillScheduleTest {

    @TempDir
    Path temp;

    private TestDatabase database;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create();
        database.migrate("classpath:guard/clean");
        database.execute("insert into customers (name, email) select 'c' || i, 'c' || i || '@example.com'"
                + " from generate_series(1, 200) i");
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void runsNoDrillUnlessACronIsSet() {
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + database.snapshot(temp),
                "dbops.backup.drill.cron=-").run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(ScheduledDrills.class).hasSingleBean(BackupStatus.class);
                });
    }

    @Test
    void scheduledDrillVerifiesTheBackupAndFeedsHistoryHealthAndMetrics() {
        Path history = temp.resolve("drills.jsonl");
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + database.snapshot(temp),
                "dbops.backup.drill.cron=* * * * * *", "dbops.backup.drill.jobs=1",
                "dbops.backup.history=" + history)
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    BackupStatus status = context.getBean(BackupStatus.class);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (status.read().lastDrill().isEmpty() && System.nanoTime() < deadline) {
                        Thread.sleep(200);
                    }
                    DrillReport report = status.read().lastDrill().orElseThrow();
                    assertThat(report.outcome()).as(report.toText()).isEqualTo(DrillReport.Outcome.VERIFIED);
                    assertThat(DrillHistory.read(history)).isNotEmpty();
                    HealthIndicator backup = (HealthIndicator) context.getBean("dbopsHealthContributor",
                            CompositeHealthContributor.class).getContributor("backup");
                    assertThat(backup.health().getStatus()).isEqualTo(Status.UP);
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    assertThat(registry.get("dbops.backup.age").timeGauge().value(TimeUnit.SECONDS)).isBetween(0.0, 120.0);
                    // A phase of a 200-row database may take less than the millisecond core times it to.
                    assertThat(registry.get("dbops.drill.duration").tag("phase", "restore_data").timeGauge()
                            .value(TimeUnit.MILLISECONDS)).isNotNaN().isGreaterThanOrEqualTo(0.0);
                    assertThat(registry.get("dbops.drill.duration").tag("phase", "total").timeGauge()
                            .value(TimeUnit.MILLISECONDS)).isPositive();
                });
    }

    @Test
    void reportsTheBackupDownWhenTheNewestVerifiedBackupIsTooOld() {
        Path history = temp.resolve("drills.jsonl");
        Runners.withFlyway(database, "dbops.guard.drift.snapshot=file:" + database.snapshot(temp),
                "dbops.backup.drill.cron=0 0 0 1 1 *", "dbops.backup.drill.jobs=1", "dbops.backup.history=" + history,
                "dbops.backup.max-age=1ms")
                .run(context -> {
                    context.getBean(ScheduledDrills.class).runNow();
                    HealthIndicator backup = (HealthIndicator) context.getBean("dbopsHealthContributor",
                            CompositeHealthContributor.class).getContributor("backup");
                    assertThat(backup.health().getStatus()).isEqualTo(Status.DOWN);
                    assertThat(backup.health().getDetails()).containsEntry("lastDrill", "VERIFIED")
                            .containsKey("backupAge");
                });
    }
}
