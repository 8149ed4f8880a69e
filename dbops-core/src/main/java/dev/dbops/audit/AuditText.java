package dev.dbops.audit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link AuditReport#toText()}: findings with their evidence and remediation, then the checks that did not run. */
final class AuditText {

    private AuditText() {
    }

    static String render(AuditReport report) {
        StringBuilder out = new StringBuilder();
        out.append("dbops audit of database ").append(report.database()).append(" (PostgreSQL ")
                .append(report.serverVersion()).append(report.replica() ? ", replica" : "").append("): ")
                .append(report.outcomes().size()).append(" checks in ").append(report.duration().toMillis())
                .append(" ms\n");
        for (AuditFinding finding : report.findings()) {
            out.append('\n').append(finding.severity().label()).append('[').append(finding.check().id()).append("] ")
                    .append(finding.object()).append(": ").append(finding.message()).append('\n');
            if (!finding.evidence().isEmpty()) {
                out.append("  evidence: ").append(evidence(finding.evidence())).append('\n');
            }
            finding.remediation().ifPresent(sql -> {
                out.append("  remediation:\n");
                sql.lines().forEach(line -> out.append("    ").append(line).append('\n'));
            });
            out.append("  docs: ").append(finding.check().docs()).append('\n');
        }
        List<CheckOutcome> notRun = report.outcomes().stream()
                .filter(outcome -> outcome.status() != CheckOutcome.Status.RAN).toList();
        if (!notRun.isEmpty()) {
            out.append('\n');
            for (CheckOutcome outcome : notRun) {
                out.append(outcome.status() == CheckOutcome.Status.FAILED ? "failed" : "skipped").append(' ')
                        .append(outcome.check().id()).append(": ").append(outcome.detail()).append('\n');
            }
        }
        long critical = count(report, AuditSeverity.CRITICAL);
        long warning = count(report, AuditSeverity.WARNING);
        long info = count(report, AuditSeverity.INFO);
        out.append('\n').append(report.findings().size()).append(report.findings().size() == 1 ? " finding: " : " findings: ")
                .append(critical).append(" critical, ").append(warning).append(warning == 1 ? " warning, " : " warnings, ")
                .append(info).append(info == 1 ? " info" : " infos").append("; ")
                .append(status(report, CheckOutcome.Status.RAN)).append(" checks ran, ")
                .append(status(report, CheckOutcome.Status.SKIPPED)).append(" skipped, ")
                .append(status(report, CheckOutcome.Status.FAILED)).append(" failed\n");
        return out.toString();
    }

    private static String evidence(Map<String, Object> evidence) {
        return evidence.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + oneLine(String.valueOf(entry.getValue())))
                .collect(Collectors.joining(", "));
    }

    private static String oneLine(String value) {
        String flat = value.replaceAll("\\s+", " ").strip();
        return flat.length() <= 160 ? flat : flat.substring(0, 157) + "...";
    }

    private static long count(AuditReport report, AuditSeverity severity) {
        return report.findings().stream().filter(finding -> finding.severity() == severity).count();
    }

    private static long status(AuditReport report, CheckOutcome.Status status) {
        return report.outcomes().stream().filter(outcome -> outcome.status() == status).count();
    }
}
