package dev.dbops.micronaut.management;

import dev.dbops.pool.PoolFinding;
import dev.dbops.pool.PoolHealthReport;
import dev.dbops.pool.PoolSample;
import dev.dbops.pool.PoolSeverity;
import dev.dbops.runtime.PoolMonitor;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pool}: the latest background inspection of a datasource's pool. Down on an error finding (a saturated
 * pool, a leaked connection, a server out of connections), up otherwise with every finding in the details,
 * unknown before the first inspection. It answers at once and never touches the pool.
 */
final class PoolHealth {

    private PoolHealth() {
    }

    static HealthResult of(PoolMonitor monitor) {
        Map<String, Object> details = new LinkedHashMap<>();
        Optional<PoolHealthReport> latest = monitor.latest();
        if (latest.isEmpty()) {
            details.put("reason", monitor.problem().orElse("the first inspection has not finished yet"));
            return HealthResult.builder("pool", HealthStatus.UNKNOWN).details(details).build();
        }
        PoolHealthReport report = latest.get();
        List<PoolSample> samples = report.samples();
        details.put("pool", report.poolName());
        details.put("inspectedAt", report.startedAt().toString());
        details.put("maximumPoolSize", report.maximumPoolSize());
        details.put("activeMax", samples.stream().mapToInt(PoolSample::active).max().orElse(0));
        details.put("waitingMax", samples.stream().mapToInt(PoolSample::waiting).max().orElse(0));
        report.server().ifPresent(server -> details.put("serverConnections", Map.of(
                "used", server.clientSessions(), "ordinaryLimit", server.ordinaryLimit())));
        if (!report.findings().isEmpty()) {
            details.put("findings", report.findings().stream().map(PoolHealth::describe).toList());
        }
        monitor.problem().ifPresent(problem -> details.put("lastInspection", problem));
        HealthStatus status = report.hasFindingsAtLeast(PoolSeverity.ERROR) ? HealthStatus.DOWN : HealthStatus.UP;
        return HealthResult.builder("pool", status).details(details).build();
    }

    private static String describe(PoolFinding finding) {
        return finding.severity().name().toLowerCase(Locale.ROOT) + "[" + finding.check().id() + "] " + finding.message();
    }
}
