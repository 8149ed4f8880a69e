package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.rules.WholeTableWork.Work;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A statement that runs in a transaction which already holds ACCESS EXCLUSIVE on a live relation, and that
 * makes the transaction last: it waits for another lock on a live table, works through the rows of a live
 * table, changes data of a live table, or runs code dbops cannot see. ACCESS EXCLUSIVE is held until
 * {@code COMMIT}, so the relation stays unreadable for all that time.
 *
 * <p>Severity: WARNING, and ERROR when the later statement scans, rewrites, builds an index on or writes every
 * row of a live table while the lock is held.
 *
 * <p>Not reported: {@code SET}, transaction control, and catalog-only statements on the relation already
 * locked or on new tables (combining those is {@code multiple-alter-same-table}'s advice).
 */
final class StatementsAfterAccessExclusive extends AbstractRule {

    static final String ID = "statements-after-access-exclusive";

    StatementsAfterAccessExclusive() {
        super(ID, Severity.WARNING,
                "A transaction that took ACCESS EXCLUSIVE on a live table should commit right away: every later "
                        + "statement keeps the table unreadable until COMMIT.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        Statement statement = context.statement();
        if (!context.inTransaction() || statement instanceof Statement.TransactionControl
                || statement instanceof Statement.SetParameter) {
            return List.of();
        }
        List<Held> held = held(context);
        if (held.isEmpty()) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        TableImpact impact = TableImpact.NONE;
        for (TableLock lock : StatementLocks.onLiveRelations(context)) {
            Optional<QualifiedName> table = lock.lockedTable();
            if (lock.mode().compareTo(LockMode.SHARE_UPDATE_EXCLUSIVE) >= 0 && table.isPresent()
                    && !isHeld(held, StatementLocks.originalName(table.get(), context.earlierInTransaction()))) {
                reasons.add("waits for " + lock.mode().sqlName() + " on " + lock.describe()
                        + ", behind whatever transaction holds a conflicting lock there");
            }
        }
        List<Work> work = WholeTableWork.onLiveRelations(context);
        for (Work piece : work) {
            reasons.add(piece.summary());
            if (piece.impact().compareTo(impact) > 0) {
                impact = piece.impact();
            }
        }
        if (work.isEmpty() && statement instanceof Statement.DataChange change && context.isLiveTable(change.table())) {
            reasons.add("changes rows of " + change.table().display());
        }
        if (StatementWording.runsUnknownCode(statement)) {
            reasons.add("runs " + StatementWording.firstWord(statement) + ", which may read tables or call functions "
                    + "that take long or take more locks");
        }
        if (statement instanceof Statement.DoBlock block && !block.fullyInspected()) {
            reasons.add("runs a DO block dbops could not fully inspect");
        }
        if (reasons.isEmpty()) {
            return List.of();
        }
        Held first = held.get(0);
        String locked = held.stream().map(h -> h.lock.describe()).collect(Collectors.joining(", "));
        String message = StatementWording.label(statement) + " runs while this transaction holds ACCESS EXCLUSIVE on "
                + locked + " (taken by " + StatementWording.summary(first.by) + "), which "
                + LockMode.ACCESS_EXCLUSIVE.blockedDescription() + " until COMMIT: it " + String.join("; it ", reasons);
        Finding finding = Finding.of(message, LockMode.ACCESS_EXCLUSIVE, impact, fix(context, first.by));
        // Whole-table work under a held ACCESS EXCLUSIVE keeps a live table unreadable for as long as it runs.
        return List.of(impact == TableImpact.NONE ? finding : finding.withSeverity(Severity.ERROR));
    }

    private static List<Held> held(StatementContext context) {
        List<Held> held = new ArrayList<>();
        List<Statement> run = context.earlierInRun();
        List<Statement> transaction = context.earlierInTransaction();
        for (int i = 0; i < transaction.size(); i++) {
            Statement earlier = transaction.get(i);
            for (TableLock lock : StatementLocks.of(earlier, context.pgVersion(), run)) {
                if (lock.mode() == LockMode.ACCESS_EXCLUSIVE && !alreadyHeld(held, lock)
                        && StatementLocks.wasLive(lock, context, transaction.subList(i + 1, transaction.size()))) {
                    held.add(new Held(renamedBack(lock, transaction.subList(0, i)), earlier));
                }
            }
        }
        return held;
    }

    /** The lock under the name its table had before the renames in {@code before}. */
    private static TableLock renamedBack(TableLock lock, List<Statement> before) {
        if (lock.lockedTable().isEmpty()) {
            return lock;
        }
        QualifiedName original = StatementLocks.originalName(lock.lockedTable().get(), before);
        if (original.equals(lock.lockedTable().get())) {
            return lock;
        }
        return new TableLock(original, lock.target() == TableLock.Target.TABLE_OF_INDEX
                ? TableLock.Target.TABLE : lock.target(), lock.mode(), Optional.of(original));
    }

    private static boolean alreadyHeld(List<Held> held, TableLock lock) {
        for (Held h : held) {
            if (h.lock.target() == lock.target() && h.lock.relation().sameObjectAs(lock.relation())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isHeld(List<Held> held, QualifiedName table) {
        for (Held h : held) {
            Optional<QualifiedName> heldTable = h.lock.lockedTable();
            if (heldTable.isPresent() && heldTable.get().sameObjectAs(table)) {
                return true;
            }
        }
        return false;
    }

    private static String fix(StatementContext context, Statement holder) {
        if (context.toolTransaction()) {
            return "-- end this migration with the statement that takes ACCESS EXCLUSIVE:\n"
                    + StatementWording.terminated(holder) + "\n"
                    + "-- and move this statement into the next migration file (its own transaction):\n"
                    + StatementWording.terminated(context.statement());
        }
        return StatementWording.terminated(holder) + "\nCOMMIT;  -- releases the ACCESS EXCLUSIVE lock\nBEGIN;\n"
                + StatementWording.terminated(context.statement());
    }

    private record Held(TableLock lock, Statement by) {
    }
}
