package dev.dbops.lint.rules;

import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.rules.IdempotentRewrite.Rewrite;
import dev.dbops.sql.Statement;
import dev.dbops.sql.Statement.TransactionCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * DDL that cannot run twice ({@code CREATE} without {@code IF NOT EXISTS}, {@code DROP} without
 * {@code IF EXISTS}, {@code ADD COLUMN}, renames…) in a migration the tool runs without a transaction, when
 * a later part of the migration runs in a transaction of its own: if that later part fails, this statement
 * stays applied, the tool marks the migration failed, and the retry stops here — every later deploy is
 * blocked until someone repairs the database by hand.
 *
 * <p>Not reported: the last part of a migration (if it fails, it changed nothing), statements inside the
 * same explicit {@code BEGIN … COMMIT} as everything after them, statements inside {@code DO} blocks (they
 * may be guarded), temporary objects, and migrations the tool runs in one transaction.
 */
final class NonIdempotentNonTransactional extends AbstractRule {

    static final String ID = "non-idempotent-non-transactional";

    NonIdempotentNonTransactional() {
        super(ID, Severity.WARNING,
                "In a migration that runs without a transaction, DDL followed by more statements must be safe to "
                        + "run again (IF [NOT] EXISTS), because a failure later leaves it applied.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            if (context.toolTransaction() || StatementWording.isInsideDoBlock(context.statement(), context.earlierInMigration())) {
                continue;
            }
            Optional<Rewrite> rewrite = IdempotentRewrite.of(context.statement(), context.pgVersion());
            if (rewrite.isEmpty()) {
                continue;
            }
            Optional<Statement> later = laterTransaction(context);
            if (later.isEmpty()) {
                continue;
            }
            String message = StatementWording.label(context.statement()) + " cannot run twice, in a migration that runs "
                    + "without a transaction: if a later statement (" + StatementWording.summary(later.get())
                    + ") fails, this one stays applied, and running the migration again "
                    + rewrite.get().effect() + " here, blocking every later deploy until the database is repaired by hand";
            findings.add(new StatementFinding(context, Finding.of(message, StatementLocks.strongestOnLive(context),
                    TableImpact.NONE, rewrite.get().sql())));
        }
        return findings;
    }

    /** The first statement after this one that commits separately from it, if any. */
    private static Optional<Statement> laterTransaction(StatementContext context) {
        boolean sameTransaction = context.inTransaction();
        List<Statement> later = context.laterInMigration();
        for (int i = 0; i < later.size(); i++) {
            Statement statement = later.get(i);
            if (statement instanceof Statement.TransactionControl control) {
                TransactionCommand command = control.command();
                if (command == TransactionCommand.COMMIT || command == TransactionCommand.ROLLBACK
                        || command == TransactionCommand.TWO_PHASE) {
                    sameTransaction = false;
                }
                continue;
            }
            if (statement instanceof Statement.SetParameter || StatementWording.isInsideDoBlock(statement, later.subList(0, i))) {
                continue;
            }
            if (!sameTransaction) {
                return Optional.of(statement);
            }
        }
        return Optional.empty();
    }
}
