package dev.dbops.lint;

import dev.dbops.LockMode;
import dev.dbops.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@link LintFormat#JSON}: the report as versioned JSON, documented in {@code docs/lint-format.md}. Keys are
 * always written in the documented order, so the same report gives byte-identical text.
 */
final class JsonLintRenderer {

    /** The version of the JSON format; raised only for a change that could break a reader. */
    static final int FORMAT_VERSION = 1;

    private final LintRenderOptions options;

    JsonLintRenderer(LintRenderOptions options) {
        this.options = options;
    }

    String render(LintReport report) {
        RuleCatalog catalog = RuleCatalog.of(options.rules(), report);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("formatVersion", FORMAT_VERSION);
        document.put("pgVersion", report.pgVersion());
        document.put("summary", summary(ReportSummary.of(report)));
        List<Object> violations = new ArrayList<>();
        for (Violation violation : report.violations()) {
            violations.add(violation(violation, catalog));
        }
        document.put("violations", violations);
        List<Object> problems = new ArrayList<>();
        for (InputProblem problem : report.problems()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("file", problem.file());
            item.put("line", problem.line());
            item.put("message", problem.message());
            problems.add(item);
        }
        document.put("problems", problems);
        return Json.writePretty(document);
    }

    private static Map<String, Object> summary(ReportSummary summary) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("files", summary.files().size());
        counts.put("statements", summary.statements());
        counts.put("errors", summary.errors());
        counts.put("warnings", summary.warnings());
        counts.put("infos", summary.infos());
        counts.put("problems", summary.problems());
        return counts;
    }

    private static Map<String, Object> violation(Violation violation, RuleCatalog catalog) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("ruleId", violation.ruleId());
        item.put("severity", ReportSummary.name(violation.severity()));
        item.put("message", violation.message());
        item.put("help", violation.help());
        item.put("docs", catalog.get(violation.ruleId()).docPath());
        item.put("location", location(violation.location()));
        item.put("statement", violation.statement());
        item.put("lock", violation.lock() == LockMode.NONE ? Json.NULL : violation.lock().sqlName());
        item.put("blocks", violation.lock().blockedDescription());
        item.put("impact", violation.impact().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        item.put("impactDescription", violation.impact().description());
        item.put("fix", violation.fix().<Object>map(fix -> fix).orElse(Json.NULL));
        return item;
    }

    private static Map<String, Object> location(SourceLocation location) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("file", location.file());
        item.put("line", location.line());
        item.put("column", location.column());
        item.put("endLine", location.endLine());
        item.put("endColumn", location.endColumn());
        location.changeSet().ifPresent(changeSet -> item.put("changeSet", changeSet));
        return item;
    }
}
