package dev.dbops.schema;

/** The kinds of table constraints, as {@code pg_constraint.contype} records them. */
public enum ConstraintType {
    PRIMARY_KEY,
    UNIQUE,
    CHECK,
    FOREIGN_KEY,
    EXCLUDE;

    /** Whether a unique index backs constraints of this type. */
    public boolean hasIndex() {
        return this == PRIMARY_KEY || this == UNIQUE || this == EXCLUDE;
    }
}
