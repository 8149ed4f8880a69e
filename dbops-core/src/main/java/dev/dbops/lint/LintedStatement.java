package dev.dbops.lint;

import java.util.List;
import java.util.Objects;

/**
 * One statement the linter looked at, with what it found there (possibly nothing): JUnit XML renders
 * each as a test case.
 *
 * @param location where the statement is
 * @param text the statement's text
 * @param inspected whether dbops understood the statement (false: reported by {@code sql-not-inspectable})
 * @param violations what the rules found, after suppressions
 */
public record LintedStatement(SourceLocation location, String text, boolean inspected, List<Violation> violations) {

    /** Validates the parts and copies the violations. */
    public LintedStatement {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(text, "text");
        violations = List.copyOf(violations);
    }
}
