package dev.dbops.cli;

import dev.dbops.diff.Difference;
import dev.dbops.diff.SchemaDiff;
import dev.dbops.lint.LintFormat;
import dev.dbops.lint.LintReport;
import dev.dbops.lint.Severity;
import dev.dbops.lint.Violation;
import dev.dbops.trace.TraceFinding;
import dev.dbops.trace.TraceReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The report of {@code dbops check}: a summary, every finding worst first (lint, trace and snapshot on one
 * list), then the detail of each part — the lint per statement, the trace per migration, the snapshot's
 * differences.
 */
final class CheckText {

    /** Owners differ between servers, and the tools' history tables are not made by the migrations. */
    static final SchemaDiff SNAPSHOT_DIFF = SchemaDiff.builder().ignoreOwners()
            .ignoreObjects("*.flyway_schema_history", "*.databasechangelog", "*.databasechangeloglock").build();

    private CheckText() {
    }

    /** One finding of any part, for the worst-first list. */
    private record Line(Severity severity, String part, String where, String what) {
    }

    static String render(LintReport lint, TraceReport trace, Optional<CheckCommand.SnapshotResult> snapshot,
            int applied) {
        List<Line> lines = new ArrayList<>();
        for (Violation violation : lint.violations()) {
            lines.add(new Line(violation.severity(), "lint", violation.location().file() + ":"
                    + violation.location().line(), violation.ruleId() + ": " + violation.message()));
        }
        for (TraceFinding finding : trace.findings()) {
            lines.add(new Line(finding.severity(), "trace", finding.position(), finding.message()));
        }
        snapshot.ifPresent(result -> result.differences().forEach(difference -> lines.add(new Line(Severity.ERROR,
                "snapshot", result.file().getFileName().toString(), difference.describe()))));
        lines.sort(Comparator.comparing(Line::severity).reversed());

        StringBuilder out = new StringBuilder();
        int migrations = applied + trace.migrations().size();
        out.append("dbops check: ").append(migrations).append(" migration").append(migrations == 1 ? "" : "s")
                .append(" on PostgreSQL ").append(trace.serverVersion()).append(" (embedded): ")
                .append(applied).append(" replayed, ").append(trace.migrations().size()).append(" traced")
                .append(trace.seeding().map(s -> " on " + s.summary()).orElse(" on empty tables"))
                .append(", in ").append(trace.took().toMillis()).append(" ms\n\n");
        out.append("Findings, worst first\n");
        if (lines.isEmpty()) {
            out.append("  none\n");
        }
        for (Line line : lines) {
            out.append("  ").append(String.format("%-8s", line.severity().name().toLowerCase(java.util.Locale.ROOT)))
                    .append(String.format("%-9s", line.part())).append(line.where()).append("  ").append(line.what())
                    .append('\n');
        }
        out.append("\n== Lint of the traced migrations, the earlier ones taken as applied (PostgreSQL ")
                .append(lint.pgVersion()).append(")\n\n")
                .append(LintFormat.TEXT.render(lint).stripTrailing()).append("\n\n== Trace\n\n")
                .append(trace.toText().stripTrailing()).append("\n\n== Snapshot\n\n");
        snapshot.ifPresentOrElse(result -> {
            out.append(result.file()).append(": ").append(result.outcome()).append('\n');
            for (Difference difference : result.differences()) {
                out.append("  ").append(difference.describe()).append('\n');
            }
        }, () -> out.append("not compared: a migration failed\n"));
        long errors = lines.stream().filter(l -> l.severity() == Severity.ERROR).count();
        long warnings = lines.stream().filter(l -> l.severity() == Severity.WARNING).count();
        out.append("\n").append(errors).append(errors == 1 ? " error, " : " errors, ").append(warnings)
                .append(warnings == 1 ? " warning" : " warnings").append('\n');
        return out.toString();
    }
}
