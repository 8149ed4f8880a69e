package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code SET LOGGED}, {@code SET UNLOGGED} and {@code SET ACCESS METHOD} rewrite the table under ACCESS
 * EXCLUSIVE. {@code SET ACCESS METHOD} exists only on PostgreSQL 15 and later: on 12–14 it is a syntax
 * error, reported whatever the table. Otherwise tables created earlier in the linted migrations are exempt.
 */
final class SetLoggedUnloggedAm extends AbstractRule {

    private static final int ACCESS_METHOD_SINCE = 15;

    SetLoggedUnloggedAm() {
        super("set-logged-unlogged-am", Severity.ERROR,
                "SET LOGGED, SET UNLOGGED and SET ACCESS METHOD rewrite the table under ACCESS EXCLUSIVE.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.SetAccessMethod method && context.pgVersion() < ACCESS_METHOD_SINCE) {
                findings.add(accessMethodMissing(context, alter, method));
            } else if (context.isLiveTable(alter.table())) {
                rewrite(alter, action).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private static Finding accessMethodMissing(StatementContext context, Statement.AlterTable alter,
            AlterTableAction.SetAccessMethod method) {
        String table = alter.table().display();
        String message = "ALTER TABLE " + table + " SET ACCESS METHOD fails on PostgreSQL " + context.pgVersion()
                + " with a syntax error: SET ACCESS METHOD exists since PostgreSQL 15";
        String fix = copyAndSwap(alter, "CREATE TABLE", " USING " + MaintenanceWording.identifier(method.accessMethod()));
        return Finding.of(message, LockMode.NONE, TableImpact.NONE, fix);
    }

    private static Optional<Finding> rewrite(Statement.AlterTable alter, AlterTableAction action) {
        String table = alter.table().display();
        String change;
        String consequence;
        String fix;
        if (action instanceof AlterTableAction.SetLogged logged && logged.logged()) {
            change = "SET LOGGED";
            consequence = " and writes all of it to the WAL, which replicas and the WAL archive then receive";
            fix = copyAndSwap(alter, "CREATE TABLE", "");
        } else if (action instanceof AlterTableAction.SetLogged) {
            change = "SET UNLOGGED";
            consequence = "; afterwards " + table + " is emptied after a crash and is not replicated to standbys";
            fix = copyAndSwap(alter, "CREATE UNLOGGED TABLE", "");
        } else if (action instanceof AlterTableAction.SetAccessMethod method) {
            String am = MaintenanceWording.identifier(method.accessMethod());
            change = "SET ACCESS METHOD " + am;
            consequence = "";
            fix = copyAndSwap(alter, "CREATE TABLE", " USING " + am);
        } else {
            return Optional.empty();
        }
        String message = "ALTER TABLE " + table + " " + change + " takes "
                + MaintenanceWording.lock(LockMode.ACCESS_EXCLUSIVE) + " and " + TableImpact.REWRITE.description()
                + consequence + "; nothing can read or write " + table + " until it is done";
        return Optional.of(Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix));
    }

    private static String copyAndSwap(Statement.AlterTable alter, String create, String using) {
        String table = alter.table().display();
        String copy = alter.table().schema().map(s -> MaintenanceWording.identifier(s) + ".").orElse("")
                + MaintenanceWording.identifier(alter.table().name() + "_new");
        String oldName = MaintenanceWording.identifier(alter.table().name() + "_old");
        return "-- copy into a new table and swap, instead of rewriting " + table + " in place:\n"
                + create + " " + copy + " (LIKE " + table + " INCLUDING ALL)" + using + ";\n"
                + "-- copy the rows in batches and keep them in step (a trigger on " + table + "), then swap in one"
                + " short transaction:\n"
                + "SET lock_timeout = '2s';\n"
                + "BEGIN;\n"
                + "ALTER TABLE " + table + " RENAME TO " + oldName + ";\n"
                + "ALTER TABLE " + copy + " RENAME TO " + MaintenanceWording.identifier(alter.table().name()) + ";\n"
                + "COMMIT;\n"
                + "-- foreign keys, views and grants that name " + table + " follow the old table: move them too;"
                + " a small table can instead take the rewrite in a quiet period with lock_timeout";
    }
}
