package dev.dbops.migration;

import dev.dbops.sql.SqlStatement;

/**
 * How the migration tool will run a migration's statements: inside one transaction, each on its own,
 * or decided by Flyway from the statements themselves.
 *
 * <p>Flyway's decision, as implemented by Flyway 13 ({@code ParserSqlScript} with the PostgreSQL
 * parser) and confirmed against a real database by this package's tests:
 * <ol>
 *   <li>{@code executeInTransaction} in the script's {@code .sql.conf} wins, whatever the statements
 *       are: {@link #TRANSACTIONAL} or {@link #NON_TRANSACTIONAL};</li>
 *   <li>otherwise, with the global {@code executeInTransaction=false}: {@link #NON_TRANSACTIONAL};</li>
 *   <li>otherwise the script runs in one transaction unless one of its statements is one Flyway knows
 *       cannot run inside a transaction block; then the whole script runs without one. Flyway's
 *       PostgreSQL list: {@code CREATE|DROP DATABASE|TABLESPACE|SUBSCRIPTION}, {@code ALTER SYSTEM},
 *       {@code CREATE|DROP [UNIQUE] INDEX CONCURRENTLY}, {@code REINDEX [VERBOSE] SCHEMA|DATABASE|SYSTEM},
 *       {@code VACUUM}, {@code DISCARD ALL}, and {@code ALTER TYPE … ADD VALUE} before PostgreSQL 12.
 *       Statements missing from that list ({@code REINDEX TABLE … CONCURRENTLY},
 *       {@code DETACH PARTITION … CONCURRENTLY}) run inside the transaction and fail there.</li>
 * </ol>
 * A script with statements of both kinds is refused by Flyway ("Detected both transactional and
 * non-transactional statements within the same migration") unless {@code mixed=true}, which runs it
 * without a transaction: that is the difference between {@link #AUTO} and {@link #AUTO_MIXED}.
 */
public enum TransactionMode {

    /** All statements run in one transaction that commits at the end (Liquibase's default). */
    TRANSACTIONAL,
    /** Each statement commits on its own; a failure leaves the earlier statements applied. */
    NON_TRANSACTIONAL,
    /**
     * Flyway's default: one transaction, unless a statement cannot run in one, then none; Flyway
     * refuses a script that has statements of both kinds ({@code mixed=false}).
     */
    AUTO,
    /**
     * Flyway with {@code mixed=true}: one transaction, unless a statement cannot run in one; then the
     * whole script, including its transactional statements, runs without a transaction.
     */
    AUTO_MIXED;

    private static final String[][] NON_TRANSACTIONAL_PREFIXES = {{"create", "index", "concurrently"},
        {"create", "unique", "index", "concurrently"}, {"drop", "index", "concurrently"}, {"create", "database"},
        {"drop", "database"}, {"create", "tablespace"}, {"drop", "tablespace"}, {"create", "subscription"},
        {"drop", "subscription"}, {"alter", "system"}, {"vacuum"}, {"discard", "all"}, {"reindex", "schema"},
        {"reindex", "database"}, {"reindex", "system"}, {"reindex", "verbose", "schema"},
        {"reindex", "verbose", "database"}, {"reindex", "verbose", "system"}};

    /**
     * The mode the tool ends up using for a script, given whether any of its statements cannot run
     * inside a transaction block; {@link #TRANSACTIONAL} and {@link #NON_TRANSACTIONAL} return themselves.
     */
    public TransactionMode resolve(boolean hasNonTransactionalStatement) {
        return switch (this) {
            case TRANSACTIONAL, NON_TRANSACTIONAL -> this;
            case AUTO, AUTO_MIXED -> hasNonTransactionalStatement ? NON_TRANSACTIONAL : TRANSACTIONAL;
        };
    }

    /**
     * Whether Flyway 13 runs a script holding this statement outside a transaction: the statement is on
     * its PostgreSQL list of statements that cannot run inside a transaction block (see the class comment).
     */
    public static boolean cannotRunInTransaction(SqlStatement statement) {
        for (String[] prefix : NON_TRANSACTIONAL_PREFIXES) {
            if (statement.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the tool refuses a script that mixes transactional and non-transactional statements. */
    public boolean refusesMixedStatements() {
        return this == AUTO;
    }
}
