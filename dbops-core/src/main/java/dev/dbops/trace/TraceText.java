package dev.dbops.trace;

import dev.dbops.LockMode;
import dev.dbops.lint.DeclaredLock;
import dev.dbops.lint.DeclaredWork;
import dev.dbops.lint.Severity;
import dev.dbops.lint.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a {@link TraceReport} for a terminal: the findings, then each migration statement by statement. */
final class TraceText {

    private static final int STATEMENT_WIDTH = 100;

    private TraceText() {
    }

    static String render(TraceReport report) {
        StringBuilder out = new StringBuilder();
        int statements = report.statements().size();
        out.append("Lock trace on PostgreSQL ").append(report.serverVersion()).append(": ")
                .append(plural(report.migrations().size(), "migration")).append(", ")
                .append(plural(statements, "statement"));
        if (report.baselineMigrations() > 0) {
            out.append(" (after ").append(plural(report.baselineMigrations(), "migration")).append(" applied untraced)");
        }
        out.append('\n');
        report.seeding().ifPresent(seeding -> {
            out.append("seeded: ").append(seeding.summary()).append(" in ").append(duration(seeding.took())).append('\n');
            seeding.unsatisfied().forEach(problem -> out.append("  not satisfied: ").append(problem).append('\n'));
        });
        if (!report.findings().isEmpty()) {
            out.append('\n');
            for (TraceFinding finding : report.findings()) {
                out.append(finding.severity().name().toLowerCase(Locale.ROOT)).append('[')
                        .append(finding.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')).append("] ")
                        .append(finding.position()).append(": ").append(finding.message()).append('\n');
            }
        }
        for (MigrationTrace migration : report.migrations()) {
            out.append('\n').append(migration.id().equals(migration.file()) ? migration.file()
                    : migration.id() + " (" + migration.file() + ")")
                    .append(migration.transactional() ? ", one transaction, commit " + duration(migration.commitTook())
                            : ", statement by statement").append('\n');
            for (LockTrace statement : migration.statements()) {
                statement(out, statement);
            }
            migration.workload().ifPresent(workload -> workload(out, workload));
        }
        report.failure().ifPresent(failure -> out.append('\n').append("stopped: ").append(failure.describe())
                .append("\n(the scratch database was dropped)\n"));
        out.append('\n').append(plural(statements, "statement")).append(" in ")
                .append(plural(report.migrations().size(), "migration")).append(": ")
                .append(count(report, Severity.ERROR, "error")).append(", ")
                .append(count(report, Severity.WARNING, "warning")).append(", ")
                .append(count(report, Severity.INFO, "info")).append("; ")
                .append(plural((int) report.disagreements().stream().filter(d -> !d.conditional()).count(),
                        "disagreement"))
                .append(" with the linter (PostgreSQL ").append(report.serverVersion()).append(", ")
                .append(duration(report.took())).append(")\n");
        return out.toString();
    }

    private static void statement(StringBuilder out, LockTrace statement) {
        out.append("  ").append(statement.position()).append("  ").append(oneLine(statement.statement()))
                .append("  ").append(duration(statement.took()))
                .append(statement.execution() == Execution.OUTSIDE_TRANSACTION ? " (outside a transaction)" : "")
                .append('\n');
        List<String> taken = statement.acquiredLocks().stream().filter(TraceText::shown).map(TraceText::lock).toList();
        List<String> held = statement.locks().stream().filter(lock -> !lock.acquiredHere()).filter(TraceText::shown)
                .map(lock -> lock.mode().sqlName() + " on " + lock.target()).toList();
        line(out, "locks", taken.isEmpty() ? "none" : String.join(", ", taken));
        if (!held.isEmpty()) {
            line(out, "still held", String.join(", ", held));
        }
        if (!statement.rewrites().isEmpty()) {
            line(out, "storage", statement.rewrites().stream().map(rewrite -> rewrite.relation() + " "
                    + rewrite.change().name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        }
        if (!statement.scans().isEmpty()) {
            line(out, "read", statement.scans().stream().map(scan -> scan.table() + " (" + (scan.scans() > 0
                    ? plural((int) scan.scans(), "sequential scan") + ", " + scan.rowsRead() + " rows"
                    : scan.rowsFetchedByIndex() + " rows through its indexes") + ")")
                    .collect(Collectors.joining(", ")));
        }
        line(out, "linter", prediction(statement.predicted()));
        List<String> verdict = new ArrayList<>();
        if (statement.disagreements().isEmpty()) {
            verdict.add("agrees");
        }
        statement.disagreements().forEach(d -> verdict.add((d.conditional() ? "condition held: " : "DISAGREES: ")
                + d.describe()));
        statement.notCompared().ifPresent(verdict::add);
        line(out, "database", String.join("; ", verdict));
    }

    /**
     * Whether the text lists a lock: every lock on a relation and every wait; a lock on another object (a
     * schema, a type) only when it is stronger than SHARE UPDATE EXCLUSIVE and PostgreSQL could still name the
     * object. The JSON lists them all.
     */
    private static boolean shown(ObservedLock lock) {
        boolean relation = lock.kind() != LockedObject.OBJECT && lock.kind() != LockedObject.OTHER;
        return relation || !lock.granted() || lock.mode().isStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE)
                && !lock.target().matches("pg_\\w+ \\d+");
    }

    private static String lock(ObservedLock lock) {
        String text = lock.mode().sqlName() + " on " + lock.target();
        if (!lock.granted()) {
            return "WAITED " + duration(lock.heldFor()) + " for " + text;
        }
        return text + " (" + (lock.seenBy() == ObservedLock.Observer.POLLER ? "seen for " : "held ")
                + duration(lock.heldFor()) + ")";
    }

    private static String prediction(Prediction prediction) {
        if (!prediction.inspected()) {
            return "could not read the statement";
        }
        List<String> parts = new ArrayList<>();
        for (DeclaredLock lock : prediction.locks()) {
            parts.add(lock.mode().sqlName() + " on " + lock.relation().display());
        }
        for (DeclaredWork work : prediction.work()) {
            parts.add(work.impact().description() + " (" + work.relation().display() + ")"
                    + work.condition().map(c -> " " + c).orElse(""));
        }
        for (Violation violation : prediction.violations()) {
            parts.add(violation.severity().name().toLowerCase(Locale.ROOT) + "[" + violation.ruleId() + "]");
        }
        return parts.isEmpty() ? "no lock, no whole-table work" : String.join("; ", parts);
    }

    private static void workload(StringBuilder out, WorkloadOutcome workload) {
        if (workload.tables().isEmpty()) {
            out.append("  workload: no existing table to run on\n");
            return;
        }
        out.append("  workload: ").append(plural(workload.queries(), "query")).append(" on ")
                .append(String.join(", ", workload.tables())).append("; ").append(workload.waitedQueries())
                .append(" waited for a lock; longest ").append(duration(workload.longestWait()));
        if (workload.failedQueries() > 0) {
            out.append("; ").append(workload.failedQueries()).append(" failed");
        }
        out.append('\n');
        for (QueryWait wait : workload.waits()) {
            out.append("    ").append(wait.kind().name().toLowerCase(Locale.ROOT)).append(" of ").append(wait.table())
                    .append(" took ").append(duration(wait.waited()))
                    .append(wait.queued().compareTo(wait.waited().dividedBy(2)) > 0
                            ? " (" + duration(wait.queued()) + " of it for a free session)" : "")
                    .append(wait.waitedFor().map(lock -> ", waiting for " + lock).orElse(""))
                    .append(wait.blockedBy().isEmpty() ? "" : ", blocked by pid " + wait.blockedBy().stream()
                            .map(String::valueOf).collect(Collectors.joining(", ")))
                    .append(wait.blockedByMigration() ? " (the migration)" : "").append(", during ")
                    .append(wait.during()).append('\n');
        }
    }

    private static void line(StringBuilder out, String label, String text) {
        out.append("    ").append(String.format(Locale.ROOT, "%-10s", label)).append(' ').append(text).append('\n');
    }

    private static String count(TraceReport report, Severity severity, String noun) {
        return plural((int) report.findings().stream().filter(f -> f.severity() == severity).count(), noun);
    }

    static String plural(int count, String noun) {
        String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
        return count + " " + (count == 1 ? noun : plural);
    }

    private static String oneLine(String sql) {
        String text = sql.replaceAll("\\s+", " ").strip();
        return text.length() <= STATEMENT_WIDTH ? text : text.substring(0, STATEMENT_WIDTH - 3) + "...";
    }

    /** A duration for people: {@code 0.4 ms}, {@code 412 ms}, {@code 1.24 s}. */
    static String duration(Duration duration) {
        long micros = duration.toNanos() / 1_000;
        if (micros < 1_000) {
            return String.format(Locale.ROOT, "%.1f ms", micros / 1_000.0);
        }
        if (micros < 1_000_000) {
            return micros / 1_000 + " ms";
        }
        return String.format(Locale.ROOT, "%.2f s", micros / 1_000_000.0);
    }
}
