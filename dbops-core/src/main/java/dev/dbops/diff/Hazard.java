package dev.dbops.diff;

/** Something about a planned statement that deserves a human's attention before it runs in production. */
public enum Hazard {

    /** Data is deleted for good: a dropped table, column, sequence (its position), or enum label. */
    DATA_LOSS("deletes data permanently"),
    /** The whole table (and its indexes) is rewritten while an ACCESS EXCLUSIVE lock is held. */
    TABLE_REWRITE("rewrites the table and its indexes under an ACCESS EXCLUSIVE lock"),
    /** Every row is read once, e.g. to validate a constraint or prove that no NULLs exist. */
    FULL_TABLE_SCAN("reads every row of the table"),
    /** An index is built: slow on large tables, and it uses I/O and maintenance memory. */
    INDEX_BUILD("builds an index"),
    /** An index is dropped: queries that used it may become slow. */
    INDEX_DROPPED("drops an index that queries may rely on"),
    /** An ACCESS EXCLUSIVE lock on an existing relation blocks every read and write while it is held or queued. */
    ACCESS_EXCLUSIVE_LOCK("takes an ACCESS EXCLUSIVE lock: blocks reads and writes, even while waiting"),
    /** A SHARE, SHARE ROW EXCLUSIVE or EXCLUSIVE lock on an existing relation blocks writes while held. */
    BLOCKS_WRITES("takes a lock that blocks INSERT, UPDATE and DELETE"),
    /** Who may read or change what changes: grants, revokes, row-level security, policies, owners. */
    AUTHZ_CHANGE("changes privileges or row-level security"),
    /** Behaviour can change in ways the schema cannot show: function bodies, replica identity, recreated types. */
    CORRECTNESS("may change application-visible behaviour"),
    /** The statement cannot run inside a transaction block, so a failure leaves the plan half applied. */
    NOT_TRANSACTIONAL("cannot run inside a transaction block");

    private final String description;

    Hazard(String description) {
        this.description = description;
    }

    /** A short description of what the hazard means, e.g. "deletes data permanently". */
    public String description() {
        return description;
    }
}
