package dev.dbops.micronaut.management;

import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.micronaut.guard.DriftStatus;
import dev.dbops.micronaut.monitor.WatchedDataSource;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.async.publisher.AsyncSingleResultPublisher;
import io.micronaut.core.util.StringUtils;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * The {@code dbops} health indicator: for each datasource dbops watches, its {@code drift}, {@code pool},
 * {@code backup} and {@code replication} results, each present when its feature is. Switched off with
 * {@code endpoints.health.dbops.enabled=false}.
 *
 * <p>Statuses combine as in the Spring Boot starter: down when any part is down, else up when any is up, else
 * unknown, so that a part with nothing to report yet (no drill known) does not turn a healthy application's
 * status to unknown. Micronaut counts every indicator not marked {@code @Liveness} for readiness; see
 * {@code docs/micronaut.md} for what that means for backup and replication. Drift, pool and backup answer from
 * what is already known; replication reads on its own connection within its timeouts, on the blocking executor.
 */
@Singleton
@RequiresDbops
@Requires(classes = HealthIndicator.class)
@Requires(beans = HealthEndpoint.class)
@Requires(property = DbopsHealthIndicator.ENABLED, notEquals = StringUtils.FALSE)
public class DbopsHealthIndicator implements HealthIndicator {

    /** The indicator's name in the health report. */
    public static final String NAME = "dbops";

    /** The property that switches the indicator off. */
    public static final String ENABLED = HealthEndpoint.PREFIX + ".dbops.enabled";

    private final Collection<WatchedDataSource> dataSources;
    private final DriftStatus drift;
    private final ExecutorService executor;

    /** Creates the indicator over every watched datasource. */
    public DbopsHealthIndicator(Collection<WatchedDataSource> dataSources, DriftStatus drift,
            @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.dataSources = List.copyOf(dataSources);
        this.drift = Objects.requireNonNull(drift, "drift");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return new AsyncSingleResultPublisher<>(executor, this::health);
    }

    /** The whole result, computed in the calling thread. */
    public HealthResult health() {
        Map<String, HealthResult> byDataSource = new LinkedHashMap<>();
        dataSources.stream().filter(WatchedDataSource::watched).sorted(Comparator.comparing(WatchedDataSource::name))
                .forEach(watched -> byDataSource.put(watched.name(), dataSource(watched)));
        return HealthResult.builder(NAME, combine(byDataSource.values())).details(byDataSource).build();
    }

    private HealthResult dataSource(WatchedDataSource watched) {
        List<HealthResult> parts = new ArrayList<>();
        parts.add(DriftHealth.of(drift.latest(watched.name())));
        watched.pool().map(PoolHealth::of).ifPresent(parts::add);
        watched.backup().map(BackupHealth::of).ifPresent(parts::add);
        watched.replication().map(ReplicationHealth::of).ifPresent(parts::add);
        Map<String, HealthResult> details = new LinkedHashMap<>();
        parts.forEach(part -> details.put(part.getName(), part));
        return HealthResult.builder(watched.name(), combine(parts)).details(details).build();
    }

    /** Down when any is down, else up when any is up, else unknown (Spring Boot's order). */
    static HealthStatus combine(Collection<HealthResult> results) {
        if (results.stream().anyMatch(r -> HealthStatus.DOWN.equals(r.getStatus()))) {
            return HealthStatus.DOWN;
        }
        return results.stream().anyMatch(r -> HealthStatus.UP.equals(r.getStatus())) ? HealthStatus.UP
                : HealthStatus.UNKNOWN;
    }
}
