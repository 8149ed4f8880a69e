package dev.dbops.trace;

/** What kind of object a lock observed in {@code pg_locks} is on. */
public enum LockedObject {

    /** An ordinary table. */
    TABLE,
    /** A partitioned table. */
    PARTITIONED_TABLE,
    /** An index (of a table or of a partitioned table). */
    INDEX,
    /** A materialized view. */
    MATERIALIZED_VIEW,
    /** A view. */
    VIEW,
    /** A sequence. */
    SEQUENCE,
    /** Another kind of relation (foreign table, composite type). */
    OTHER_RELATION,
    /** A database object that is not a relation: a schema, type, … ({@code locktype = object}). */
    OBJECT,
    /** Anything else: an advisory lock, a tuple, a page, another transaction's id. */
    OTHER;

    /** The kind for a {@code pg_class.relkind}. */
    static LockedObject ofRelkind(String relkind) {
        return switch (relkind) {
            case "r" -> TABLE;
            case "p" -> PARTITIONED_TABLE;
            case "i", "I" -> INDEX;
            case "m" -> MATERIALIZED_VIEW;
            case "v" -> VIEW;
            case "S" -> SEQUENCE;
            default -> OTHER_RELATION;
        };
    }

    /** Whether rows of the application live in it: a table, partitioned table or materialized view. */
    boolean holdsRows() {
        return this == TABLE || this == PARTITIONED_TABLE || this == MATERIALIZED_VIEW;
    }
}
