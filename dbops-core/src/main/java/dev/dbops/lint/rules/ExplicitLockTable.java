package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code LOCK TABLE} takes the mode it names ({@code ACCESS EXCLUSIVE} when none is named) and holds it
 * until the transaction ends, across every later statement of the migration. Modes that block neither
 * reads nor writes (up to SHARE UPDATE EXCLUSIVE) are not reported; nor are tables created earlier in the
 * linted migrations. Outside a transaction block the statement fails, whatever the mode and the table.
 */
final class ExplicitLockTable extends AbstractRule {

    ExplicitLockTable() {
        super("explicit-lock-table", Severity.WARNING,
                "LOCK TABLE holds the lock it names until the transaction ends; without a mode it is ACCESS EXCLUSIVE.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.LockTable lock)) {
            return List.of();
        }
        String statement = lockStatement(lock.tables(), lock.mode(), lock.nowait());
        if (!context.inTransaction()) {
            String message = "LOCK TABLE " + names(lock.tables()) + " runs outside a transaction block and fails"
                    + " (LOCK TABLE can only be used in transaction blocks)";
            String fix = "BEGIN;\nSET LOCAL lock_timeout = '2s';\n" + statement + ";\n"
                    + "-- … only the statements that need the lock\nCOMMIT;";
            return List.of(Finding.of(message, LockMode.NONE, TableImpact.NONE, fix));
        }
        List<QualifiedName> live = lock.tables().stream().filter(context::isLiveTable).toList();
        if (live.isEmpty() || !lock.mode().blocksWrites()) {
            return List.of();
        }
        boolean modeGiven = ClauseReader.indexOfWord(lock.source().tokens(), 1, "mode") >= 0;
        String message = "LOCK TABLE " + names(live) + (modeGiven ? "" : " names no lock mode, so it") + " takes "
                + MaintenanceWording.lock(lock.mode()) + " on " + names(live)
                + " and holds it until the transaction commits, through every later statement of the migration"
                + (lock.nowait() ? "" : "; while it waits for the lock, every query that conflicts with it queues"
                        + " behind it");
        StringBuilder fix = new StringBuilder();
        if (!context.lockTimeoutSet() && !lock.nowait()) {
            fix.append("SET LOCAL lock_timeout = '2s';  -- give up and retry instead of queueing queries behind the"
                    + " lock\n");
        }
        if (lock.mode() == LockMode.ACCESS_EXCLUSIVE) {
            fix.append("-- if you only need to stop concurrent writes, say so: reads go on\n")
                    .append(lockStatement(live, LockMode.SHARE, lock.nowait())).append(";\n");
        } else {
            fix.append(lockStatement(live, lock.mode(), lock.nowait())).append(";\n");
        }
        fix.append("-- … only the statements that need the lock, then COMMIT at once (one short transaction)");
        return List.of(Finding.of(message, lock.mode(), TableImpact.NONE, fix.toString()));
    }

    private static String lockStatement(List<QualifiedName> tables, LockMode mode, boolean nowait) {
        return "LOCK TABLE " + names(tables) + " IN " + mode.sqlName() + " MODE" + (nowait ? " NOWAIT" : "");
    }

    private static String names(List<QualifiedName> tables) {
        return tables.stream().map(QualifiedName::display).collect(Collectors.joining(", "));
    }
}
