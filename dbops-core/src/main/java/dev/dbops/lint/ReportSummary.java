package dev.dbops.lint;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The counts every format reports, computed once: statements, files, violations per severity, problems.
 *
 * @param statements the statements that came from SQL (not the placeholder of a file holding only comments)
 * @param files every file with a statement, a violation or a problem, in the order the report first names it
 * @param errors violations of severity {@link Severity#ERROR}
 * @param warnings violations of severity {@link Severity#WARNING}
 * @param infos violations of severity {@link Severity#INFO}
 * @param problems input problems
 */
record ReportSummary(int statements, List<String> files, int errors, int warnings, int infos, int problems) {

    static ReportSummary of(LintReport report) {
        Set<String> files = new LinkedHashSet<>();
        int statements = 0;
        for (LintedStatement statement : report.statements()) {
            files.add(statement.location().file());
            if (!statement.text().isEmpty()) {
                statements++;
            }
        }
        for (InputProblem problem : report.problems()) {
            files.add(problem.file());
        }
        int[] bySeverity = new int[Severity.values().length];
        for (Violation violation : report.violations()) {
            bySeverity[violation.severity().ordinal()]++;
        }
        return new ReportSummary(statements, List.copyOf(files), bySeverity[Severity.ERROR.ordinal()],
                bySeverity[Severity.WARNING.ordinal()], bySeverity[Severity.INFO.ordinal()], report.problems().size());
    }

    /** The summary line of the text format, e.g. {@code 3 statements in 1 file: 1 error, 0 warnings, 0 infos (PostgreSQL 15)}. */
    String line(int pgVersion) {
        return count(statements, "statement") + " in " + count(files.size(), "file") + ": " + count(errors, "error")
                + ", " + count(warnings, "warning") + ", " + count(infos, "info")
                + (problems == 0 ? "" : ", " + count(problems, "input problem")) + " (PostgreSQL " + pgVersion + ")";
    }

    /** A severity as the formats write it: {@code error}, {@code warning}, {@code info}. */
    static String name(Severity severity) {
        return severity.name().toLowerCase(Locale.ROOT);
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
