package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER TABLE … RENAME TO} on an existing table: every application instance still using the old
 * name fails once the rename commits. Not reported when the same transaction creates a view under the
 * old name, the two-step rename that keeps old code working.
 */
final class RenameTable extends AbstractRule {

    RenameTable() {
        super("rename-table", Severity.ERROR,
                "ALTER TABLE … RENAME TO breaks every running application instance that uses the old name.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    /** Runs over the whole run to see whether a view with the old name follows in the same transaction. */
    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
                continue;
            }
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.RenameTable rename
                        && !viewKeepsOldName(context, alter.table())) {
                    findings.add(new StatementFinding(context, finding(context, alter.table(), rename)));
                }
            }
        }
        return findings;
    }

    private static boolean viewKeepsOldName(StatementContext context, QualifiedName table) {
        for (Statement later : TransactionScope.later(context)) {
            if (later instanceof Statement.CreateView view && !view.materialized() && view.view().sameObjectAs(table)) {
                return true;
            }
        }
        return false;
    }

    private static Finding finding(StatementContext context, QualifiedName table, AlterTableAction.RenameTable rename) {
        String t = table.display();
        String renamed = SafeAlternatives.sibling(table, rename.to()).display();
        String message = "RENAME TO " + SafeAlternatives.ident(rename.to()) + " on " + t + " breaks every application"
                + " instance that still queries " + t + " from the moment it commits (during a rolling deploy the old"
                + " version is still running); the rename itself takes an "
                + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE) + " briefly, " + TableImpact.NONE.description();
        String fix = (context.inTransaction() ? "" : "BEGIN;\n")
                + (context.lockTimeoutSet() ? "" : "SET LOCAL lock_timeout = '2s';  -- retry when it times out\n")
                + "ALTER TABLE " + t + " RENAME TO " + SafeAlternatives.ident(rename.to()) + ";\n"
                + "CREATE VIEW " + t + " AS SELECT * FROM " + renamed + ";  -- a simple view is updatable: old code"
                + " keeps reading and writing\n"
                + (context.inTransaction() ? "" : "COMMIT;\n")
                + "-- once no application instance uses " + t + ":\n"
                + "DROP VIEW " + t + ";";
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix);
    }
}
