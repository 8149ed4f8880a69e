package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Since PostgreSQL 12, {@code ALTER TYPE … ADD VALUE} may run inside a transaction block, but the new value
 * cannot be used before that transaction commits: a later statement of the same transaction that uses it
 * fails with "unsafe use of new value". On PostgreSQL 17 and later the value may be used when the enum type
 * itself was created earlier in the same transaction.
 *
 * <p>An {@code ADD VALUE} inside a transaction is harmless by itself on every supported version (12–18), so
 * the rule reports only the failing case: a later statement of the same transaction (up to {@code COMMIT} or
 * {@code ROLLBACK}) holding the new value as a string constant, other {@code ALTER TYPE} statements aside
 * (placing a value {@code AFTER} a new one works). Uses hidden in function bodies or built at run time are
 * not seen. Reports from {@link #afterAll}, which sees the statements that follow.
 */
final class EnumAddValueInTransaction extends AbstractRule {

    private static final int CREATED_TYPE_EXEMPT_SINCE = 17;

    EnumAddValueInTransaction() {
        super("enum-add-value-in-transaction", Severity.ERROR,
                "A value added by ALTER TYPE … ADD VALUE cannot be used in the same transaction: the statement that"
                        + " uses it fails.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            StatementContext context = statements.get(i);
            if (context.statement() instanceof Statement.AlterEnum add && add.addValue() && context.inTransaction()
                    && !typeCreatedInSameTransaction(context, add)) {
                firstUse(statements, i, add.value())
                        .ifPresent(use -> findings.add(new StatementFinding(context, finding(context, add, use))));
            }
        }
        return findings;
    }

    private static boolean typeCreatedInSameTransaction(StatementContext context, Statement.AlterEnum add) {
        if (context.pgVersion() < CREATED_TYPE_EXEMPT_SINCE) {
            return false;
        }
        return context.earlierInTransaction().stream().anyMatch(earlier -> ClauseReader.createdEnumType(earlier)
                .filter(type -> type.sameObjectAs(add.type())).isPresent());
    }

    private static Optional<StatementContext> firstUse(List<StatementContext> statements, int index,
            String value) {
        List<Statement> later = statements.get(index).laterInMigration();
        for (int k = 0; k < later.size() && index + 1 + k < statements.size(); k++) {
            StatementContext candidate = statements.get(index + 1 + k);
            Statement statement = later.get(k);
            if (candidate.statement() != statement || endsTransaction(statement)) {
                break;
            }
            if (!(statement instanceof Statement.AlterEnum) && !(statement instanceof Statement.DoBlock)
                    && ClauseReader.stringConstant(statement, value).isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean endsTransaction(Statement statement) {
        return statement instanceof Statement.TransactionControl control
                && (control.command() == Statement.TransactionCommand.COMMIT
                        || control.command() == Statement.TransactionCommand.ROLLBACK);
    }

    private static Finding finding(StatementContext context, Statement.AlterEnum add, StatementContext use) {
        String type = add.type().display();
        String value = MaintenanceWording.sqlString(add.value());
        String message = "ALTER TYPE " + type + " ADD VALUE " + value + " runs inside a transaction, and a later"
                + " statement of the same transaction (" + use.location().display() + ") uses " + value
                + ": that statement fails on PostgreSQL " + context.pgVersion() + " (unsafe use of new value \""
                + add.value() + "\" of enum type " + add.type().name() + ")"
                + ", because a new enum value can be used only after the transaction that added it commits"
                + (add.ifNotExists() ? " (unless " + value + " existed already)" : "");
        String fix = "-- add the value in a migration of its own, which commits before the next one runs:\n"
                + add.source().text() + ";\n"
                + "-- and use it in the next migration:\n"
                + use.statement().source().text() + ";";
        return Finding.of(message, LockMode.NONE, TableImpact.NONE, fix);
    }
}
