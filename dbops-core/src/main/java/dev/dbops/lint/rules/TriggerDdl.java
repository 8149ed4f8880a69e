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
import java.util.Locale;

/**
 * {@code CREATE TRIGGER} and {@code ALTER TABLE … ENABLE/DISABLE TRIGGER} take SHARE ROW EXCLUSIVE on the
 * table: writes wait while the statement waits for the lock, and until the transaction ends. Creating or
 * enabling a trigger is reported only while no {@code lock_timeout} is in effect (with one, the lock is
 * brief and bounded); disabling one is always reported, because every session then skips the trigger, and
 * {@code DISABLE TRIGGER ALL} also switches off foreign-key enforcement. Tables created earlier in the
 * linted migrations are exempt.
 */
final class TriggerDdl extends AbstractRule {

    private static final String SRE = MaintenanceWording.lock(LockMode.SHARE_ROW_EXCLUSIVE);

    TriggerDdl() {
        super("trigger-ddl", Severity.WARNING,
                "CREATE TRIGGER and ENABLE/DISABLE TRIGGER take SHARE ROW EXCLUSIVE (writes blocked); DISABLE TRIGGER"
                        + " ALL also turns off foreign-key checks.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (context.statement() instanceof Statement.CreateTrigger create) {
            if (context.isNewTable(create.table()) || context.lockTimeoutSet()) {
                return List.of();
            }
            String table = create.table().display();
            String message = "CREATE TRIGGER " + MaintenanceWording.identifier(create.name()) + " on " + table
                    + " takes " + SRE + " on " + table + " until the transaction commits; without lock_timeout it"
                    + " waits behind every running transaction on " + table + ", and all writes queue behind it";
            return List.of(Finding.of(message, LockMode.SHARE_ROW_EXCLUSIVE, TableImpact.NONE,
                    withLockTimeout(create.source().text())));
        }
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.TriggerToggle toggle) {
                if (!toggle.enable()) {
                    findings.add(disable(alter, toggle));
                } else if (!context.lockTimeoutSet()) {
                    findings.add(enable(alter, toggle));
                }
            }
        }
        return findings;
    }

    private static Finding enable(Statement.AlterTable alter, AlterTableAction.TriggerToggle toggle) {
        String table = alter.table().display();
        String statement = "ALTER TABLE " + table + " " + toggle.text();
        String message = statement + " takes " + SRE + " on " + table + " until the transaction commits; without"
                + " lock_timeout it waits behind every running transaction on " + table
                + ", and all writes queue behind it";
        return Finding.of(message, LockMode.SHARE_ROW_EXCLUSIVE, TableImpact.NONE, withLockTimeout(statement));
    }

    private static Finding disable(Statement.AlterTable alter, AlterTableAction.TriggerToggle toggle) {
        String table = alter.table().display();
        String statement = "ALTER TABLE " + table + " " + toggle.text();
        if (toggle.trigger().equals("ALL")) {
            String message = statement + " also disables the internal foreign-key triggers of " + table
                    + ": rows written meanwhile are not checked against foreign keys, which stay marked valid; it needs"
                    + " superuser and takes " + SRE + " on " + table;
            String fix = "-- disable only user-defined triggers: foreign keys keep being enforced\n"
                    + "SET lock_timeout = '2s';\n"
                    + "ALTER TABLE " + table + " DISABLE TRIGGER USER;";
            return Finding.of(message, LockMode.SHARE_ROW_EXCLUSIVE, TableImpact.NONE, fix);
        }
        String which = toggle.trigger().equals("USER") ? "its user-defined triggers"
                : "trigger " + MaintenanceWording.identifier(toggle.trigger());
        String setting = "app.skip_" + settingWord(toggle.trigger().equals("USER")
                ? alter.table().name() + "_triggers" : toggle.trigger());
        String message = statement + " takes " + SRE + " on " + table + ", and until " + which
                + " is enabled again, every session's writes to " + table + " skip it, not only this migration's";
        String fix = "-- skip the trigger in this session only: let the trigger function return early when\n"
                + "--   current_setting('" + setting + "', true) = 'on'\n"
                + "-- then, in the migration (no table lock, other sessions keep firing it):\n"
                + "SET LOCAL " + setting + " = 'on';";
        return Finding.of(message, LockMode.SHARE_ROW_EXCLUSIVE, TableImpact.NONE, fix);
    }

    private static String settingWord(String name) {
        StringBuilder word = new StringBuilder();
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            word.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '_');
        }
        return word.toString();
    }

    private static String withLockTimeout(String statement) {
        return "-- bound the wait, and retry the migration if it times out:\n"
                + "SET lock_timeout = '2s';\n"
                + statement + ";";
    }
}
