package dev.dbops.spring.actuate;

import dev.dbops.pool.PoolFinding;
import dev.dbops.pool.PoolHealthReport;
import dev.dbops.pool.PoolSample;
import dev.dbops.pool.PoolSeverity;
import dev.dbops.runtime.PoolMonitor;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code dbops.pool}: the latest background inspection of the application's pool. Down on an error finding
 * (a saturated pool, a leaked connection, a server out of connections), up otherwise with every finding in
 * the details, unknown before the first inspection. It answers at once and never touches the pool.
 */
public final class PoolHealthIndicator implements HealthIndicator {

    private final PoolMonitor monitor;

    /** Creates the indicator over the pool monitor. */
    public PoolHealthIndicator(PoolMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
    }

    @Override
    public Health health() {
        Optional<PoolHealthReport> latest = monitor.latest();
        if (latest.isEmpty()) {
            return Health.unknown().withDetail("reason", monitor.problem().orElse("the first inspection has not"
                    + " finished yet")).build();
        }
        PoolHealthReport report = latest.get();
        Health.Builder health = report.hasFindingsAtLeast(PoolSeverity.ERROR) ? Health.down() : Health.up();
        List<PoolSample> samples = report.samples();
        health.withDetail("pool", report.poolName())
                .withDetail("inspectedAt", report.startedAt().toString())
                .withDetail("maximumPoolSize", report.maximumPoolSize())
                .withDetail("activeMax", samples.stream().mapToInt(PoolSample::active).max().orElse(0))
                .withDetail("waitingMax", samples.stream().mapToInt(PoolSample::waiting).max().orElse(0));
        report.server().ifPresent(server -> health.withDetail("serverConnections", Map.of(
                "used", server.clientSessions(), "ordinaryLimit", server.ordinaryLimit())));
        if (!report.findings().isEmpty()) {
            health.withDetail("findings", report.findings().stream().map(PoolHealthIndicator::describe).toList());
        }
        monitor.problem().ifPresent(problem -> health.withDetail("lastInspection", problem));
        return health.build();
    }

    private static String describe(PoolFinding finding) {
        return finding.severity().name().toLowerCase(java.util.Locale.ROOT) + "[" + finding.check().id() + "] "
                + finding.message();
    }
}
