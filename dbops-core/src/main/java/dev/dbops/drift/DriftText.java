package dev.dbops.drift;

import dev.dbops.migration.MigrationProblem;
import java.util.List;

/** Renders a {@link DriftReport} for people: one block for the history, one for the schema, a summary. */
final class DriftText {

    private DriftText() {
    }

    static String render(DriftReport report) {
        StringBuilder out = new StringBuilder();
        HistoryReport history = report.history();
        SchemaDriftReport schema = report.schema();
        out.append("history: ");
        if (history.tool() == MigrationTool.NONE) {
            out.append("no flyway_schema_history or databasechangelog table: this database is not managed by Flyway"
                    + " or Liquibase; only the schemas were compared\n");
        } else {
            long ok = history.entries().stream().filter(e -> e.level() == DriftLevel.OK).count();
            out.append(history.tool().label()).append(", ").append(history.table().orElse("")).append(" (")
                    .append(ok).append(ok == 1 ? " migration agrees" : " migrations agree").append(")\n");
            for (HistoryEntry entry : history.entries()) {
                if (entry.level() == DriftLevel.OK) {
                    continue;
                }
                out.append("  ").append(entry.migration()).append(' ').append(entry.status().label()).append(": ")
                        .append(entry.message()).append('\n');
                for (StatementChange change : entry.changes()) {
                    out.append("      ").append(change.describe()).append('\n');
                }
            }
        }
        out.append("schema: ").append(schema.expectedFrom());
        schema.replayTime().ifPresent(t -> out.append(" (replay took ").append(t.toMillis()).append(" ms)"));
        out.append(" vs the live database\n");
        schema.fallback().ifPresent(f -> out.append("  used the snapshot because ").append(f).append('\n'));
        if (schema.expected() == ExpectedSchema.NONE) {
            out.append("  not compared: ").append(schema.replayFailure().map(ReplayFailure::describe).orElse(""))
                    .append('\n');
        } else {
            schema.replayFailure().filter(f -> schema.fallback().isEmpty())
                    .ifPresent(f -> out.append("  ").append(f.describe()).append('\n'));
            for (SchemaDifference difference : schema.differences()) {
                out.append("  ").append(difference.message()).append('\n');
            }
        }
        List<MigrationProblem> problems = report.problems();
        if (!problems.isEmpty()) {
            out.append("problems:\n");
            problems.forEach(p -> out.append("  ").append(p).append('\n'));
        }
        out.append(summary(report));
        return out.toString();
    }

    /** {@code drift: 3 history findings, 2 schema differences} or {@code no drift: …}. */
    static String summary(DriftReport report) {
        long findings = report.history().entries().stream().filter(e -> e.level().isAtLeast(DriftLevel.WARNING)).count();
        long drifting = report.history().entries().stream().filter(e -> e.level() == DriftLevel.DRIFT).count();
        long pending = report.history().entries().stream().filter(e -> e.level() == DriftLevel.INFO).count();
        StringBuilder line = new StringBuilder(report.hasDrift() ? "drift: " : "no drift: ");
        line.append(findings).append(findings == 1 ? " history finding" : " history findings");
        if (findings > 0) {
            line.append(" (").append(drifting).append(" drift)");
        }
        line.append(", ").append(report.schema().differences().size()).append(report.schema().differences().size() == 1
                ? " schema difference" : " schema differences");
        if (report.schema().replayFailure().isPresent()) {
            line.append(", replay fails");
        }
        if (pending > 0) {
            line.append(", ").append(pending).append(" pending");
        }
        return line.append('\n').toString();
    }
}
