package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.LATER_MIGRATION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.columnWithoutKeys;
import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;
import static dev.dbops.lint.rules.IndexAndConstraintRules.takes;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.Expression;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code check-not-valid}: {@code ADD CONSTRAINT … CHECK} without {@code NOT VALID} on an existing table
 * holds ACCESS EXCLUSIVE, blocking reads and writes, while it checks every row; so does {@code ADD COLUMN}
 * with an inline {@code CHECK}, even though the new column holds only its default. With {@code NOT VALID} the
 * lock is brief and only new rows are checked; {@code VALIDATE CONSTRAINT} in a later transaction then
 * checks the old rows under SHARE UPDATE EXCLUSIVE, which lets reads and writes go on.
 */
final class CheckNotValid extends AbstractRule {

    private static final Pattern NOT_ENFORCED = Pattern.compile("(?i)\\bnot\\s+enforced\\b");

    CheckNotValid() {
        super("check-not-valid", Severity.ERROR,
                "A CHECK constraint added without NOT VALID blocks reads and writes while it checks every row.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddConstraint add
                    && add.constraint().kind() == TableConstraint.Kind.CHECK && !add.constraint().notValid()
                    && add.constraint().expression().isPresent() && !NOT_ENFORCED.matcher(add.text()).find()) {
                findings.add(finding(alter, add.constraint(), add.constraint().expression().get()));
            } else if (action instanceof AlterTableAction.AddColumn add && !add.column().checks().isEmpty()
                    && !NOT_ENFORCED.matcher(add.text()).find()) {
                findings.add(newColumn(alter, add));
            }
        }
        return findings;
    }

    /** {@code ADD COLUMN … CHECK (…)}: PostgreSQL checks every row against the new column's constraint too. */
    private static Finding newColumn(Statement.AlterTable alter, AlterTableAction.AddColumn add) {
        QualifiedName table = alter.table();
        ColumnDefinition column = add.column();
        ColumnDefinition withoutChecks = new ColumnDefinition(column.name(), column.type(), column.notNull(),
                column.defaultValue(), column.generated(), column.generatedStored(), column.identity(),
                column.primaryKey(), column.unique(), column.references(), List.of(), column.collation());
        String alterTable = "ALTER TABLE " + (alter.ifExists() ? "IF EXISTS " : "") + table.display() + " ";
        StringBuilder fix = new StringBuilder(alterTable).append("ADD COLUMN ")
                .append(add.ifNotExists() ? "IF NOT EXISTS " : "").append(columnWithoutKeys(withoutChecks))
                .append(";\n");
        StringBuilder validate = new StringBuilder();
        List<String> names = new ArrayList<>();
        for (Expression check : column.checks()) {
            String name = GeneratedNames.constraint(table.name(), List.of(column.name()), "check",
                    candidate -> names.contains(candidate));
            names.add(name);
            fix.append(alterTable).append("ADD CONSTRAINT ").append(quote(name)).append(" CHECK (").append(check.text())
                    .append(") NOT VALID;\n");
            validate.append('\n').append(alterTable).append("VALIDATE CONSTRAINT ").append(quote(name)).append(';');
        }
        fix.append(LATER_MIGRATION).append(validate);
        return Finding.of("ADD COLUMN " + quote(column.name()) + " … CHECK on " + table.display() + " "
                + takes(LockMode.ACCESS_EXCLUSIVE, TableImpact.SCAN) + ", to check every row against the new"
                + " column's CHECK", LockMode.ACCESS_EXCLUSIVE, TableImpact.SCAN, fix.toString());
    }

    private static Finding finding(Statement.AlterTable alter, TableConstraint constraint, Expression condition) {
        QualifiedName table = alter.table();
        String name = constraint.name().orElseGet(() -> generatedName(table, condition));
        String alterTable = "ALTER TABLE " + (alter.ifExists() ? "IF EXISTS " : "") + table.display() + " ";
        String fix = alterTable + "ADD CONSTRAINT " + quote(name) + " CHECK (" + condition.text() + ") NOT VALID;"
                + "  -- brief lock, no scan: new and updated rows are checked from now on\n"
                + LATER_MIGRATION + "\n"
                + alterTable + "VALIDATE CONSTRAINT " + quote(name) + ";  -- "
                + LockMode.SHARE_UPDATE_EXCLUSIVE.sqlName() + ": reads and writes go on while the old rows are checked";
        return Finding.of("ADD CHECK " + quote(name) + " on " + table.display() + " "
                + takes(LockMode.ACCESS_EXCLUSIVE, TableImpact.SCAN) + ", to check every row",
                LockMode.ACCESS_EXCLUSIVE, TableImpact.SCAN, fix);
    }

    /**
     * PostgreSQL's name for an unnamed CHECK: {@code table_column_check} when the condition names one column,
     * otherwise {@code table_check}.
     */
    static String generatedName(QualifiedName table, Expression condition) {
        List<String> columns = CheckExpressions.columns(condition, List.of());
        return GeneratedNames.constraint(table.name(), columns.size() == 1 ? columns : List.of(), "check", n -> false);
    }
}
