package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.LATER_MIGRATION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.column;
import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;
import static dev.dbops.lint.rules.IndexAndConstraintRules.takes;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code type-change-revalidates-checks}: {@code ALTER COLUMN … TYPE} on a column that a validated CHECK
 * constraint names re-checks that constraint against every row under ACCESS EXCLUSIVE, even when the type
 * change itself needs no rewrite (e.g. varchar(50) to varchar(100)).
 *
 * <p>Reports from {@link #afterAll}: the constraints are known from the statements of the whole run that
 * created them (CREATE TABLE, ADD CONSTRAINT, ADD COLUMN), in whichever migration. Constraints created
 * before the linted migrations are unknown, and NOT VALID ones are not re-checked.
 */
final class TypeChangeRevalidatesChecks extends AbstractRule {

    TypeChangeRevalidatesChecks() {
        super("type-change-revalidates-checks", Severity.ERROR,
                "Changing the type of a column that CHECK constraints use re-checks them on every row under"
                        + " ACCESS EXCLUSIVE.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        DeclaredSchema schema = new DeclaredSchema();
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            if (context.statement() instanceof Statement.AlterTable alter && context.isLiveTable(alter.table())) {
                for (Finding finding : check(alter, schema)) {
                    findings.add(new StatementFinding(context, finding));
                }
            }
            schema.apply(context.statement());
        }
        return findings;
    }

    private static List<Finding> check(Statement.AlterTable alter, DeclaredSchema schema) {
        QualifiedName table = alter.table();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AlterColumnType change) {
                List<DeclaredSchema.Constraint> checks = rechecked(alter, change, schema);
                if (!checks.isEmpty()) {
                    findings.add(finding(table, change, checks));
                }
            }
        }
        return findings;
    }

    /**
     * The valid CHECK constraints, as {@code schema} declares them, that {@code change} re-checks: those naming
     * its column, except the ones the same statement drops.
     */
    static List<DeclaredSchema.Constraint> rechecked(Statement.AlterTable alter, AlterTableAction.AlterColumnType change,
            DeclaredSchema schema) {
        List<String> droppedHere = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.DropConstraint drop) {
                droppedHere.add(drop.name());
            }
        }
        List<DeclaredSchema.Constraint> checks = new ArrayList<>();
        for (DeclaredSchema.Constraint constraint : schema.constraints(alter.table())) {
            if (constraint.kind() == TableConstraint.Kind.CHECK && constraint.valid()
                    && constraint.expression().isPresent() && !droppedHere.contains(constraint.name())
                    && CheckExpressions.mentions(constraint.expression().get(), change.column())) {
                checks.add(constraint);
            }
        }
        return checks;
    }

    private static Finding finding(QualifiedName table, AlterTableAction.AlterColumnType change,
            List<DeclaredSchema.Constraint> checks) {
        List<String> names = new ArrayList<>();
        StringBuilder drop = new StringBuilder();
        StringBuilder add = new StringBuilder();
        StringBuilder validate = new StringBuilder();
        for (DeclaredSchema.Constraint check : checks) {
            String name = quote(check.name());
            names.add(name);
            drop.append("\n    DROP CONSTRAINT ").append(name).append(',');
            add.append(",\n    ADD CONSTRAINT ").append(name).append(" CHECK (")
                    .append(check.expression().get().text()).append(") NOT VALID");
            validate.append("\nALTER TABLE ").append(table.display()).append(" VALIDATE CONSTRAINT ").append(name)
                    .append(';');
        }
        String message = "ALTER COLUMN " + column(table, change.column()) + " TYPE " + change.type().text()
                + " re-checks CHECK constraint" + (names.size() > 1 ? "s " : " ") + String.join(", ", names)
                + " on every row: it " + takes(LockMode.ACCESS_EXCLUSIVE, TableImpact.SCAN)
                + ", even when the type change itself needs no rewrite";
        String fix = "-- one statement: the constraints are re-added NOT VALID, so nothing is re-checked under the"
                + " lock\n"
                + "ALTER TABLE " + table.display() + drop + "\n    " + change.text().strip() + add + ";\n"
                + LATER_MIGRATION + validate + "  -- " + LockMode.SHARE_UPDATE_EXCLUSIVE.sqlName()
                + ": reads and writes go on";
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.SCAN, fix);
    }
}
