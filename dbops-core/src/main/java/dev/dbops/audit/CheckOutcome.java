package dev.dbops.audit;

import java.time.Duration;
import java.util.Objects;

/**
 * How one check went: it ran (with how many findings), was skipped (and why), or failed (and why).
 *
 * @param check the check
 * @param status ran, skipped or failed
 * @param findings how many findings it produced; 0 unless it ran
 * @param detail why it was skipped or failed, with the fix; empty when it ran
 * @param duration how long its queries took
 */
public record CheckOutcome(AuditCheck check, Status status, int findings, String detail, Duration duration) {

    /** Validates the parts. */
    public CheckOutcome {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(duration, "duration");
    }

    /** What happened to a check. */
    public enum Status {
        /** The check's queries ran; its findings are in the report. */
        RAN,
        /**
         * The check does not apply here: an extension it reads is not installed, the server is not
         * archiving, no baseline sample was given. Not a problem with the audit.
         */
        SKIPPED,
        /** The check's queries failed (a missing privilege, a timeout); the audit is incomplete. */
        FAILED
    }
}
