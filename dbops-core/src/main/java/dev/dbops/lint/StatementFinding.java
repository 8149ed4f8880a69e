package dev.dbops.lint;

import java.util.Objects;

/**
 * A finding attached to a statement, from a rule's {@link LintRule#afterAll} pass.
 *
 * @param statement the statement the finding is about
 * @param finding what is wrong
 */
public record StatementFinding(StatementContext statement, Finding finding) {

    /** Validates the parts. */
    public StatementFinding {
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(finding, "finding");
    }
}
