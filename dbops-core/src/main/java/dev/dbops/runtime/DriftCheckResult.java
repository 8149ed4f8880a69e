package dev.dbops.runtime;

import dev.dbops.drift.DriftGuard;
import dev.dbops.drift.DriftReport;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the startup drift check of one datasource found, or why it did not run: what the drift health, the
 * {@code dbops} endpoint and the {@code dbops.drift.differences} metric show.
 *
 * @param checkedAt when the check ended (or was skipped)
 * @param report the drift report, when the check ran
 * @param decision the guard's decision on it, when the check ran
 * @param skipped why the check did not run (the database was unreachable, the drift guard is off)
 * @param reconciliation the reconciliation migration written for the drift found (the file and its
 *     {@code .conf}), empty when none was written
 */
public record DriftCheckResult(Instant checkedAt, Optional<DriftReport> report, Optional<DriftGuard.Decision> decision,
        Optional<String> skipped, List<Path> reconciliation) {

    /** Checks that nothing is null; the paths are copied. */
    public DriftCheckResult {
        Objects.requireNonNull(checkedAt, "checkedAt");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(skipped, "skipped");
        reconciliation = List.copyOf(reconciliation);
    }

    /** A check that ran. */
    public static DriftCheckResult checked(DriftReport report, DriftGuard.Decision decision, List<Path> reconciliation) {
        return new DriftCheckResult(Instant.now(), Optional.of(report), Optional.of(decision), Optional.empty(),
                reconciliation);
    }

    /** A check that did not run, and why. */
    public static DriftCheckResult skipped(String reason) {
        return new DriftCheckResult(Instant.now(), Optional.empty(), Optional.empty(), Optional.of(reason), List.of());
    }
}
