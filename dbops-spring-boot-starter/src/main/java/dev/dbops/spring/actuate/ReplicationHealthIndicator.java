package dev.dbops.spring.actuate;

import dev.dbops.DbopsException;
import dev.dbops.audit.AuditCheck;
import dev.dbops.audit.AuditFinding;
import dev.dbops.audit.AuditReport;
import dev.dbops.audit.AuditSeverity;
import dev.dbops.audit.CheckOutcome;
import dev.dbops.runtime.ReplicationProbe;
import java.util.Objects;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code dbops.replication}: replay lag, of the replicas on a primary or of this server on a replica. Down at
 * {@code dbops.replication.lag-critical}, up with the finding at {@code lag-warning}; unknown when the check
 * could not run. Reads on its own connection, within the probe's timeouts.
 */
public final class ReplicationHealthIndicator implements HealthIndicator {

    private final ReplicationProbe probe;

    /** Creates the indicator over the probe. */
    public ReplicationHealthIndicator(ReplicationProbe probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    @Override
    public Health health() {
        AuditReport report;
        try {
            report = probe.check();
        } catch (DbopsException e) {
            return Health.unknown().withDetail("reason", e.getMessage()).build();
        }
        Optional<CheckOutcome> outcome = report.outcome(AuditCheck.REPLICATION_LAG);
        if (outcome.isPresent() && outcome.get().status() != CheckOutcome.Status.RAN) {
            return Health.unknown().withDetail("reason", outcome.get().detail()).build();
        }
        Health.Builder health = report.hasFindingsAtLeast(AuditSeverity.CRITICAL) ? Health.down() : Health.up();
        health.withDetail("role", report.replica() ? "replica" : "primary");
        var findings = report.findings(AuditCheck.REPLICATION_LAG);
        if (!findings.isEmpty()) {
            health.withDetail("findings", findings.stream().map(ReplicationHealthIndicator::describe).toList());
        }
        return health.build();
    }

    private static String describe(AuditFinding finding) {
        return finding.severity().name().toLowerCase(java.util.Locale.ROOT) + " " + finding.object() + ": "
                + finding.message();
    }
}
