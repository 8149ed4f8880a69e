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

/**
 * {@code ALTER TABLE … SET TABLESPACE} copies every data file of the table to the new tablespace while it
 * holds ACCESS EXCLUSIVE. Tables created earlier in the linted migrations are exempt.
 */
final class SetTablespace extends AbstractRule {

    SetTablespace() {
        super("set-tablespace", Severity.ERROR,
                "ALTER TABLE … SET TABLESPACE copies the whole table under ACCESS EXCLUSIVE, blocking reads and writes.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.SetTablespace move) {
                findings.add(finding(alter, move));
            }
        }
        return findings;
    }

    private static Finding finding(Statement.AlterTable alter, AlterTableAction.SetTablespace move) {
        String table = alter.table().display();
        String tablespace = MaintenanceWording.identifier(move.tablespace());
        String message = "ALTER TABLE " + table + " SET TABLESPACE " + tablespace + " takes "
                + MaintenanceWording.lock(LockMode.ACCESS_EXCLUSIVE) + " while it copies every data file of " + table
                + " to " + tablespace + ": a full copy of the table, during which nothing can read or write it (its"
                + " indexes stay in their tablespace unless moved too)";
        String fix = "-- move it online instead, from a shell outside the migration: pg_repack copies the table and takes"
                + " ACCESS EXCLUSIVE only briefly at the start and the end (it needs a primary key or a unique index on"
                + " NOT NULL columns)\n"
                + "pg_repack --dbname=<database> --table=" + MaintenanceWording.shellArgument(alter.table().display())
                + " --tablespace=" + MaintenanceWording.shellArgument(move.tablespace()) + " --moveidx";
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix);
    }
}
