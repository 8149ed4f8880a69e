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
 * {@code ALTER TABLE p DETACH PARTITION c} takes ACCESS EXCLUSIVE on the partitioned table (every partition
 * of it), on the partition and on the DEFAULT partition if there is one. PostgreSQL 14 added
 * {@code DETACH … CONCURRENTLY} (SHARE UPDATE EXCLUSIVE on the parent; not in a transaction block, not when
 * a DEFAULT partition exists); on 12 and 13 {@code CONCURRENTLY} and {@code FINALIZE} are syntax errors,
 * reported whatever the table. On 12 and 13 the plain form with a {@code lock_timeout} in effect is the best
 * there is and is not reported. Partitioned tables created earlier in the linted migrations are exempt.
 */
final class DetachPartitionBlocking extends AbstractRule {

    private static final int CONCURRENTLY_SINCE = 14;

    DetachPartitionBlocking() {
        super("detach-partition-blocking", Severity.WARNING,
                "DETACH PARTITION without CONCURRENTLY takes ACCESS EXCLUSIVE on the partitioned table, blocking"
                        + " reads and writes of every partition.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (!(action instanceof AlterTableAction.DetachPartition detach)) {
                continue;
            }
            if (detach.concurrently() || detach.finalizeDetach()) {
                if (context.pgVersion() < CONCURRENTLY_SINCE) {
                    findings.add(unsupported(context, alter, detach));
                }
            } else if (context.isLiveTable(alter.table())
                    && (context.pgVersion() >= CONCURRENTLY_SINCE || !context.lockTimeoutSet())) {
                findings.add(blocking(context, alter, detach));
            }
        }
        return findings;
    }

    private static Finding unsupported(StatementContext context, Statement.AlterTable alter,
            AlterTableAction.DetachPartition detach) {
        String word = detach.finalizeDetach() ? "FINALIZE" : "CONCURRENTLY";
        String message = "ALTER TABLE " + alter.table().display() + " DETACH PARTITION "
                + detach.partition().display() + " " + word + " fails on PostgreSQL " + context.pgVersion()
                + " with a syntax error: DETACH PARTITION … " + word + " exists since PostgreSQL 14";
        return Finding.of(message, LockMode.NONE, TableImpact.NONE, plainWithLockTimeout(context, alter, detach));
    }

    private static Finding blocking(StatementContext context, Statement.AlterTable alter,
            AlterTableAction.DetachPartition detach) {
        String parent = alter.table().display();
        String partition = detach.partition().display();
        String message = "ALTER TABLE " + parent + " DETACH PARTITION " + partition + " takes "
                + MaintenanceWording.lock(LockMode.ACCESS_EXCLUSIVE) + " on " + parent + " (all of its partitions), on "
                + partition + " and on the DEFAULT partition if there is one; it waits for every running query on "
                + parent + ", and all new ones queue behind it";
        String fix;
        if (context.pgVersion() >= CONCURRENTLY_SINCE) {
            fix = "-- " + MaintenanceWording.OUTSIDE_TRANSACTION + ":\n"
                    + "ALTER TABLE " + parent + " DETACH PARTITION " + partition + " CONCURRENTLY;\n"
                    + "-- takes SHARE UPDATE EXCLUSIVE on " + parent + ": reads and writes go on; not possible while "
                    + parent + " has a DEFAULT partition (then keep the plain form with lock_timeout);\n"
                    + "-- if it is interrupted, complete it with: ALTER TABLE " + parent + " DETACH PARTITION "
                    + partition + " FINALIZE;";
        } else {
            fix = plainWithLockTimeout(context, alter, detach);
        }
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix);
    }

    private static String plainWithLockTimeout(StatementContext context, Statement.AlterTable alter,
            AlterTableAction.DetachPartition detach) {
        return "-- PostgreSQL " + context.pgVersion() + " has no DETACH … CONCURRENTLY: bound the wait and retry if it"
                + " times out\n"
                + "SET lock_timeout = '2s';\n"
                + "ALTER TABLE " + alter.table().display() + " DETACH PARTITION " + detach.partition().display() + ";";
    }
}
