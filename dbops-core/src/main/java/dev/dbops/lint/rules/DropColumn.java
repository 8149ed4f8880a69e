package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code DROP COLUMN} on an existing table. The lock is brief and nothing is rewritten, but application
 * instances that still read or write the column fail at once, and indexes and constraints on the column
 * go with it. It is the last step of a change, after the application stopped using the column.
 */
final class DropColumn extends AbstractRule {

    DropColumn() {
        super("drop-column", Severity.WARNING,
                "DROP COLUMN breaks application instances that still use the column; drop it only after they stopped.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.DropColumn drop) {
                findings.add(finding(context, alter.table(), drop));
            }
        }
        return findings;
    }

    private static Finding finding(StatementContext context, QualifiedName table, AlterTableAction.DropColumn drop) {
        String t = table.display();
        String c = SafeAlternatives.ident(drop.column());
        String message = "DROP COLUMN " + c + " on " + t + " takes an "
                + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE) + ", briefly (" + TableImpact.NONE.description()
                + "; the space is reclaimed as rows are rewritten later), but every application instance that still"
                + " reads or writes " + c + " fails from the moment it commits (ORMs list every mapped column in their"
                + " SELECTs and INSERTs), and the indexes and constraints on " + c + " are dropped with it"
                + (drop.cascade() ? ", and with CASCADE also the views and foreign keys that depend on it" : "");
        String fix = "-- 1. stop reading and writing " + c + " in the application (JPA: remove the mapped field) and"
                + " deploy that first\n"
                + "-- 2. drop the indexes containing " + c + " without blocking writes: DROP INDEX CONCURRENTLY IF"
                + " EXISTS <index>;\n"
                + "-- 3. then drop the column:\n"
                + SafeAlternatives.lockTimeout(context)
                + "ALTER TABLE " + t + " DROP COLUMN " + (drop.ifExists() ? "IF EXISTS " : "") + c + ";";
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix);
    }
}
