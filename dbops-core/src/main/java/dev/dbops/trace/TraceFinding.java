package dev.dbops.trace;

import dev.dbops.lint.Severity;
import java.util.Objects;

/**
 * Something the trace observed that a migration's author should act on, as data; only the policy layer
 * (the CLI's exit code, a test assertion) turns it into a failure.
 *
 * @param kind what was observed
 * @param severity how serious it is
 * @param position where: {@code file:line} of the statement
 * @param message what happened, with the figures
 */
public record TraceFinding(Kind kind, Severity severity, String position, String message) {

    /** The kinds of trace findings. */
    public enum Kind {
        /** A statement failed on the database (error). */
        MIGRATION_FAILED,
        /** The linter's declaration and the database disagree (error; information when the linter named a condition). */
        DISAGREEMENT,
        /** A table with rows was rewritten or scanned while a lock blocking the application was held on it (error). */
        WORK_UNDER_LOCK,
        /** A lock blocking reads or writes of an existing table was held longer than the threshold (warning). */
        LONG_LOCK,
        /** An application query of the simulated workload waited longer than the workload's threshold (error). */
        APPLICATION_WAIT
    }

    /** Validates the parts. */
    public TraceFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(message, "message");
    }
}
