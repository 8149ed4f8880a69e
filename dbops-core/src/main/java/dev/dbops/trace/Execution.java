package dev.dbops.trace;

/** How a traced statement ran with respect to transactions. */
public enum Execution {

    /** Inside the one transaction the migration tool wraps the whole migration in. */
    IN_MIGRATION_TRANSACTION,
    /**
     * In a non-transactional migration, in a transaction of its own (as in autocommit), or in a transaction
     * the script itself opened with {@code BEGIN}.
     */
    OWN_TRANSACTION,
    /**
     * Outside any transaction block, because it cannot run inside one ({@code CREATE INDEX CONCURRENTLY},
     * {@code VACUUM}…): its locks are known only from a second session that polled {@code pg_locks} while it ran.
     */
    OUTSIDE_TRANSACTION
}
