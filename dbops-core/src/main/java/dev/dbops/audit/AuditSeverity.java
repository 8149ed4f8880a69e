package dev.dbops.audit;

import java.util.Locale;

/** How urgent an audit finding is, from least to most; {@code --fail-on} compares against it. */
public enum AuditSeverity {

    /** Worth knowing; nothing degrades yet, or the evidence is too weak to act on alone. */
    INFO,
    /** Something is degrading or wasting resources; plan the remediation. */
    WARNING,
    /** An outage is near or under way (wraparound, exhaustion, a stuck archiver); act now. */
    CRITICAL;

    /** Whether this severity is at least {@code threshold}. */
    public boolean isAtLeast(AuditSeverity threshold) {
        return compareTo(threshold) >= 0;
    }

    /** The lower-case name used in JSON and text output: {@code info}, {@code warning}, {@code critical}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
