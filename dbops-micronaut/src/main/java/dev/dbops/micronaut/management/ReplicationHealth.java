package dev.dbops.micronaut.management;

import dev.dbops.DbopsException;
import dev.dbops.audit.AuditCheck;
import dev.dbops.audit.AuditFinding;
import dev.dbops.audit.AuditReport;
import dev.dbops.audit.AuditSeverity;
import dev.dbops.audit.CheckOutcome;
import dev.dbops.runtime.ReplicationProbe;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code replication}: replay lag, of the replicas on a primary or of this server on a replica. Down at
 * {@code dbops.replication.lag-critical}, up with the finding at {@code lag-warning}; unknown when the check
 * could not run. Reads on its own connection, within the probe's timeouts.
 */
final class ReplicationHealth {

    private ReplicationHealth() {
    }

    static HealthResult of(ReplicationProbe probe) {
        Map<String, Object> details = new LinkedHashMap<>();
        AuditReport report;
        try {
            report = probe.check();
        } catch (DbopsException e) {
            details.put("reason", e.getMessage());
            return HealthResult.builder("replication", HealthStatus.UNKNOWN).details(details).build();
        }
        Optional<CheckOutcome> outcome = report.outcome(AuditCheck.REPLICATION_LAG);
        if (outcome.isPresent() && outcome.get().status() != CheckOutcome.Status.RAN) {
            details.put("reason", outcome.get().detail());
            return HealthResult.builder("replication", HealthStatus.UNKNOWN).details(details).build();
        }
        details.put("role", report.replica() ? "replica" : "primary");
        List<AuditFinding> findings = report.findings(AuditCheck.REPLICATION_LAG);
        if (!findings.isEmpty()) {
            details.put("findings", findings.stream().map(ReplicationHealth::describe).toList());
        }
        HealthStatus status = report.hasFindingsAtLeast(AuditSeverity.CRITICAL) ? HealthStatus.DOWN : HealthStatus.UP;
        return HealthResult.builder("replication", status).details(details).build();
    }

    private static String describe(AuditFinding finding) {
        return finding.severity().name().toLowerCase(Locale.ROOT) + " " + finding.object() + ": " + finding.message();
    }
}
