package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.AlterTableAction.RowSecurityChange;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ENABLE} or {@code FORCE ROW LEVEL SECURITY} on a live table before any policy exists for it: with
 * no policy, row-level security denies every row to every role it applies to, so the application sees
 * empty results, its updates and deletes find nothing and its inserts fail. A {@code CREATE POLICY … ON} the
 * table earlier in the linted migrations, or later in the same transaction (nobody sees the table in
 * between), satisfies the rule.
 * Tables created earlier in the linted migrations are exempt. Reports from {@link #afterAll}, which sees
 * every migration of the run.
 */
final class RlsToggle extends AbstractRule {

    RlsToggle() {
        super("rls-toggle", Severity.WARNING,
                "ENABLE/FORCE ROW LEVEL SECURITY before a policy exists hides every row from the roles it applies to.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        List<QualifiedName> withPolicy = new ArrayList<>();
        for (StatementContext context : statements) {
            ClauseReader.policyTable(context.statement()).ifPresent(withPolicy::add);
            if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
                continue;
            }
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.RowLevelSecurity rls
                        && (rls.change() == RowSecurityChange.ENABLE || rls.change() == RowSecurityChange.FORCE)
                        && withPolicy.stream().noneMatch(table -> table.sameObjectAs(alter.table()))
                        && !policyLaterInTransaction(context, alter.table())) {
                    findings.add(new StatementFinding(context, finding(alter, rls)));
                }
            }
        }
        return findings;
    }

    private static boolean policyLaterInTransaction(StatementContext context, QualifiedName table) {
        if (!context.inTransaction()) {
            return false;
        }
        for (Statement later : context.laterInMigration()) {
            if (later instanceof Statement.TransactionControl control
                    && (control.command() == Statement.TransactionCommand.COMMIT
                            || control.command() == Statement.TransactionCommand.ROLLBACK)) {
                return false;
            }
            if (ClauseReader.policyTable(later).filter(t -> t.sameObjectAs(table)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Finding finding(Statement.AlterTable alter, AlterTableAction.RowLevelSecurity rls) {
        String table = alter.table().display();
        boolean force = rls.change() == RowSecurityChange.FORCE;
        String who = force ? "every role, the table owner included (superusers and BYPASSRLS roles excepted),"
                : "every role other than the table owner (superusers and BYPASSRLS roles excepted)";
        String message = "ALTER TABLE " + table + " " + rls.text() + " with no CREATE POLICY … ON " + table
                + " earlier in the migrations: unless policies already exist, " + who + " sees no rows of " + table
                + ", its updates and deletes find nothing and its inserts fail; it also takes "
                + MaintenanceWording.lock(LockMode.ACCESS_EXCLUSIVE)
                + " briefly";
        String fix = "-- create the policies first (or in the same transaction, before COMMIT), then switch it on:\n"
                + "CREATE POLICY " + MaintenanceWording.identifier(alter.table().name() + "_access") + " ON " + table
                + " USING (<which rows a role may see>);\n"
                + "ALTER TABLE " + table + " " + rls.text() + ";";
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix);
    }
}
