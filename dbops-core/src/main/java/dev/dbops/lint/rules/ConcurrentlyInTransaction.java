package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.OUTSIDE_TRANSACTION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.OUTSIDE_TRANSACTION_PLACE;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * {@code concurrently-in-transaction}: {@code CREATE INDEX CONCURRENTLY}, {@code DROP INDEX CONCURRENTLY},
 * {@code REINDEX … CONCURRENTLY} and {@code DETACH PARTITION … CONCURRENTLY} refuse to run inside a
 * transaction block, so a migration that the tool wraps in a transaction (or that opens one with BEGIN,
 * or runs them in a DO block) fails.
 */
final class ConcurrentlyInTransaction extends AbstractRule {

    ConcurrentlyInTransaction() {
        super("concurrently-in-transaction", Severity.ERROR,
                "CONCURRENTLY operations cannot run inside a transaction block: the migration fails.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        Optional<String> command = concurrentCommand(context.statement(), context.pgVersion());
        if (command.isEmpty()) {
            return List.of();
        }
        String statement = context.statement().source().text() + ";";
        if (insideDoBlock(context)) {
            return List.of(Finding.of(command.get() + " cannot run inside a DO block: PostgreSQL runs the block as"
                    + " a function, always inside a transaction, and rejects it (cannot be executed from a function)",
                    LockMode.NONE, TableImpact.NONE,
                    "-- move it out of the DO block, " + OUTSIDE_TRANSACTION_PLACE + ":\n" + statement));
        }
        if (!context.inTransaction()) {
            return List.of();
        }
        if (context.toolTransaction()) {
            return List.of(Finding.of(command.get() + " cannot run inside a transaction block, and the migration"
                    + " tool runs this migration in one: PostgreSQL rejects it (SQLSTATE 25001) and the migration"
                    + " fails", LockMode.NONE, TableImpact.NONE, OUTSIDE_TRANSACTION + "\n" + statement));
        }
        return List.of(Finding.of(command.get() + " cannot run inside a transaction block, and it follows an"
                + " explicit BEGIN: PostgreSQL rejects it (SQLSTATE 25001)", LockMode.NONE, TableImpact.NONE,
                "-- remove the BEGIN … COMMIT around it; keep it " + OUTSIDE_TRANSACTION_PLACE + ":\n" + statement));
    }

    private static Optional<String> concurrentCommand(Statement statement, int pgVersion) {
        if (statement instanceof Statement.CreateIndex create && create.concurrently()) {
            return Optional.of(create.unique() ? "CREATE UNIQUE INDEX CONCURRENTLY" : "CREATE INDEX CONCURRENTLY");
        }
        if (statement instanceof Statement.Drop drop && drop.kind() == Statement.ObjectKind.INDEX
                && drop.concurrently()) {
            return Optional.of("DROP INDEX CONCURRENTLY");
        }
        if (statement instanceof Statement.Reindex reindex && reindex.concurrently()) {
            return Optional.of("REINDEX " + reindex.target() + " CONCURRENTLY");
        }
        if (statement instanceof Statement.AlterTable alter && pgVersion >= 14) {
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.DetachPartition detach && detach.concurrently()) {
                    return Optional.of("ALTER TABLE " + alter.table().display() + " DETACH PARTITION CONCURRENTLY");
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the statement is one of the statements the parser found in the body of an earlier DO block. */
    private static boolean insideDoBlock(StatementContext context) {
        List<Statement> earlier = context.earlierInMigration();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (earlier.get(i) instanceof Statement.DoBlock block) {
                for (Statement inner : block.statements()) {
                    if (inner == context.statement()) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }
}
