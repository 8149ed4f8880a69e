package dev.dbops.lint;

/** What a statement does to the rows of a table, beyond taking a lock; ordered from cheapest to costliest. */
public enum TableImpact {

    /** Catalog-only: no row is read or written. */
    NONE("no scan, no rewrite"),
    /** Reads every row once (validation of a constraint, NOT NULL check). */
    SCAN("scans the whole table"),
    /** Reads every row and builds an index from them. */
    INDEX_BUILD("builds an index from the whole table"),
    /** Writes every row (a backfill UPDATE, a table-wide DELETE). */
    WRITE_ALL_ROWS("writes every row"),
    /** Rewrites the table and rebuilds all of its indexes. */
    REWRITE("rewrites the table and its indexes");

    private final String description;

    TableImpact(String description) {
        this.description = description;
    }

    /** The impact in words for messages, e.g. "rewrites the table and its indexes". */
    public String description() {
        return description;
    }
}
