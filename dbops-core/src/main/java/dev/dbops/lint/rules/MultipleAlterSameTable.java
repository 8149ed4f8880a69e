package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A second {@code ALTER TABLE} on the same live table in one migration, where the two could be one
 * statement: each one queues for ACCESS EXCLUSIVE on its own, and each scan or rewrite reads the table
 * again, while one combined {@code ALTER TABLE} takes the lock once and does all its checks in one pass.
 *
 * <p>Only statements that can really be combined are reported: both take ACCESS EXCLUSIVE (combining an
 * {@code ADD FOREIGN KEY} or a {@code VALIDATE} would raise its lock), neither is a form PostgreSQL runs
 * alone ({@code RENAME}, {@code SET SCHEMA}, {@code ATTACH/DETACH PARTITION}), no statement in between
 * touches the table (an index build, a backfill, code dbops cannot see), and they are not a
 * {@code SET NOT NULL} and a {@code DROP CONSTRAINT} (combined, the constraint is dropped before it can
 * prove the column NOT NULL, and the table is scanned).
 */
final class MultipleAlterSameTable extends AbstractRule {

    static final String ID = "multiple-alter-same-table";

    MultipleAlterSameTable() {
        super(ID, Severity.INFO,
                "Several ALTER TABLE statements on one live table should be one statement: one lock, one pass "
                        + "over the rows.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter)) {
            return List.of();
        }
        List<Statement> earlier = context.earlierInMigration();
        if (StatementWording.isInsideDoBlock(alter, earlier) || context.isNewTable(alter.table())
                || !combinable(alter, context)) {
            return List.of();
        }
        List<Statement.AlterTable> chain = chainBefore(alter, earlier, context);
        if (chain.isEmpty()) {
            return List.of();
        }
        Statement.AlterTable first = chain.get(0);
        String before = chain.size() == 1 ? "the ALTER TABLE" : "the " + chain.size() + " ALTER TABLE statements";
        String message = StatementWording.label(alter) + " can be combined with " + before + " on "
                + alter.table().display() + " before it in this migration (" + StatementWording.summary(first)
                + "): each one queues for ACCESS EXCLUSIVE (" + LockMode.ACCESS_EXCLUSIVE.blockedDescription()
                + ") on its own and reads the table again for its own checks or rewrite; one ALTER TABLE takes the "
                + "lock once and does them in one pass";
        return List.of(Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, combined(chain, alter)));
    }

    /** The ALTER TABLE statements right before {@code alter} on its table that it can be combined with, oldest first. */
    private static List<Statement.AlterTable> chainBefore(Statement.AlterTable alter, List<Statement> earlier,
            StatementContext context) {
        List<Statement.AlterTable> chain = new ArrayList<>();
        List<Statement.AlterTable> group = new ArrayList<>(List.of(alter));
        for (int i = earlier.size() - 1; i >= 0; i--) {
            Statement statement = earlier.get(i);
            List<Statement> before = earlier.subList(0, i);
            if (statement instanceof Statement.SetParameter || statement instanceof Statement.TransactionControl
                    || StatementWording.isInsideDoBlock(statement, before)) {
                continue;
            }
            if (statement instanceof Statement.AlterTable previous && previous.table().sameObjectAs(alter.table())) {
                if (!combinable(previous, context) || conflicts(previous, group)) {
                    break;
                }
                chain.add(previous);
                group.add(previous);
                continue;
            }
            if (touches(statement, alter.table(), context)) {
                break;
            }
        }
        Collections.reverse(chain);
        return chain;
    }

    private static boolean combinable(Statement.AlterTable alter, StatementContext context) {
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.RenameColumn || action instanceof AlterTableAction.RenameTable
                    || action instanceof AlterTableAction.RenameConstraint || action instanceof AlterTableAction.SetSchema
                    || action instanceof AlterTableAction.AttachPartition
                    || action instanceof AlterTableAction.DetachPartition) {
                return false;
            }
        }
        for (TableLock lock : StatementLocks.of(alter, context.pgVersion())) {
            if (lock.relation().sameObjectAs(alter.table()) && lock.mode() != LockMode.ACCESS_EXCLUSIVE) {
                return false;
            }
        }
        return true;
    }

    private static boolean conflicts(Statement.AlterTable candidate, List<Statement.AlterTable> group) {
        List<Statement.AlterTable> all = new ArrayList<>(group);
        all.add(candidate);
        boolean setsNotNull = false;
        boolean dropsConstraint = false;
        for (Statement.AlterTable alter : all) {
            for (AlterTableAction action : alter.actions()) {
                setsNotNull |= action instanceof AlterTableAction.SetNotNull;
                dropsConstraint |= action instanceof AlterTableAction.DropConstraint;
            }
        }
        return setsNotNull && dropsConstraint;
    }

    /** Whether a statement between two ALTER TABLEs uses the table, so that the second cannot move up to the first. */
    private static boolean touches(Statement statement, QualifiedName table, StatementContext context) {
        if (statement instanceof Statement.Unparsed || statement instanceof Statement.DoBlock) {
            return true;
        }
        if (statement instanceof Statement.Other) {
            return StatementWording.runsUnknownCode(statement);
        }
        for (TableLock lock : StatementLocks.of(statement, context.pgVersion())) {
            Optional<QualifiedName> locked = lock.lockedTable();
            if (locked.isEmpty() || locked.get().sameObjectAs(table)) {
                return true;
            }
        }
        return false;
    }

    private static String combined(List<Statement.AlterTable> chain, Statement.AlterTable alter) {
        StringBuilder sql = new StringBuilder("ALTER TABLE ");
        if (chain.get(0).ifExists()) {
            sql.append("IF EXISTS ");
        }
        sql.append(chain.get(0).table().display());
        List<Statement.AlterTable> all = new ArrayList<>(chain);
        all.add(alter);
        String separator = "\n    ";
        for (Statement.AlterTable statement : all) {
            for (AlterTableAction action : statement.actions()) {
                sql.append(separator).append(action.text().strip());
                separator = ",\n    ";
            }
        }
        return sql.append(';').toString();
    }
}
