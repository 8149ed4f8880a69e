package dev.dbops.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The wall time of one phase of a drill.
 *
 * @param phase the phase
 * @param startedAt when it started
 * @param elapsed how long it took
 * @param succeeded whether it ended without failing
 */
public record PhaseTiming(DrillPhase phase, Instant startedAt, Duration elapsed, boolean succeeded) {

    /** Checks that every part is present. */
    public PhaseTiming {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
