package dev.dbops.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of linting a set of migrations: every statement with its violations, the problems that
 * kept files from being linted, and the PostgreSQL version the rules assumed.
 *
 * @param pgVersion the PostgreSQL major version linted against
 * @param statements every statement, in run order, with its violations
 * @param problems files or parts of files that could not be linted
 */
public record LintReport(int pgVersion, List<LintedStatement> statements, List<InputProblem> problems) {

    /** Copies the lists. */
    public LintReport {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }

    /** Every violation, in run order. */
    public List<Violation> violations() {
        List<Violation> all = new ArrayList<>();
        for (LintedStatement statement : statements) {
            all.addAll(statement.violations());
        }
        return List.copyOf(all);
    }

    /** The violations of at least {@code threshold} severity. */
    public List<Violation> violationsAtLeast(Severity threshold) {
        Objects.requireNonNull(threshold, "threshold");
        return violations().stream().filter(v -> v.severity().isAtLeast(threshold)).toList();
    }

    /** Whether any violation is at least {@code threshold} severe. */
    public boolean hasViolationsAtLeast(Severity threshold) {
        return !violationsAtLeast(threshold).isEmpty();
    }
}
