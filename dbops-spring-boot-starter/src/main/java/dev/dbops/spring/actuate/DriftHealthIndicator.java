package dev.dbops.spring.actuate;

import dev.dbops.drift.DriftGuard;
import dev.dbops.drift.DriftReport;
import dev.dbops.runtime.DriftCheckResult;
import dev.dbops.spring.guard.DriftStatus;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code dbops.drift}: the result of the startup drift check. Up when it passed or only warned, down when its
 * policy failed (which a started application only shows with {@code dbops.guard.drift.mode=warn}), unknown
 * when it did not run. It never queries the database.
 */
public final class DriftHealthIndicator implements HealthIndicator {

    private final DriftStatus status;

    /** Creates the indicator over the application's drift status. */
    public DriftHealthIndicator(DriftStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public Health health() {
        Optional<DriftCheckResult> latest = status.latest();
        if (latest.isEmpty()) {
            return Health.unknown().withDetail("reason", "no drift check ran at startup (dbops.guard.drift.mode=off,"
                    + " or the guard is disabled)").build();
        }
        DriftCheckResult result = latest.get();
        if (result.skipped().isPresent()) {
            return Health.unknown().withDetail("checkedAt", result.checkedAt().toString())
                    .withDetail("reason", result.skipped().get()).build();
        }
        DriftReport report = result.report().orElseThrow();
        DriftGuard.Decision decision = result.decision().orElseThrow();
        Health.Builder health = decision.outcome() == DriftGuard.Outcome.FAIL ? Health.down() : Health.up();
        health.withDetail("checkedAt", result.checkedAt().toString())
                .withDetail("outcome", decision.outcome().name())
                .withDetail("level", report.level().name())
                .withDetail("expected", report.schema().expectedFrom())
                .withDetail("schemaDifferences", report.schema().differences().size())
                .withDetail("historyFindings", report.history().entries().stream()
                        .filter(e -> e.level().isAtLeast(dev.dbops.drift.DriftLevel.WARNING)).count())
                .withDetail("tookMillis", report.took().toMillis());
        if (!decision.reasons().isEmpty()) {
            health.withDetail("reasons", decision.reasons());
        }
        if (!result.reconciliation().isEmpty()) {
            health.withDetail("reconciliation", result.reconciliation().get(0).toString());
        }
        return health.build();
    }
}
