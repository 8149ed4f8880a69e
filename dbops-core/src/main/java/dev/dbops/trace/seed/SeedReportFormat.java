package dev.dbops.trace.seed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link SeedReport} as a JSON tree and as text. */
final class SeedReportFormat {

    private SeedReportFormat() {
    }

    static Map<String, Object> tree(SeedReport report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("formatVersion", SeedReport.FORMAT_VERSION);
        root.put("seed", report.seed());
        root.put("startedAt", report.startedAt().toString());
        root.put("durationMillis", report.duration().toMillis());
        root.put("rowsWritten", report.rowsWritten());
        root.put("complete", report.complete());
        List<Object> tables = new ArrayList<>();
        for (TableSeeding table : report.tables()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("table", table.table());
            entry.put("outcome", table.outcome().name());
            entry.put("rowsRequested", table.rowsRequested());
            entry.put("rowsWritten", table.rowsWritten());
            entry.put("durationMillis", table.duration().toMillis());
            List<Object> findings = new ArrayList<>();
            for (SeedFinding finding : table.findings()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("kind", finding.kind().name());
                finding.subject().ifPresent(s -> item.put("subject", s));
                item.put("message", finding.message());
                findings.add(item);
            }
            entry.put("findings", findings);
            tables.add(entry);
        }
        root.put("tables", tables);
        return root;
    }

    static String text(SeedReport report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Seeded %,d rows into %d tables in %.1f s (%,.0f rows/s), seed %d%n",
                report.rowsWritten(), report.tables().stream()
                        .filter(t -> t.outcome() == TableSeeding.Outcome.SEEDED).count(),
                report.duration().toNanos() / 1e9, report.rowsPerSecond(), report.seed()));
        for (TableSeeding table : report.tables()) {
            out.append(String.format(Locale.ROOT, "  %-40s %-8s %,12d rows %9.2f s%s%n", table.table(),
                    table.outcome(), table.rowsWritten(), table.duration().toNanos() / 1e9,
                    table.rowsWritten() < table.rowsRequested() ? "  (of " + table.rowsRequested() + ")" : ""));
        }
        List<SeedFinding> findings = report.findings();
        if (!findings.isEmpty()) {
            out.append("\nFindings (").append(findings.size()).append("):\n");
            findings.forEach(f -> out.append("  - ").append(f.describe()).append('\n'));
        }
        return out.toString();
    }
}
