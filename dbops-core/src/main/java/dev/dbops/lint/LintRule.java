package dev.dbops.lint;

import java.util.List;

/**
 * One lock-safety or schema-design rule: a pure function of a parsed statement and its
 * {@link StatementContext} (PostgreSQL version, transaction, what earlier migrations created); no I/O.
 *
 * <p>Each built-in rule has one class, one test class and one page {@code docs/rules/<id>.md}, and is
 * registered in {@link dev.dbops.lint.rules.BuiltInRules}.
 */
public interface LintRule {

    /** The stable kebab-case id, used in suppressions, reports and the doc page's file name. */
    String id();

    /** The severity of this rule's findings unless the user overrides it. */
    Severity severity();

    /** One sentence saying what the rule reports, e.g. "CREATE INDEX without CONCURRENTLY blocks writes". */
    String title();

    /** The findings for one statement; empty when the statement is fine. */
    List<Finding> check(StatementContext context);

    /**
     * Findings that need every statement of the run at once (e.g. a foreign key whose index is created
     * in a later migration, or a {@code BEGIN} never committed); called once, after every statement was
     * checked.
     */
    default List<StatementFinding> afterAll(List<StatementContext> statements) {
        return List.of();
    }

    /** The rule's doc page relative to the project root: {@code docs/rules/<id>.md}. */
    default String docPath() {
        return "docs/rules/" + id() + ".md";
    }
}
