package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.Statement;
import dev.dbops.sql.Statement.TransactionCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * Transaction control that fights the migration tool or is left unbalanced: {@code BEGIN}, {@code COMMIT},
 * {@code ROLLBACK} or {@code PREPARE TRANSACTION} in a migration the tool already runs in one transaction
 * (PostgreSQL only warns about a nested {@code BEGIN}, but a {@code COMMIT} ends the tool's transaction
 * early, so the rest of the file runs without one and a failure can no longer be rolled back); a second
 * {@code BEGIN} inside an open transaction; {@code COMMIT}/{@code ROLLBACK} with no transaction open; and a
 * {@code BEGIN} never committed in a non-transactional script (its changes are rolled back when the
 * session ends, while the tool records the migration as applied).
 */
final class TransactionNesting extends AbstractRule {

    static final String ID = "transaction-nesting";

    TransactionNesting() {
        super(ID, Severity.WARNING,
                "Transaction control must match the migration tool's: no BEGIN/COMMIT inside the tool's transaction, "
                        + "and every BEGIN committed.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.TransactionControl control)
                || StatementWording.isInsideDoBlock(control, context.earlierInMigration())) {
            return List.of();
        }
        TransactionCommand command = control.command();
        String written = StatementWording.summary(control);
        if (context.toolTransaction()) {
            if (command == TransactionCommand.SAVEPOINT) {
                return List.of();
            }
            String effect = command == TransactionCommand.BEGIN
                    ? "PostgreSQL ignores it with a warning, and a COMMIT meant to pair with it would end the tool's "
                            + "transaction early"
                    : "it ends the tool's transaction early: the statements after it run without a transaction, so a "
                            + "failure can no longer roll the migration back, and the tool's own COMMIT finds no "
                            + "transaction";
            return List.of(finding(written + " inside a migration the tool already runs in one transaction: " + effect,
                    "-- remove \"" + written + ";\": the migration tool begins and commits the transaction itself.\n"
                            + "-- To run statements outside a transaction, turn the tool's transaction off for this "
                            + "file (Flyway: V…__name.sql.conf with executeInTransaction=false; Liquibase: "
                            + "runInTransaction:false) and keep the BEGIN … COMMIT."));
        }
        boolean opensNew = context.earlierInTransaction().isEmpty();
        if (command == TransactionCommand.BEGIN && !opensNew) {
            return List.of(finding(written + " inside a transaction that is already open: PostgreSQL ignores it with a "
                            + "warning, and the first COMMIT ends the outer transaction",
                    "-- remove \"" + written + ";\": one BEGIN … COMMIT per transaction."));
        }
        if ((command == TransactionCommand.COMMIT || command == TransactionCommand.ROLLBACK) && !context.inTransaction()) {
            return List.of(finding(written + " with no transaction open: the statements before it have already been "
                            + "committed one by one, so there is nothing for it to "
                            + (command == TransactionCommand.COMMIT ? "commit" : "roll back"),
                    "BEGIN;\n-- the statements that must succeed or fail together\n" + written + ";"));
        }
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            if (context.toolTransaction() || !(context.statement() instanceof Statement.TransactionControl control)
                    || control.command() != TransactionCommand.BEGIN || !context.earlierInTransaction().isEmpty()
                    || StatementWording.isInsideDoBlock(control, context.earlierInMigration())) {
                continue;
            }
            if (!endedLater(context.laterInMigration())) {
                String written = StatementWording.summary(control);
                findings.add(new StatementFinding(context, finding(written + " is never committed: when the session "
                                + "ends, PostgreSQL rolls back everything after it, while the migration tool records the "
                                + "migration as applied",
                        "-- end the file with:\nCOMMIT;")));
            }
        }
        return findings;
    }

    private static boolean endedLater(List<Statement> later) {
        for (Statement statement : later) {
            if (statement instanceof Statement.TransactionControl control
                    && (control.command() == TransactionCommand.COMMIT || control.command() == TransactionCommand.ROLLBACK
                            || control.command() == TransactionCommand.TWO_PHASE)) {
                return true;
            }
        }
        return false;
    }

    private static Finding finding(String message, String fix) {
        return Finding.of(message, LockMode.NONE, TableImpact.NONE, fix);
    }
}
