package dev.dbops.spring.actuate;

import dev.dbops.backup.DrillPhase;
import dev.dbops.backup.DrillReport;
import dev.dbops.drift.DriftLevel;
import dev.dbops.drift.DriftReport;
import dev.dbops.pool.PoolHealthReport;
import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.DriftCheckResult;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.spring.guard.DriftStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * dbops's Micrometer meters, all gauges over what is already known (nothing queries the database when a
 * registry reads them); a value not known yet reads as NaN.
 *
 * <ul>
 *   <li>{@code dbops.drift.differences{source=schema|history}}: schema differences, and history entries at
 *       drift level, found by the startup check;</li>
 *   <li>{@code dbops.pool.saturation}: the share of the latest inspection's samples in which requests waited
 *       for a connection; {@code dbops.pool.budget.share}: the share of the server's ordinary connections in
 *       use then;</li>
 *   <li>{@code dbops.backup.age}: the age of the newest verified backup now;</li>
 *   <li>{@code dbops.drill.duration{phase=…}}: each phase of the latest restore drill.</li>
 * </ul>
 */
public final class DbopsMetrics implements MeterBinder {

    private final DriftStatus drift;
    private final Optional<PoolMonitor> pool;
    private final Optional<BackupStatus> backup;

    /** Creates the meters over the application's dbops state; absent parts register no meters. */
    public DbopsMetrics(DriftStatus drift, Optional<PoolMonitor> pool, Optional<BackupStatus> backup) {
        this.drift = Objects.requireNonNull(drift, "drift");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.backup = Objects.requireNonNull(backup, "backup");
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("dbops.drift.differences", drift, s -> report(s)
                .map(r -> (double) r.schema().differences().size()).orElse(Double.NaN))
                .tag("source", "schema").description("schema differences found by the startup drift check")
                .register(registry);
        Gauge.builder("dbops.drift.differences", drift, s -> report(s)
                .map(r -> (double) r.history().entries().stream().filter(e -> e.level() == DriftLevel.DRIFT).count())
                .orElse(Double.NaN))
                .tag("source", "history").description("history entries at drift level found by the startup drift check")
                .register(registry);
        pool.ifPresent(monitor -> {
            Gauge.builder("dbops.pool.saturation", monitor, m -> inspected(m, DbopsMetrics::saturation))
                    .description("share of the latest inspection's samples in which requests waited for a connection")
                    .baseUnit("ratio").register(registry);
            Gauge.builder("dbops.pool.budget.share", monitor, m -> inspected(m, r -> r.server()
                    .map(s -> s.usedShare()).orElse(Double.NaN)))
                    .description("share of the server's ordinary connections in use at the latest inspection")
                    .baseUnit("ratio").register(registry);
        });
        backup.ifPresent(status -> {
            TimeGauge.builder("dbops.backup.age", status, TimeUnit.SECONDS, s -> s.read().backupAge()
                    .map(age -> age.toMillis() / 1000.0).orElse(Double.NaN))
                    .description("age of the newest verified backup").register(registry);
            for (DrillPhase phase : DrillPhase.values()) {
                TimeGauge.builder("dbops.drill.duration", status, TimeUnit.SECONDS, s -> s.read().lastDrill()
                        .flatMap(r -> r.elapsed(phase)).map(d -> d.toMillis() / 1000.0).orElse(Double.NaN))
                        .tag("phase", phase.name().toLowerCase(Locale.ROOT))
                        .description("wall time of this phase in the latest restore drill").register(registry);
            }
            TimeGauge.builder("dbops.drill.duration", status, TimeUnit.SECONDS, s -> s.read().lastDrill()
                    .map(DrillReport::total).map(d -> d.toMillis() / 1000.0).orElse(Double.NaN))
                    .tag("phase", "total").description("wall time of the latest restore drill").register(registry);
        });
    }

    private static Optional<DriftReport> report(DriftStatus status) {
        return status.latest().flatMap(DriftCheckResult::report);
    }

    private static double inspected(PoolMonitor monitor, Function<PoolHealthReport, Double> value) {
        return monitor.latest().map(value).orElse(Double.NaN);
    }

    private static double saturation(PoolHealthReport report) {
        if (report.samples().isEmpty()) {
            return Double.NaN;
        }
        return (double) report.samples().stream().filter(s -> s.waiting() > 0).count() / report.samples().size();
    }
}
