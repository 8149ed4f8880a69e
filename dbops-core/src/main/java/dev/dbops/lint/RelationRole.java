package dev.dbops.lint;

/** What kind of relation a declared lock or piece of work is on, as the statement names it. */
public enum RelationRole {

    /** A table (or a relation of unknown kind named as one). */
    TABLE,
    /** A view. */
    VIEW,
    /** A materialized view. */
    MATERIALIZED_VIEW,
    /** One index, named by the statement. */
    INDEX,
    /** Every index of the table the statement names, e.g. during {@code REINDEX TABLE}. */
    INDEXES_OF_TABLE,
    /** The table of the index the statement names, e.g. for {@code DROP INDEX}. */
    TABLE_OF_INDEX
}
