package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A statement that takes a lock blocking the application's reads or writes (SHARE or stronger; on
 * views, indexes and materialized views: ACCESS EXCLUSIVE) on a live relation while no
 * {@code lock_timeout} is in effect. While such a lock request waits behind a long-running transaction it
 * sits in the lock queue, and every later conflicting query on the relation queues behind it.
 *
 * <p>Not reported: tables created by the pending migrations; {@code LOCK … NOWAIT}; the
 * {@code CONCURRENTLY} forms, whose SHARE UPDATE EXCLUSIVE does not block the application and whose
 * waits for older transactions are part of the work (a {@code lock_timeout} aborting them half-way
 * leaves an INVALID index or a partition pending detach).
 */
final class RequireLockTimeout extends AbstractRule {

    static final String ID = "require-lock-timeout";

    RequireLockTimeout() {
        super(ID, Severity.WARNING,
                "A lock that blocks the application must be taken with lock_timeout set, so that waiting for it "
                        + "cannot stall every query on the table.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        Statement statement = context.statement();
        if (context.lockTimeoutSet() || StatementLocks.isConcurrent(statement)
                || (statement instanceof Statement.LockTable lock && lock.nowait())) {
            return List.of();
        }
        List<TableLock> blocking = new ArrayList<>();
        for (TableLock lock : StatementLocks.onLiveRelations(context)) {
            if (lock.blocksApplication()) {
                blocking.add(lock);
            }
        }
        if (blocking.isEmpty()) {
            return List.of();
        }
        LockMode strongest = LockMode.NONE;
        boolean blocksReads = false;
        for (TableLock lock : blocking) {
            strongest = strongest.max(lock.mode());
            blocksReads |= lock.mode().blocksReads();
        }
        String locks = blocking.stream()
                .map(lock -> lock.mode().sqlName() + " on " + lock.describe() + " (" + lock.blocked() + ")")
                .collect(Collectors.joining(" and "));
        String relations = blocking.stream().map(TableLock::describe).collect(Collectors.joining(" and "));
        String message = StatementWording.label(statement) + " takes " + locks + " with no lock_timeout set: while it "
                + "waits for a long-running transaction to finish, every later " + (blocksReads ? "query on " : "write to ")
                + relations + " queues behind it, for as long as it waits";
        return List.of(Finding.of(message, strongest, TableImpact.NONE, fix(context)));
    }

    private static String fix(StatementContext context) {
        String set = context.inTransaction() ? "SET LOCAL lock_timeout = '2s';" : "SET lock_timeout = '2s';";
        return set + "\n" + StatementWording.terminated(context.statement()) + "\n"
                + "-- if it fails with SQLSTATE 55P03 (lock_not_available) it changed nothing: retry later.\n"
                + "-- Or set it once for every migration: ALTER ROLE <migration_role> SET lock_timeout = '2s';";
    }
}
