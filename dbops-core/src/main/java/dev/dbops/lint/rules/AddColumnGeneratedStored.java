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
 * {@code ADD COLUMN … GENERATED ALWAYS AS (expr) STORED} on an existing table: the value is computed and
 * written for every row, a rewrite under ACCESS EXCLUSIVE. PostgreSQL 18's VIRTUAL generated columns
 * (the default there when neither STORED nor VIRTUAL is written) are computed on read and not reported.
 */
final class AddColumnGeneratedStored extends AbstractRule {

    AddColumnGeneratedStored() {
        super("add-column-generated-stored", Severity.ERROR,
                "ADD COLUMN … GENERATED ALWAYS AS (…) STORED rewrites the whole table under ACCESS EXCLUSIVE.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddColumn add && add.column().generated().isPresent()
                    && add.column().generatedStored()) {
                findings.add(finding(context, alter.table(), add.column()));
            }
        }
        return findings;
    }

    private static Finding finding(StatementContext context, QualifiedName table, ColumnDefinition column) {
        String t = table.display();
        String c = SafeAlternatives.ident(column.name());
        String type = column.type().text();
        String expression = column.generated().orElseThrow().text();
        String function = SafeAlternatives.sibling(table, table.name() + "_" + column.name() + "_compute").display();
        String trigger = SafeAlternatives.ident(table.name() + "_" + column.name() + "_compute");
        String message = "ADD COLUMN " + c + " " + type + " GENERATED ALWAYS AS (" + expression + ") STORED on " + t
                + " " + TableImpact.REWRITE.description() + " under an "
                + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE) + ": the value is computed and stored for every"
                + " existing row";
        StringBuilder fix = new StringBuilder();
        if (context.pgVersion() >= 18) {
            fix.append("-- PostgreSQL 18: a VIRTUAL column is computed on read, no rewrite (it cannot be indexed and"
                    + " may only call built-in functions):\n")
                    .append(SafeAlternatives.lockTimeout(context))
                    .append("ALTER TABLE ").append(t).append(" ADD COLUMN ").append(c).append(' ').append(type)
                    .append(" GENERATED ALWAYS AS (").append(expression).append(") VIRTUAL;\n")
                    .append("-- or, if it must be stored, a plain column filled by a trigger:\n");
        } else {
            fix.append("-- a plain column filled by a trigger (VIRTUAL generated columns need PostgreSQL 18):\n")
                    .append(SafeAlternatives.lockTimeout(context));
        }
        fix.append("ALTER TABLE ").append(t).append(" ADD COLUMN ").append(c).append(' ').append(type).append(";\n")
                .append("CREATE FUNCTION ").append(function).append("() RETURNS trigger LANGUAGE plpgsql AS $$\n")
                .append("BEGIN\n")
                .append("  NEW.").append(c).append(" := (SELECT ").append(expression).append(" FROM (SELECT NEW.*) AS ")
                .append(SafeAlternatives.ident(table.name())).append(");\n")
                .append("  RETURN NEW;\n")
                .append("END $$;\n")
                .append("CREATE TRIGGER ").append(trigger).append(" BEFORE INSERT OR UPDATE ON ").append(t)
                .append(" FOR EACH ROW EXECUTE FUNCTION ").append(function).append("();\n")
                .append("-- backfill the existing rows ").append(SafeAlternatives.OUTSIDE_TRANSACTION)
                .append(", repeated until it updates 0 rows:\n")
                .append(SafeAlternatives.batchedUpdate(table, c + " = " + expression,
                        c + " IS DISTINCT FROM (" + expression + ")"));
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix.toString());
    }
}
