package dev.dbops.audit;

import dev.dbops.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@link AuditReport#toJson()}: the report as versioned JSON, keys always in the documented order. */
final class AuditJson {

    private AuditJson() {
    }

    static String render(AuditReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("formatVersion", AuditReport.FORMAT_VERSION);
        document.put("database", report.database());
        document.put("serverVersion", report.serverVersion());
        document.put("serverVersionNum", report.serverVersionNum());
        document.put("replica", report.replica());
        document.put("startedAt", report.startedAt().toString());
        document.put("durationMillis", report.duration().toMillis());
        document.put("summary", summary(report));
        List<Object> findings = new ArrayList<>();
        for (AuditFinding finding : report.findings()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("checkId", finding.check().id());
            item.put("category", finding.check().category().name().toLowerCase(Locale.ROOT));
            item.put("severity", finding.severity().label());
            item.put("object", finding.object());
            item.put("message", finding.message());
            item.put("evidence", new LinkedHashMap<>(finding.evidence()));
            item.put("remediation", finding.remediation().<Object>map(sql -> sql).orElse(Json.NULL));
            item.put("docs", finding.check().docs());
            findings.add(item);
        }
        document.put("findings", findings);
        List<Object> checks = new ArrayList<>();
        for (CheckOutcome outcome : report.outcomes()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("checkId", outcome.check().id());
            item.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
            item.put("findings", outcome.findings());
            item.put("detail", outcome.detail());
            item.put("durationMillis", outcome.duration().toMillis());
            checks.add(item);
        }
        document.put("checks", checks);
        return Json.writePretty(document);
    }

    private static Map<String, Object> summary(AuditReport report) {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (AuditSeverity severity : List.of(AuditSeverity.CRITICAL, AuditSeverity.WARNING, AuditSeverity.INFO)) {
            summary.put(severity.label(), report.findings().stream().filter(f -> f.severity() == severity).count());
        }
        for (CheckOutcome.Status status : CheckOutcome.Status.values()) {
            String name = status.name().charAt(0) + status.name().substring(1).toLowerCase(Locale.ROOT);
            summary.put("checks" + name, report.outcomes().stream().filter(o -> o.status() == status).count());
        }
        return summary;
    }
}
