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
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A column declared {@code json} (in {@code CREATE TABLE}, {@code ADD COLUMN} or {@code ALTER COLUMN … TYPE}):
 * {@code json} has no equality operator, so {@code SELECT DISTINCT}, {@code UNION} and {@code GROUP BY}
 * on it fail, it is re-parsed on every access and cannot have a GIN index. A schema-design rule: it
 * applies to new tables too, because that is where the type is chosen.
 */
final class PreferJsonb extends AbstractRule {

    PreferJsonb() {
        super("prefer-jsonb", Severity.INFO,
                "Columns of type json lack equality and indexing; jsonb is the type to use.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        List<Finding> findings = new ArrayList<>();
        if (context.statement() instanceof Statement.CreateTable create) {
            for (ColumnDefinition column : create.columns()) {
                if (isJson(column.type())) {
                    findings.add(finding(create.table(), column.name(), column.type(), LockMode.NONE,
                            SafeAlternatives.ident(column.name()) + " " + jsonb(column.type())
                                    + "  -- in the column list of CREATE TABLE " + create.table().display()));
                }
            }
        } else if (context.statement() instanceof Statement.AlterTable alter) {
            LockMode lock = context.isNewTable(alter.table()) ? LockMode.NONE : LockMode.ACCESS_EXCLUSIVE;
            String t = alter.table().display();
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.AddColumn add && isJson(add.column().type())) {
                    findings.add(finding(alter.table(), add.column().name(), add.column().type(), lock,
                            "ALTER TABLE " + t + " " + withJsonb(add.text(), add.column().name(), add.column().type())
                                    + ";"));
                } else if (action instanceof AlterTableAction.AlterColumnType change && isJson(change.type())) {
                    findings.add(finding(alter.table(), change.column(), change.type(), lock,
                            "ALTER TABLE " + t + " " + withJsonb(change.text(), change.column(), change.type()) + ";"));
                }
            }
        }
        return findings;
    }

    private static boolean isJson(TypeName type) {
        return type.schema().isEmpty() && type.name().equals("json");
    }

    private static Finding finding(QualifiedName table, String column, TypeName type, LockMode lock, String fix) {
        String message = "column " + SafeAlternatives.ident(column) + " of " + table.display() + " is " + type.text()
                + ": json has no equality operator (SELECT DISTINCT, UNION and GROUP BY on it fail), is re-parsed on"
                + " every access and cannot have a GIN index; use jsonb unless the exact text, key order or duplicate"
                + " keys must be kept (a type choice: no lock or rewrite beyond the statement's own)";
        return Finding.of(message, lock, TableImpact.NONE, fix);
    }

    private static String jsonb(TypeName type) {
        return "jsonb" + "[]".repeat(type.arrayDimensions());
    }

    /** The action's text with the column's type written as jsonb. */
    private static String withJsonb(String actionText, String column, TypeName type) {
        String lower = actionText.toLowerCase(Locale.ROOT);
        int afterName = lower.indexOf(column.toLowerCase(Locale.ROOT));
        int at = lower.indexOf(type.text().toLowerCase(Locale.ROOT), afterName < 0 ? 0 : afterName + column.length());
        if (at < 0) {
            return actionText;
        }
        return actionText.substring(0, at) + jsonb(type) + actionText.substring(at + type.text().length());
    }
}
