package dev.dbops.micronaut.metrics;

import dev.dbops.backup.DrillPhase;
import dev.dbops.backup.DrillReport;
import dev.dbops.drift.DriftLevel;
import dev.dbops.drift.DriftReport;
import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.micronaut.guard.DriftStatus;
import dev.dbops.micronaut.monitor.WatchedDataSource;
import dev.dbops.pool.PoolHealthReport;
import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.DriftCheckResult;
import dev.dbops.runtime.PoolMonitor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micronaut.configuration.metrics.annotation.RequiresMetrics;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * dbops's Micrometer meters, with the Spring Boot starter's names, each tagged {@code datasource=<name>}; all
 * gauges over what is already known (nothing queries the database when a registry reads them), a value not known
 * yet reads as NaN.
 *
 * <p>They are registered with the application's {@link MeterRegistry} when each {@link WatchedDataSource} has been
 * created, not as a {@code MeterBinder} bean: micronaut-jdbc-hikari asks for the registry while it creates the
 * datasource, the registry binds every {@code MeterBinder} bean as it is created, and a binder over the
 * datasources would so be needed to create them.
 *
 * <ul>
 *   <li>{@code dbops.drift.differences{source=schema|history}}: schema differences, and history entries at drift
 *       level, found by the startup check;</li>
 *   <li>{@code dbops.pool.saturation}: the share of the latest inspection's samples in which requests waited for
 *       a connection; {@code dbops.pool.budget.share}: the share of the server's ordinary connections in use
 *       then;</li>
 *   <li>{@code dbops.backup.age}: the age of the newest verified backup now;</li>
 *   <li>{@code dbops.drill.duration{phase=…}}: each phase of the latest restore drill, and {@code phase=total}.</li>
 * </ul>
 */
@Singleton
@RequiresDbops
@Requires(classes = MeterRegistry.class)
@RequiresMetrics
public class DbopsMeters implements BeanCreatedEventListener<WatchedDataSource> {

    private final BeanProvider<MeterRegistry> registry;
    private final DriftStatus drift;

    /** Creates the binder; the registry is looked up once the first datasource is watched. */
    public DbopsMeters(BeanProvider<MeterRegistry> registry, DriftStatus drift) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.drift = Objects.requireNonNull(drift, "drift");
    }

    @Override
    public WatchedDataSource onCreated(BeanCreatedEvent<WatchedDataSource> event) {
        WatchedDataSource watched = event.getBean();
        if (watched.watched()) {
            bind(registry.get(), watched);
        }
        return watched;
    }

    /** Registers the meters of one datasource. */
    void bind(MeterRegistry registry, WatchedDataSource watched) {
        String name = watched.name();
        Gauge.builder("dbops.drift.differences", drift, s -> report(s, name)
                .map(r -> (double) r.schema().differences().size()).orElse(Double.NaN))
                .tag("datasource", name).tag("source", "schema")
                .description("schema differences found by the startup drift check").register(registry);
        Gauge.builder("dbops.drift.differences", drift, s -> report(s, name)
                .map(r -> (double) r.history().entries().stream().filter(e -> e.level() == DriftLevel.DRIFT).count())
                .orElse(Double.NaN))
                .tag("datasource", name).tag("source", "history")
                .description("history entries at drift level found by the startup drift check").register(registry);
        watched.pool().ifPresent(monitor -> {
            Gauge.builder("dbops.pool.saturation", monitor, m -> inspected(m, DbopsMeters::saturation))
                    .tag("datasource", name)
                    .description("share of the latest inspection's samples in which requests waited for a connection")
                    .baseUnit("ratio").register(registry);
            Gauge.builder("dbops.pool.budget.share", monitor, m -> inspected(m, r -> r.server()
                    .map(s -> s.usedShare()).orElse(Double.NaN)))
                    .tag("datasource", name)
                    .description("share of the server's ordinary connections in use at the latest inspection")
                    .baseUnit("ratio").register(registry);
        });
        watched.backup().ifPresent(status -> bindBackup(registry, name, status));
    }

    private static void bindBackup(MeterRegistry registry, String name, BackupStatus status) {
        TimeGauge.builder("dbops.backup.age", status, TimeUnit.SECONDS, s -> s.read().backupAge()
                .map(DbopsMeters::seconds).orElse(Double.NaN))
                .tag("datasource", name).description("age of the newest verified backup").register(registry);
        for (DrillPhase phase : DrillPhase.values()) {
            TimeGauge.builder("dbops.drill.duration", status, TimeUnit.SECONDS, s -> s.read().lastDrill()
                    .flatMap(r -> r.elapsed(phase)).map(DbopsMeters::seconds).orElse(Double.NaN))
                    .tag("datasource", name).tag("phase", phase.name().toLowerCase(Locale.ROOT))
                    .description("wall time of this phase in the latest restore drill").register(registry);
        }
        TimeGauge.builder("dbops.drill.duration", status, TimeUnit.SECONDS, s -> s.read().lastDrill()
                .map(DrillReport::total).map(DbopsMeters::seconds).orElse(Double.NaN))
                .tag("datasource", name).tag("phase", "total")
                .description("wall time of the latest restore drill").register(registry);
    }

    /** A duration in seconds, to the nanosecond: a drill phase of a small database may take less than a millisecond. */
    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static Optional<DriftReport> report(DriftStatus status, String dataSource) {
        return status.latest(dataSource).flatMap(DriftCheckResult::report);
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
