package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.LATER_MIGRATION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.lock;
import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code validate-in-same-transaction}: {@code VALIDATE CONSTRAINT} in the same transaction as the
 * {@code ADD … NOT VALID} of that constraint. The ADD's lock (ACCESS EXCLUSIVE for a CHECK or NOT NULL,
 * SHARE ROW EXCLUSIVE on both tables for a foreign key) is held until COMMIT, so the validation scan runs
 * under it and NOT VALID gains nothing.
 */
final class ValidateInSameTransaction extends AbstractRule {

    ValidateInSameTransaction() {
        super("validate-in-same-transaction", Severity.ERROR,
                "VALIDATE CONSTRAINT in the transaction that added the constraint NOT VALID scans under the"
                        + " ADD's lock.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        List<AlterTableAction> actions = alter.actions();
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) instanceof AlterTableAction.ValidateConstraint validate) {
                addedNotValid(context, alter, i, validate.name())
                        .ifPresent(added -> findings.add(finding(alter, validate.name(), added)));
            }
        }
        return findings;
    }

    private static Finding finding(Statement.AlterTable alter, String name, TableConstraint added) {
        QualifiedName table = alter.table();
        boolean foreignKey = added.kind() == TableConstraint.Kind.FOREIGN_KEY;
        LockMode held = foreignKey ? LockMode.SHARE_ROW_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
        String tables = table.display() + (foreignKey ? " and " + added.references().get().table().display() : "");
        String message = "VALIDATE CONSTRAINT " + quote(name) + " on " + table.display() + " runs in the transaction"
                + " that added it NOT VALID, which still holds " + lock(held) + " on " + tables + ", so it "
                + TableImpact.SCAN.description() + " under that lock until COMMIT";
        String fix = "-- keep the ADD … NOT VALID here and commit it\n" + LATER_MIGRATION + "\n"
                + "ALTER TABLE " + table.display() + " VALIDATE CONSTRAINT " + quote(name) + ";  -- "
                + LockMode.SHARE_UPDATE_EXCLUSIVE.sqlName() + " on its own: reads and writes go on";
        return Finding.of(message, held, TableImpact.SCAN, fix);
    }

    private static Optional<TableConstraint> addedNotValid(StatementContext context, Statement.AlterTable alter,
            int validateAt, String name) {
        for (Statement earlier : context.earlierInTransaction()) {
            if (earlier instanceof Statement.AlterTable other && other.table().sameObjectAs(alter.table())) {
                Optional<TableConstraint> added = addedNotValid(other, other.actions().size(), name);
                if (added.isPresent()) {
                    return added;
                }
            }
        }
        return addedNotValid(alter, validateAt, name);
    }

    private static Optional<TableConstraint> addedNotValid(Statement.AlterTable alter, int before, String name) {
        for (int i = 0; i < before; i++) {
            if (alter.actions().get(i) instanceof AlterTableAction.AddConstraint add && add.constraint().notValid()
                    && name.equals(nameOf(alter.table(), add.constraint()))) {
                return Optional.of(add.constraint());
            }
        }
        return Optional.empty();
    }

    private static String nameOf(QualifiedName table, TableConstraint constraint) {
        if (constraint.name().isPresent()) {
            return constraint.name().get();
        }
        return switch (constraint.kind()) {
            case FOREIGN_KEY -> GeneratedNames.constraint(table.name(), constraint.columns(), "fkey", n -> false);
            case NOT_NULL -> GeneratedNames.constraint(table.name(), constraint.columns(), "not_null", n -> false);
            case CHECK -> constraint.expression().map(c -> CheckNotValid.generatedName(table, c)).orElse("");
            default -> "";
        };
    }
}
