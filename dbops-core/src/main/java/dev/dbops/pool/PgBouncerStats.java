package dev.dbops.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * One row of PgBouncer's {@code SHOW STATS}: counters for one database since PgBouncer started.
 * The difference of two readings gives, for the time between them, the mean time a transaction held
 * a server connection ({@code transactionTime ÷ transactions}: the sizer's hold time behind
 * PgBouncer) and the mean wait for one ({@code waitTime ÷ transactions}).
 *
 * @param database the database
 * @param transactions {@code total_xact_count}
 * @param transactionTime {@code total_xact_time}: time spent in transactions on a server connection
 * @param waitTime {@code total_wait_time}: time clients spent waiting for a server connection
 */
public record PgBouncerStats(String database, long transactions, Duration transactionTime, Duration waitTime) {

    /** Checks that nothing is null. */
    public PgBouncerStats {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(transactionTime, "transactionTime");
        Objects.requireNonNull(waitTime, "waitTime");
    }

    /** The counters accumulated since {@code earlier}, a previous reading of the same database. */
    public PgBouncerStats since(PgBouncerStats earlier) {
        return new PgBouncerStats(database, transactions - earlier.transactions,
                transactionTime.minus(earlier.transactionTime), waitTime.minus(earlier.waitTime));
    }
}
