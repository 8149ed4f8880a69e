package dev.dbops.trace;

import dev.dbops.postgres.PostgresDatabase;

/**
 * Follows a lock trace as it runs: for a progress line per migration, or to look at the scratch database
 * once every migration has run, before it is dropped. Given to {@link LockTracer.Builder#listener}. The
 * methods are called on the tracing thread; an exception thrown by one stops the trace and drops the
 * scratch database.
 */
public interface TraceListener {

    /**
     * A migration before the traced ones was applied, untraced.
     *
     * @param migration its id, e.g. {@code V3}
     * @param number its 1-based position among the applied ones
     * @param count how many are applied untraced
     */
    default void applied(String migration, int number, int count) {
    }

    /** The seeder filled the tables, before the first traced migration. */
    default void seeded(TraceReport.Seeding seeding) {
    }

    /**
     * A traced migration ran, or failed (then it is the last one).
     *
     * @param migration what the database did
     * @param number its 1-based position among the traced ones
     * @param count how many are traced
     */
    default void traced(MigrationTrace migration, int number, int count) {
    }

    /**
     * Every migration ran without failing; the scratch database is still there, and dropped when this
     * returns. Read it only: it is the trace's, and what it holds afterwards is not part of the report.
     */
    default void finished(PostgresDatabase scratch) {
    }
}
