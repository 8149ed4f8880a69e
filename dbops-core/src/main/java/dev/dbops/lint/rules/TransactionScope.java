package dev.dbops.lint.rules;

import dev.dbops.lint.StatementContext;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The statements that share a transaction with a given one, for rules that look forward (from {@code afterAll}). */
final class TransactionScope {

    private TransactionScope() {
    }

    /**
     * The statements after {@code context} up to the end of its transaction: the next COMMIT or ROLLBACK,
     * or the end of the migration for the tool's transaction; empty outside a transaction.
     */
    static List<Statement> later(StatementContext context) {
        if (!context.inTransaction()) {
            return List.of();
        }
        List<Statement> later = new ArrayList<>();
        for (Statement statement : context.laterInMigration()) {
            if (statement instanceof Statement.TransactionControl control
                    && (control.command() == Statement.TransactionCommand.COMMIT
                            || control.command() == Statement.TransactionCommand.ROLLBACK)) {
                break;
            }
            later.add(statement);
        }
        return later;
    }
}
