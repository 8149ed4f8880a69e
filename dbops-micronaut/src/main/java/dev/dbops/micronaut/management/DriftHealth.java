package dev.dbops.micronaut.management;

import dev.dbops.drift.DriftGuard;
import dev.dbops.drift.DriftLevel;
import dev.dbops.drift.DriftReport;
import dev.dbops.runtime.DriftCheckResult;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code drift}: the result of a datasource's startup drift check. Up when it passed or only warned, down when
 * its policy failed (which a started application only shows with {@code dbops.guard.drift.mode=warn}), unknown
 * when it did not run. It never queries the database.
 */
final class DriftHealth {

    private DriftHealth() {
    }

    static HealthResult of(Optional<DriftCheckResult> latest) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (latest.isEmpty()) {
            details.put("reason", "no drift check ran at startup (dbops.guard.drift.mode=off, or the guard is disabled)");
            return HealthResult.builder("drift", HealthStatus.UNKNOWN).details(details).build();
        }
        DriftCheckResult result = latest.get();
        if (result.skipped().isPresent()) {
            details.put("checkedAt", result.checkedAt().toString());
            details.put("reason", result.skipped().get());
            return HealthResult.builder("drift", HealthStatus.UNKNOWN).details(details).build();
        }
        DriftReport report = result.report().orElseThrow();
        DriftGuard.Decision decision = result.decision().orElseThrow();
        details.put("checkedAt", result.checkedAt().toString());
        details.put("outcome", decision.outcome().name());
        details.put("level", report.level().name());
        details.put("expected", report.schema().expectedFrom());
        details.put("schemaDifferences", report.schema().differences().size());
        details.put("historyFindings", report.history().entries().stream()
                .filter(e -> e.level().isAtLeast(DriftLevel.WARNING)).count());
        details.put("tookMillis", report.took().toMillis());
        if (!decision.reasons().isEmpty()) {
            details.put("reasons", decision.reasons());
        }
        if (!result.reconciliation().isEmpty()) {
            details.put("reconciliation", result.reconciliation().get(0).toString());
        }
        HealthStatus status = decision.outcome() == DriftGuard.Outcome.FAIL ? HealthStatus.DOWN : HealthStatus.UP;
        return HealthResult.builder("drift", status).details(details).build();
    }
}
