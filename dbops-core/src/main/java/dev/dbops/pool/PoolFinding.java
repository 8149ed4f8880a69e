package dev.dbops.pool;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * One thing the sizer or the inspector found: data, never an exception; the caller decides whether
 * it fails anything.
 *
 * @param check what kind of finding, with a stable id
 * @param severity how serious
 * @param message what was observed, with the numbers
 * @param help what to do about it
 * @param backendPid the PostgreSQL backend the finding is about, when it is about one session
 */
public record PoolFinding(PoolCheck check, PoolSeverity severity, String message, String help, OptionalInt backendPid) {

    /** Checks that nothing is null. */
    public PoolFinding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(backendPid, "backendPid");
    }

    /** A finding about the pool or the server as a whole. */
    public static PoolFinding of(PoolCheck check, PoolSeverity severity, String message, String help) {
        return new PoolFinding(check, severity, message, help, OptionalInt.empty());
    }

    /** A finding about one backend. */
    public static PoolFinding forBackend(PoolCheck check, PoolSeverity severity, int pid, String message,
            String help) {
        return new PoolFinding(check, severity, message, help, OptionalInt.of(pid));
    }

    /** {@code [WARNING budget-tight] message — help}. */
    @Override
    public String toString() {
        return "[" + severity + " " + check.id() + "] " + message + " — " + help;
    }
}
