package dev.dbops.spring.guard;

import dev.dbops.runtime.DriftCheckResult;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The latest {@link DriftCheckResult} of this application, shared by the guard, health, endpoint and metrics. */
public final class DriftStatus {

    private final AtomicReference<DriftCheckResult> latest = new AtomicReference<>();

    /** Creates an empty status: no check has run yet. */
    public DriftStatus() {
    }

    /** Records a result, replacing the previous one. */
    public void record(DriftCheckResult result) {
        latest.set(Objects.requireNonNull(result, "result"));
    }

    /** The latest result; empty before the startup check has run. */
    public Optional<DriftCheckResult> latest() {
        return Optional.ofNullable(latest.get());
    }
}
