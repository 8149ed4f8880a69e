package dev.dbops.lint;

import dev.dbops.LockMode;
import java.util.Objects;
import java.util.Optional;

/**
 * One lint finding, as data: which rule, how serious, what is wrong, where, the lock and table impact,
 * and the safe alternative. Only the policy layer (CLI exit code, startup guard, test assertion)
 * turns violations into a failure.
 *
 * @param ruleId the rule's stable kebab-case id, e.g. {@code require-concurrent-index-creation}
 * @param severity how serious it is
 * @param message what is wrong, naming the object and the lock
 * @param help why it matters and where to read more (the rule's title and doc page)
 * @param location where the statement is
 * @param statement the statement's text, for renderers that show it
 * @param lock the strongest table lock taken on a live table
 * @param impact what the statement does to the table's rows
 * @param fix the safe alternative as SQL
 */
public record Violation(String ruleId, Severity severity, String message, String help, SourceLocation location,
        String statement, LockMode lock, TableImpact impact, Optional<String> fix) {

    /** Validates the parts. */
    public Violation {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(help, "help");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(fix, "fix");
    }
}
