package dev.dbops.lint;

import dev.dbops.LockMode;

/**
 * {@link LintFormat#TEXT}: one block per violation, the way compilers report, then the input problems and
 * a summary line.
 *
 * <pre>
 * V3__index.sql:3:1: error[require-concurrent-index-creation] CREATE INDEX on orders takes SHARE …
 *     3 | CREATE INDEX orders_created_idx ON orders (created_at)
 *       | ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
 *   lock: SHARE (blocks writes); builds an index from the whole table
 *   fix:
 *     CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);
 *   help: CREATE INDEX without CONCURRENTLY blocks writes. See docs/rules/require-concurrent-index-creation.md.
 * </pre>
 */
final class TextLintRenderer {

    /** How many lines of a statement are shown; the rest is summarised as "… N more lines". */
    static final int MAX_SNIPPET_LINES = 3;
    /** Lines longer than this many characters (after the indentation) are cut. */
    static final int MAX_LINE_LENGTH = 120;
    /** A statement starting further right than this is shown after "… " instead of that many spaces. */
    static final int MAX_INDENT = 40;

    String render(LintReport report) {
        StringBuilder out = new StringBuilder();
        for (Violation violation : report.violations()) {
            appendViolation(out, violation);
            out.append('\n');
        }
        for (InputProblem problem : report.problems()) {
            out.append(problem(problem)).append('\n');
        }
        if (!report.problems().isEmpty()) {
            out.append('\n');
        }
        out.append(ReportSummary.of(report).line(report.pgVersion())).append('\n');
        return out.toString();
    }

    /** One input problem on one line: {@code file[:line]: problem: message}. */
    static String problem(InputProblem problem) {
        return (problem.line() > 0 ? problem.file() + ":" + problem.line() : problem.file()) + ": problem: "
                + problem.message();
    }

    /** The block of one violation, every line ending in {@code \n}. */
    void appendViolation(StringBuilder out, Violation violation) {
        out.append(violation.location().display()).append(": ").append(ReportSummary.name(violation.severity()))
                .append('[').append(violation.ruleId()).append("] ");
        appendIndented(out, violation.message(), "  ");
        if (!RuleCatalog.isSuppressionCheck(violation.ruleId())) {
            appendSnippet(out, violation.statement(), violation.location());
        }
        violation.location().changeSet().ifPresent(changeSet -> out.append("  changeset: ").append(changeSet)
                .append('\n'));
        if (violation.lock() != LockMode.NONE || violation.impact() != TableImpact.NONE) {
            out.append("  lock: ").append(lock(violation.lock())).append("; ").append(violation.impact().description())
                    .append('\n');
        }
        violation.fix().ifPresent(fix -> {
            out.append("  fix:\n    ");
            appendIndented(out, fix, "    ");
        });
        out.append("  help: ");
        appendIndented(out, violation.help(), "        ");
    }

    /** {@code ACCESS EXCLUSIVE (blocks reads and writes)}, or {@code no table lock}. */
    static String lock(LockMode lock) {
        return lock == LockMode.NONE ? "no table lock" : lock.sqlName() + " (" + lock.blockedDescription() + ")";
    }

    /**
     * The statement's first lines under a line-number gutter, with a caret under its first character. The
     * text before the statement on its first line is not known here, so it is shown as spaces.
     */
    private static void appendSnippet(StringBuilder out, String statement, SourceLocation location) {
        String[] lines = statement.split("\r\n|\r|\n", -1);
        if (statement.isEmpty() || lines.length != location.endLine() - location.line() + 1) {
            return;
        }
        int shown = Math.min(lines.length, MAX_SNIPPET_LINES);
        int width = Math.max(5, String.valueOf(location.line() + shown - 1).length());
        String blankGutter = " ".repeat(width) + " | ";
        String indent = location.column() - 1 <= MAX_INDENT ? " ".repeat(location.column() - 1) : "… ";
        for (int i = 0; i < shown; i++) {
            String text = displayable(lines[i]);
            String prefix = i == 0 ? indent : "";
            boolean cut = text.length() > MAX_LINE_LENGTH;
            String visible = cut ? text.substring(0, MAX_LINE_LENGTH) : text;
            out.append(String.format("%" + width + "d | ", location.line() + i)).append(prefix).append(visible)
                    .append(cut ? "…" : "").append('\n');
            if (i == 0) {
                int underline = Math.max(1, visible.stripTrailing().length());
                out.append(blankGutter).append(indent).append('^').append("~".repeat(underline - 1)).append('\n');
            }
        }
        if (lines.length > shown) {
            int more = lines.length - shown;
            out.append(blankGutter).append("… ").append(more).append(more == 1 ? " more line" : " more lines")
                    .append('\n');
        }
    }

    /** The line with tabs expanded to four spaces and other control characters shown as {@code ?}. */
    private static String displayable(String line) {
        StringBuilder shown = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\t') {
                shown.append("    ");
            } else if (c < 0x20 || c == 0x7F) {
                shown.append('?');
            } else {
                shown.append(c);
            }
        }
        return shown.toString();
    }

    /** Appends {@code text} and a newline, starting every further line of it with {@code indent}. */
    private static void appendIndented(StringBuilder out, String text, String indent) {
        String[] lines = text.stripTrailing().split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append(lines[i].isEmpty() ? "" : indent);
            }
            out.append(lines[i]).append('\n');
        }
    }
}
