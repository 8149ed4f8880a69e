package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A statement that takes ACCESS EXCLUSIVE on a live table while its transaction (or the statement itself)
 * already holds ACCESS EXCLUSIVE on another live table: all of them stay unreadable until {@code COMMIT},
 * the transaction waits for each next lock while holding the others (the outage spreads), and application
 * transactions that touch the tables in another order can deadlock with it.
 *
 * <p>Counted: tables, views and materialized views by name, and indexes whose table the migration created
 * earlier. An index whose table is unknown is not counted (it may be on a table already counted).
 */
final class AccessExclusiveOnManyTables extends AbstractRule {

    static final String ID = "access-exclusive-on-many-tables";

    AccessExclusiveOnManyTables() {
        super(ID, Severity.WARNING,
                "One transaction should take ACCESS EXCLUSIVE on at most one live table: with several, the outage "
                        + "spreads and deadlocks with the application become possible.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        Statement statement = context.statement();
        List<Statement> transaction = context.earlierInTransaction();
        List<Locked> current = exclusive(StatementLocks.of(context), statement, transaction, List.of(), context);
        if (current.isEmpty()) {
            return List.of();
        }
        List<Locked> all = new ArrayList<>();
        List<Statement> run = context.earlierInRun();
        for (int i = 0; i < transaction.size(); i++) {
            Statement earlier = transaction.get(i);
            for (Locked locked : exclusive(StatementLocks.of(earlier, context.pgVersion(), run), earlier,
                    transaction.subList(0, i), transaction.subList(i + 1, transaction.size()), context)) {
                addDistinct(all, locked);
            }
        }
        int before = all.size();
        List<Locked> added = new ArrayList<>();
        for (Locked locked : current) {
            if (addDistinct(all, locked)) {
                added.add(locked);
            }
        }
        if (added.isEmpty() || all.size() < 2) {
            return List.of();
        }
        String addedNames = added.stream().map(l -> l.table.display()).collect(Collectors.joining(", "));
        String allNames = all.stream().map(l -> l.table.display()).collect(Collectors.joining(", "));
        String scope = before == 0 ? "this statement holds" : "this transaction now holds";
        String message = StatementWording.label(statement) + " takes ACCESS EXCLUSIVE on " + addedNames + ", so " + scope
                + " ACCESS EXCLUSIVE on " + all.size() + " live tables (" + allNames + "), which "
                + LockMode.ACCESS_EXCLUSIVE.blockedDescription() + " of all of them until COMMIT; waiting for each "
                + "next lock while holding the others spreads the outage, and application transactions that use the "
                + "tables in another order can deadlock with it";
        return List.of(Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix(context, all)));
    }

    /**
     * The live tables {@code locks} holds ACCESS EXCLUSIVE on, each under the name it had before the renames in
     * {@code before}; {@code since} are the statements after the one that took the locks.
     */
    private static List<Locked> exclusive(List<TableLock> locks, Statement by, List<Statement> before,
            List<Statement> since, StatementContext context) {
        List<Locked> tables = new ArrayList<>();
        for (TableLock lock : locks) {
            Optional<QualifiedName> table = lock.lockedTable();
            if (lock.mode() == LockMode.ACCESS_EXCLUSIVE && table.isPresent()
                    && StatementLocks.wasLive(lock, context, since)) {
                addDistinct(tables, new Locked(StatementLocks.originalName(table.get(), before), by));
            }
        }
        return tables;
    }

    private static boolean addDistinct(List<Locked> tables, Locked locked) {
        for (Locked existing : tables) {
            if (existing.table.sameObjectAs(locked.table)) {
                return false;
            }
        }
        tables.add(locked);
        return true;
    }

    private static String fix(StatementContext context, List<Locked> all) {
        StringBuilder fix = new StringBuilder("-- one table per transaction");
        fix.append(context.toolTransaction() ? " (one migration file each):\n" : ":\n");
        String separator = context.toolTransaction() ? "-- next migration file\n"
                : context.inTransaction() ? "COMMIT;\nBEGIN;\n" : "";
        List<String> steps = new ArrayList<>();
        for (Locked locked : all) {
            String step = perTable(locked.by, locked.table).orElse(StatementWording.terminated(locked.by));
            if (!steps.contains(step)) {
                steps.add(step);
            }
        }
        fix.append(String.join("\n" + separator, steps)).append('\n');
        String ordered = all.stream().map(l -> l.table).sorted(Comparator.comparing(QualifiedName::display))
                .map(QualifiedName::display).collect(Collectors.joining(", "));
        fix.append("-- if they must change together, take every lock up front, always in the same order:\n");
        if (!context.inTransaction()) {
            fix.append("BEGIN;\n");
        }
        fix.append("SET LOCAL lock_timeout = '2s';\n")
                .append("LOCK TABLE ").append(ordered).append(" IN ACCESS EXCLUSIVE MODE;");
        return fix.toString();
    }

    /** The statement cut down to one of its tables, for the statements that list several. */
    private static Optional<String> perTable(Statement statement, QualifiedName table) {
        if (statement instanceof Statement.Truncate truncate && truncate.tables().size() > 1) {
            return Optional.of("TRUNCATE " + table.display() + (truncate.cascade() ? " CASCADE;" : ";"));
        }
        if (statement instanceof Statement.Drop drop && drop.names().size() > 1) {
            return Optional.of("DROP " + StatementWording.kindWords(drop.kind()) + (drop.ifExists() ? " IF EXISTS " : " ")
                    + table.display() + (drop.cascade() ? " CASCADE;" : ";"));
        }
        if (statement instanceof Statement.LockTable lock && lock.tables().size() > 1) {
            return Optional.of("LOCK TABLE " + table.display() + " IN " + lock.mode().sqlName() + " MODE;");
        }
        if (statement instanceof Statement.Vacuum vacuum && vacuum.tables().size() > 1) {
            return Optional.of("VACUUM " + (vacuum.full() ? "FULL " : "") + table.display() + ";");
        }
        return Optional.empty();
    }

    private record Locked(QualifiedName table, Statement by) {
    }
}
