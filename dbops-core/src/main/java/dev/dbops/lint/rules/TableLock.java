package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.StatementContext;
import dev.dbops.sql.QualifiedName;
import java.util.Objects;
import java.util.Optional;

/**
 * One table-level lock a statement takes, as {@link StatementLocks} reports it.
 *
 * @param relation the relation as the statement names it (for {@code INDEX}/{@code TABLE_OF_INDEX}: the index)
 * @param target what the lock is on
 * @param mode the lock mode
 * @param table the table the lock concerns, when known (for an index, its table if the migration created it)
 */
record TableLock(QualifiedName relation, Target target, LockMode mode, Optional<QualifiedName> table) {

    /** What kind of relation a lock is on. */
    enum Target {
        /** A table (or a relation of unknown kind named as one). */
        TABLE,
        /** A view. */
        VIEW,
        /** A materialized view: never written by the application, so only read-blocking locks matter. */
        MATERIALIZED_VIEW,
        /** One index; the planner locks every index of a table, so ACCESS EXCLUSIVE on it stalls all queries. */
        INDEX,
        /** Every index of the table {@code relation}, e.g. during {@code REINDEX TABLE}. */
        INDEXES_OF_TABLE,
        /** The table of the index {@code relation}, when the statement names only the index. */
        TABLE_OF_INDEX
    }

    /** Validates the parts. */
    TableLock {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(table, "table");
    }

    /** A lock on {@code relation}; for an index target the table is not known yet. */
    static TableLock on(QualifiedName relation, Target target, LockMode mode) {
        boolean indexOnly = target == Target.INDEX || target == Target.TABLE_OF_INDEX;
        return new TableLock(relation, target, mode, indexOnly ? Optional.empty() : Optional.of(relation));
    }

    /** The relation in words for messages, e.g. {@code orders} or {@code the table of index orders_idx}. */
    String describe() {
        switch (target) {
            case INDEX:
                return "index " + relation.display();
            case INDEXES_OF_TABLE:
                return "the indexes of " + relation.display();
            case TABLE_OF_INDEX:
                return table.map(QualifiedName::display).orElse("the table of index " + relation.display());
            case VIEW:
                return "view " + relation.display();
            case MATERIALIZED_VIEW:
                return "materialized view " + relation.display();
            default:
                return relation.display();
        }
    }

    /**
     * Whether the lock, held or queued for, stalls the application: reads, or writes of something the
     * application writes. ACCESS EXCLUSIVE on an index stalls every query on its table, because the
     * planner locks all of a table's indexes.
     */
    boolean blocksApplication() {
        switch (target) {
            case TABLE:
            case TABLE_OF_INDEX:
                return mode.blocksWrites();
            default:
                return mode.blocksReads();
        }
    }

    /** What the application feels, for messages: {@link LockMode#blockedDescription()}. */
    String blocked() {
        if ((target == Target.INDEX || target == Target.INDEXES_OF_TABLE) && mode.blocksReads()) {
            return "blocks every query on the table, because the planner locks all its indexes";
        }
        return mode.blockedDescription();
    }

    /**
     * Whether the lock is on a relation the application may be using: one that earlier pending
     * migrations did not create. An index whose table is unknown counts as live.
     */
    boolean isLive(StatementContext context) {
        return table.map(context::isLiveTable).orElse(true);
    }

    /** The table this lock keeps others from, when it names one (an unresolved index's table does not). */
    Optional<QualifiedName> lockedTable() {
        if (target == Target.INDEX || target == Target.TABLE_OF_INDEX || target == Target.INDEXES_OF_TABLE) {
            return table;
        }
        return Optional.of(relation);
    }
}
