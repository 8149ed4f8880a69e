package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.rules.TableLock.Target;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The table-level locks a statement takes, and on which relations, per the PostgreSQL documentation
 * ("Explicit Locking", and the lock level of each {@code ALTER TABLE} subcommand as
 * {@code AlterTableGetLockLevel} assigns it). The relation a statement creates is not listed: nobody can
 * be waiting for it. Statements inside a {@code DO} block are listed by the linter on their own, so the
 * block itself takes nothing here.
 *
 * <p>Relations the statement does not name are known only when earlier statements of the run declared
 * them: the tables behind {@code DROP SCHEMA … CASCADE}, the tables at the other end of the foreign keys a
 * {@code DROP TABLE} removes, the tables checked for {@code ALTER DOMAIN … ADD CONSTRAINT} (all three found
 * missing by the lock trace's catalogue check). Known gaps, because neither the statement nor the run says:
 * {@code TRUNCATE … CASCADE}, {@code VACUUM}/{@code CLUSTER} without a table, partitions an
 * {@code ALTER TABLE} recurses to, the DEFAULT partition of {@code ATTACH PARTITION}, the parent of
 * {@code CREATE TABLE … INHERITS} (the model does not carry it).
 */
final class StatementLocks {

    private StatementLocks() {
    }

    /** The locks {@code context}'s statement takes, with indexes created earlier in the run resolved to their tables. */
    static List<TableLock> of(StatementContext context) {
        return of(context.statement(), context.pgVersion(), context.earlierInRun());
    }

    /** The locks of {@code context}'s statement on relations the application may be using. */
    static List<TableLock> onLiveRelations(StatementContext context) {
        return of(context).stream().filter(lock -> lock.isLive(context)).toList();
    }

    /** The strongest lock {@code context}'s statement takes on a live relation, {@link LockMode#NONE} when none. */
    static LockMode strongestOnLive(StatementContext context) {
        LockMode strongest = LockMode.NONE;
        for (TableLock lock : onLiveRelations(context)) {
            strongest = strongest.max(lock.mode());
        }
        return strongest;
    }

    /** The locks {@code statement} takes on PostgreSQL {@code pgVersion}, index tables unresolved. */
    static List<TableLock> of(Statement statement, int pgVersion) {
        return of(statement, pgVersion, List.of());
    }

    /**
     * The locks {@code statement} takes on PostgreSQL {@code pgVersion}; an index named by a
     * {@code CREATE INDEX} among {@code earlier} is resolved to its table.
     */
    static List<TableLock> of(Statement statement, int pgVersion, List<Statement> earlier) {
        Locks locks = new Locks();
        collect(statement, pgVersion, locks);
        collectUnnamed(statement, earlier, locks);
        List<TableLock> resolved = new ArrayList<>();
        for (TableLock lock : locks.list) {
            resolved.add(resolve(lock, earlier));
        }
        return merge(resolved);
    }

    /**
     * Whether the statement is one of the {@code CONCURRENTLY} forms, which wait for older transactions
     * as part of their work (a short {@code lock_timeout} or {@code statement_timeout} aborts them
     * half-done) and never block the application's reads and writes of the table while they wait.
     */
    static boolean isConcurrent(Statement statement) {
        if (statement instanceof Statement.CreateIndex create) {
            return create.concurrently();
        }
        if (statement instanceof Statement.Drop drop) {
            return drop.concurrently();
        }
        if (statement instanceof Statement.Reindex reindex) {
            return reindex.concurrently();
        }
        if (statement instanceof Statement.RefreshMaterializedView refresh) {
            return refresh.concurrently();
        }
        if (statement instanceof Statement.AlterTable alter) {
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.DetachPartition detach && detach.concurrently()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a lock an earlier statement took is on a live relation: {@link TableLock#isLive}, except that a
     * relation created under the same name by one of the {@code since} statements (those after the one that
     * took the lock) is a different object — e.g. the view that replaces a renamed table.
     */
    static boolean wasLive(TableLock lock, StatementContext context, List<Statement> since) {
        if (lock.isLive(context)) {
            return true;
        }
        QualifiedName table = lock.table().orElseThrow();
        for (Statement statement : since) {
            if (statement instanceof Statement.CreateTable create && create.table().sameObjectAs(table)
                    || statement instanceof Statement.CreateView view && view.view().sameObjectAs(table)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name {@code table} had before any {@code ALTER TABLE … RENAME TO} among {@code before} gave it its
     * current one, so that the old and the new name count as one table.
     */
    static QualifiedName originalName(QualifiedName table, List<Statement> before) {
        QualifiedName name = table;
        for (int i = before.size() - 1; i >= 0; i--) {
            if (before.get(i) instanceof Statement.AlterTable alter) {
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.RenameTable rename
                            && new QualifiedName(alter.table().schema(), rename.to()).sameObjectAs(name)) {
                        name = alter.table();
                    }
                }
            }
        }
        return name;
    }

    private static void collect(Statement statement, int pgVersion, Locks locks) {
        if (statement instanceof Statement.CreateTable create) {
            collectCreateTable(create, locks);
        } else if (statement instanceof Statement.AlterTable alter) {
            for (AlterTableAction action : alter.actions()) {
                collectAlterAction(alter.table(), action, pgVersion, locks);
            }
        } else if (statement instanceof Statement.CreateIndex create) {
            locks.add(create.table(), Target.TABLE,
                    create.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE);
        } else if (statement instanceof Statement.Drop drop) {
            collectDrop(drop, locks);
        } else if (statement instanceof Statement.Reindex reindex) {
            collectReindex(reindex, locks);
        } else if (statement instanceof Statement.CreateView view) {
            if (view.orReplace()) {
                locks.add(view.view(), Target.VIEW, LockMode.ACCESS_EXCLUSIVE);
            }
        } else if (statement instanceof Statement.RefreshMaterializedView refresh) {
            locks.add(refresh.view(), Target.MATERIALIZED_VIEW,
                    refresh.concurrently() ? LockMode.EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE);
        } else if (statement instanceof Statement.CreateTrigger trigger) {
            locks.add(trigger.table(), Target.TABLE, LockMode.SHARE_ROW_EXCLUSIVE);
        } else if (statement instanceof Statement.LockTable lock) {
            for (QualifiedName table : lock.tables()) {
                locks.add(table, Target.TABLE, lock.mode());
            }
        } else if (statement instanceof Statement.Vacuum vacuum) {
            for (QualifiedName table : vacuum.tables()) {
                locks.add(table, Target.TABLE,
                        vacuum.full() ? LockMode.ACCESS_EXCLUSIVE : LockMode.SHARE_UPDATE_EXCLUSIVE);
            }
        } else if (statement instanceof Statement.Cluster cluster) {
            cluster.table().ifPresent(table -> locks.add(table, Target.TABLE, LockMode.ACCESS_EXCLUSIVE));
        } else if (statement instanceof Statement.Truncate truncate) {
            for (QualifiedName table : truncate.tables()) {
                locks.add(table, Target.TABLE, LockMode.ACCESS_EXCLUSIVE);
            }
        } else if (statement instanceof Statement.DataChange change) {
            locks.add(change.table(), Target.TABLE, LockMode.ROW_EXCLUSIVE);
        }
    }

    /**
     * Locks on relations the statement does not name but earlier statements of the run connect it to: dropping
     * a table drops the foreign keys to and from it, which takes ACCESS EXCLUSIVE on the tables at their other
     * end; dropping a schema with CASCADE drops its tables; a domain constraint is checked under SHARE on every
     * table with a column of the domain.
     */
    private static void collectUnnamed(Statement statement, List<Statement> earlier, Locks locks) {
        if (statement instanceof Statement.Drop drop && drop.kind() == Statement.ObjectKind.TABLE) {
            for (QualifiedName table : drop.names()) {
                EarlierDeclarations.foreignKeyPartners(table, earlier).forEach(partner -> locks.add(partner,
                        Target.TABLE, LockMode.ACCESS_EXCLUSIVE));
            }
        } else if (statement instanceof Statement.Drop drop && drop.kind() == Statement.ObjectKind.SCHEMA
                && drop.cascade()) {
            for (QualifiedName schema : drop.names()) {
                EarlierDeclarations.tablesIn(schema.name(), earlier).forEach(table -> locks.add(table, Target.TABLE,
                        LockMode.ACCESS_EXCLUSIVE));
            }
        } else if (statement instanceof Statement.AlterDomain domain && WholeTableWork.validatesDomain(domain)) {
            EarlierDeclarations.tablesUsing(domain.domain(), earlier).forEach(table -> locks.add(table, Target.TABLE,
                    LockMode.SHARE));
        }
    }

    private static void collectCreateTable(Statement.CreateTable create, Locks locks) {
        // The new table itself is invisible to everyone else; the tables it points at are not.
        create.partitionOf().ifPresent(parent -> locks.add(parent, Target.TABLE, LockMode.ACCESS_EXCLUSIVE));
        for (QualifiedName like : create.likeTables()) {
            locks.add(like, Target.TABLE, LockMode.ACCESS_SHARE);
        }
        for (ColumnDefinition column : create.columns()) {
            column.references().ifPresent(reference -> addReferenced(create.table(), reference.table(), locks));
        }
        for (TableConstraint constraint : create.constraints()) {
            constraint.references().ifPresent(reference -> addReferenced(create.table(), reference.table(), locks));
        }
    }

    private static void addReferenced(QualifiedName table, QualifiedName referenced, Locks locks) {
        if (!referenced.sameObjectAs(table)) {
            // ADD FOREIGN KEY creates triggers on the referenced table too: SHARE ROW EXCLUSIVE there.
            locks.add(referenced, Target.TABLE, LockMode.SHARE_ROW_EXCLUSIVE);
        }
    }

    private static void collectAlterAction(QualifiedName table, AlterTableAction action, int pgVersion, Locks locks) {
        locks.add(table, Target.TABLE, AlterTableLockLevel.of(action, pgVersion));
        if (action instanceof AlterTableAction.AddConstraint add) {
            // ADD FOREIGN KEY creates triggers on the referenced table too.
            add.constraint().references().ifPresent(reference -> locks.add(reference.table(), Target.TABLE,
                    LockMode.SHARE_ROW_EXCLUSIVE));
        } else if (action instanceof AlterTableAction.AddColumn add) {
            add.column().references().ifPresent(reference -> addReferenced(table, reference.table(), locks));
        } else if (action instanceof AlterTableAction.AttachPartition attach) {
            locks.add(attach.partition(), Target.TABLE, LockMode.ACCESS_EXCLUSIVE);
        } else if (action instanceof AlterTableAction.DetachPartition detach) {
            // CONCURRENTLY and FINALIZE still end with ACCESS EXCLUSIVE on the partition.
            locks.add(detach.partition(), Target.TABLE, LockMode.ACCESS_EXCLUSIVE);
        }
    }

    private static void collectDrop(Statement.Drop drop, Locks locks) {
        switch (drop.kind()) {
            case TABLE:
                drop.names().forEach(name -> locks.add(name, Target.TABLE, LockMode.ACCESS_EXCLUSIVE));
                break;
            case VIEW:
                drop.names().forEach(name -> locks.add(name, Target.VIEW, LockMode.ACCESS_EXCLUSIVE));
                break;
            case MATERIALIZED_VIEW:
                drop.names().forEach(name -> locks.add(name, Target.MATERIALIZED_VIEW, LockMode.ACCESS_EXCLUSIVE));
                break;
            case INDEX:
                LockMode mode = drop.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
                drop.names().forEach(name -> locks.add(name, Target.TABLE_OF_INDEX, mode));
                break;
            case TRIGGER:
            case POLICY:
            case RULE:
                drop.onTable().ifPresent(table -> locks.add(table, Target.TABLE, LockMode.ACCESS_EXCLUSIVE));
                break;
            default:
                break;
        }
    }

    private static void collectReindex(Statement.Reindex reindex, Locks locks) {
        if (reindex.name().isEmpty()) {
            return;
        }
        QualifiedName name = reindex.name().get();
        if (reindex.target() == Statement.ObjectKind.INDEX) {
            if (reindex.concurrently()) {
                locks.add(name, Target.TABLE_OF_INDEX, LockMode.SHARE_UPDATE_EXCLUSIVE);
            } else {
                locks.add(name, Target.TABLE_OF_INDEX, LockMode.SHARE);
                locks.add(name, Target.INDEX, LockMode.ACCESS_EXCLUSIVE);
            }
        } else if (reindex.target() == Statement.ObjectKind.TABLE) {
            if (reindex.concurrently()) {
                locks.add(name, Target.TABLE, LockMode.SHARE_UPDATE_EXCLUSIVE);
            } else {
                locks.add(name, Target.TABLE, LockMode.SHARE);
                locks.add(name, Target.INDEXES_OF_TABLE, LockMode.ACCESS_EXCLUSIVE);
            }
        }
    }

    private static TableLock resolve(TableLock lock, List<Statement> earlier) {
        if (lock.target() != Target.INDEX && lock.target() != Target.TABLE_OF_INDEX) {
            return lock;
        }
        QualifiedName index = lock.relation();
        for (int i = earlier.size() - 1; i >= 0; i--) {
            if (earlier.get(i) instanceof Statement.CreateIndex create && create.name().isPresent()
                    && create.name().get().equals(index.name())
                    && new QualifiedName(create.table().schema(), index.name()).sameObjectAs(index)) {
                if (lock.target() == Target.TABLE_OF_INDEX) {
                    return TableLock.on(create.table(), Target.TABLE, lock.mode());
                }
                return new TableLock(index, Target.INDEX, lock.mode(), Optional.of(create.table()));
            }
        }
        return lock;
    }

    /** One entry per relation and target, with the strongest mode. */
    private static List<TableLock> merge(List<TableLock> locks) {
        List<TableLock> merged = new ArrayList<>();
        for (TableLock lock : locks) {
            int same = -1;
            for (int i = 0; i < merged.size(); i++) {
                TableLock existing = merged.get(i);
                if (existing.target() == lock.target() && existing.relation().sameObjectAs(lock.relation())) {
                    same = i;
                    break;
                }
            }
            if (same < 0) {
                merged.add(lock);
            } else if (lock.mode().isStrongerThan(merged.get(same).mode())) {
                merged.set(same, lock);
            }
        }
        return List.copyOf(merged);
    }

    private static final class Locks {
        final List<TableLock> list = new ArrayList<>();

        void add(QualifiedName relation, Target target, LockMode mode) {
            list.add(TableLock.on(relation, target, mode));
        }
    }
}
