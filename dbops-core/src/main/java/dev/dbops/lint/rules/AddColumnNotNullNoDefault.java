package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ADD COLUMN c T NOT NULL} without a default on an existing table: it fails as soon as the table
 * has a row, and once it succeeds, INSERTs of application versions that do not know the column fail.
 */
final class AddColumnNotNullNoDefault extends AbstractRule {

    AddColumnNotNullNoDefault() {
        super("add-column-not-null-no-default", Severity.ERROR,
                "ADD COLUMN … NOT NULL without a DEFAULT fails on a table with rows and breaks INSERTs that omit"
                        + " it.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddColumn add && requiresValue(add.column())) {
                findings.add(finding(context, alter.table(), add.column()));
            }
        }
        return findings;
    }

    private static boolean requiresValue(ColumnDefinition column) {
        return (column.notNull() || column.primaryKey()) && !column.hasValueSource();
    }

    private static Finding finding(StatementContext context, QualifiedName table, ColumnDefinition column) {
        String t = table.display();
        String c = SafeAlternatives.ident(column.name());
        String type = column.type().text();
        String constraint = column.primaryKey() ? "PRIMARY KEY (so NOT NULL)" : "NOT NULL";
        String message = "ADD COLUMN " + c + " " + type + " " + constraint + " without a DEFAULT on " + t
                + " takes an " + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE) + " and " + TableImpact.SCAN
                .description() + " for NULLs: it fails with \"column " + column.name() + " contains null values\" as"
                + " soon as " + t + " has a row, and once added, every INSERT that does not set " + c
                + " fails, including those of application instances still running the previous version";
        String constantDefault = column.primaryKey() ? ""
                : "-- either give it a constant default (no rewrite since PostgreSQL 11; old INSERTs keep working):\n"
                        + SafeAlternatives.lockTimeout(context)
                        + "ALTER TABLE " + t + " ADD COLUMN " + c + " " + type + " NOT NULL DEFAULT <constant>;\n"
                        + "-- or ";
        String primaryKey = !column.primaryKey() ? ""
                : "-- then the key without a long lock: CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT …"
                        + " PRIMARY KEY USING INDEX (see primary-key-builds-index)\n";
        String fix = constantDefault
                + (constantDefault.isEmpty() ? "-- " : "") + "add it nullable, deploy code that writes it, backfill,"
                + " then enforce NOT NULL without a long lock:\n"
                + SafeAlternatives.lockTimeout(context)
                + "ALTER TABLE " + t + " ADD COLUMN " + c + " " + type + ";\n"
                + "-- backfill " + SafeAlternatives.OUTSIDE_TRANSACTION + ", repeated until it updates 0 rows:\n"
                + SafeAlternatives.batchedUpdate(table, c + " = <value>", c + " IS NULL") + "\n"
                + SafeAlternatives.notNullSteps(context.pgVersion(), table, column.name())
                + primaryKey;
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.SCAN, fix.strip());
    }
}
