package dev.dbops.lint;

import java.util.List;
import java.util.Objects;

/**
 * What the rules' lock catalogue declares for one statement, for the PostgreSQL version linted against:
 * the table-level locks it takes and the whole-relation work it does, on every relation it names
 * (relations created earlier in the same run included). Statements inside a {@code DO} block count for
 * the block. Comes from {@link MigrationLinter#declare}; the {@code trace} capability compares it with
 * what PostgreSQL really did.
 *
 * @param location where the statement is, as in {@link LintedStatement#location()}
 * @param statement the statement's text
 * @param inspected whether dbops understood the statement; when false the lists say nothing about it
 * @param locks the locks, one per relation and role, strongest mode
 * @param work the whole-relation work
 */
public record DeclaredEffects(SourceLocation location, String statement, boolean inspected, List<DeclaredLock> locks,
        List<DeclaredWork> work) {

    /** Validates the parts and copies the lists. */
    public DeclaredEffects {
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(statement, "statement");
        locks = List.copyOf(locks);
        work = List.copyOf(work);
    }
}
