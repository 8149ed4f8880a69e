package dev.dbops.drift;

import dev.dbops.diff.Difference;
import dev.dbops.json.Json;
import dev.dbops.migration.MigrationProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders a {@link DriftReport} as the JSON documented in {@code docs/drift.md} ({@code "formatVersion": 1}). */
final class DriftJson {

    private DriftJson() {
    }

    static String render(DriftReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("formatVersion", DriftReport.FORMAT_VERSION);
        document.put("drift", report.hasDrift());
        document.put("level", report.level().name());
        document.put("history", history(report.history()));
        document.put("schema", schema(report.schema()));
        List<Object> problems = new ArrayList<>();
        for (MigrationProblem problem : report.problems()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("location", problem.location());
            put(item, "line", problem.line().isPresent() ? Optional.of(problem.line().getAsInt()) : Optional.empty());
            item.put("message", problem.message());
            problems.add(item);
        }
        document.put("problems", problems);
        document.put("tookMillis", report.took().toMillis());
        return Json.writePretty(document);
    }

    private static Map<String, Object> history(HistoryReport history) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tool", history.tool().name());
        put(out, "table", history.table());
        List<Object> entries = new ArrayList<>();
        for (HistoryEntry entry : history.entries()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("status", entry.status().name());
            item.put("level", entry.level().name());
            item.put("migration", entry.migration());
            put(item, "version", entry.version());
            item.put("description", entry.description());
            put(item, "file", entry.file());
            put(item, "installedRank", entry.installedRank().isPresent()
                    ? Optional.of(entry.installedRank().getAsInt()) : Optional.empty());
            put(item, "recordedChecksum", entry.recordedChecksum());
            put(item, "fileChecksum", entry.fileChecksum());
            item.put("message", entry.message());
            List<Object> changes = new ArrayList<>();
            for (StatementChange change : entry.changes()) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("change", change.change().name());
                put(c, "line", change.line().isPresent() ? Optional.of(change.line().getAsInt()) : Optional.empty());
                put(c, "applied", change.applied());
                put(c, "current", change.current());
                changes.add(c);
            }
            item.put("changes", changes);
            entries.add(item);
        }
        out.put("entries", entries);
        return out;
    }

    private static Map<String, Object> schema(SchemaDriftReport schema) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("expected", schema.expected().name());
        out.put("expectedFrom", schema.expectedFrom());
        put(out, "replayMillis", schema.replayTime().map(t -> t.toMillis()));
        schema.replayFailure().ifPresent(f -> {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("migration", f.migration());
            failure.put("location", f.location());
            failure.put("line", f.line());
            failure.put("statement", f.statement());
            failure.put("sqlState", f.sqlState());
            failure.put("error", f.error());
            out.put("replayFailure", failure);
        });
        put(out, "fallback", schema.fallback());
        List<Object> differences = new ArrayList<>();
        for (SchemaDifference difference : schema.differences()) {
            Difference d = difference.difference();
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("kind", d.kind().name());
            item.put("object", d.object());
            item.put("change", d.change().name());
            List<Object> fields = new ArrayList<>();
            for (Difference.FieldChange field : d.fields()) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("field", field.field());
                f.put("expected", field.from());
                f.put("live", field.to());
                fields.add(f);
            }
            item.put("fields", fields);
            item.put("cause", difference.cause().name());
            List<Object> touches = new ArrayList<>();
            for (MigrationTouch touch : difference.touchedBy()) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("migration", touch.migration());
                t.put("location", touch.location());
                t.put("line", touch.line());
                t.put("action", touch.action());
                t.put("ifNotExists", touch.ifNotExists());
                touches.add(t);
            }
            item.put("touchedBy", touches);
            item.put("message", difference.message());
            differences.add(item);
        }
        out.put("differences", differences);
        return out;
    }

    private static void put(Map<String, Object> map, String key, Optional<?> value) {
        value.ifPresent(v -> map.put(key, v));
    }
}
