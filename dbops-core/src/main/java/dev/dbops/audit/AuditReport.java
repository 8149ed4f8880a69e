package dev.dbops.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of one audit: every check's outcome and every finding, worst first.
 *
 * @param database the database audited (the session checks see the whole server)
 * @param serverVersion the server's version, e.g. {@code 15.19}
 * @param serverVersionNum its {@code server_version_num}, e.g. {@code 150019}
 * @param replica whether the server was a standby (in recovery)
 * @param startedAt when the audit began
 * @param duration how long it took
 * @param outcomes one per check selected, in {@link AuditCheck} order
 * @param findings every finding, by severity (critical first), then check, then object
 */
public record AuditReport(String database, String serverVersion, int serverVersionNum, boolean replica,
        Instant startedAt, Duration duration, List<CheckOutcome> outcomes, List<AuditFinding> findings) {

    /** The version of the JSON format ({@link #toJson()}); raised only for a change that could break a reader. */
    public static final int FORMAT_VERSION = 1;

    /** Validates the parts and copies the lists. */
    public AuditReport {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(duration, "duration");
        outcomes = List.copyOf(outcomes);
        findings = List.copyOf(findings);
    }

    /** The findings of one check. */
    public List<AuditFinding> findings(AuditCheck check) {
        return findings.stream().filter(finding -> finding.check() == check).toList();
    }

    /** The findings at least as severe as {@code threshold}. */
    public List<AuditFinding> findingsAtLeast(AuditSeverity threshold) {
        Objects.requireNonNull(threshold, "threshold");
        return findings.stream().filter(finding -> finding.severity().isAtLeast(threshold)).toList();
    }

    /** Whether any finding is at least as severe as {@code threshold}. */
    public boolean hasFindingsAtLeast(AuditSeverity threshold) {
        return !findingsAtLeast(threshold).isEmpty();
    }

    /** How a check went, if it was selected. */
    public Optional<CheckOutcome> outcome(AuditCheck check) {
        return outcomes.stream().filter(outcome -> outcome.check() == check).findFirst();
    }

    /** The checks whose queries failed: the audit is incomplete by these. */
    public List<CheckOutcome> failedChecks() {
        return outcomes.stream().filter(outcome -> outcome.status() == CheckOutcome.Status.FAILED).toList();
    }

    /** The report as versioned JSON ({@code docs/audit.md}); the same report gives the same text. */
    public String toJson() {
        return AuditJson.render(this);
    }

    /** The report as text for people: findings with evidence and remediation, then skipped and failed checks. */
    public String toText() {
        return AuditText.render(this);
    }
}
