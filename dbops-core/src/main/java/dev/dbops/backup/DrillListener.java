package dev.dbops.backup;

import dev.dbops.postgres.PostgresUrl;
import java.time.Duration;

/**
 * Hears a drill's progress as it happens, for progress bars and logs. Every method has an empty
 * default; calls come from the drill's threads (table progress from several at once), so an
 * implementation must be thread-safe and quick.
 */
public interface DrillListener {

    /** A listener that ignores everything. */
    DrillListener NONE = new DrillListener() {
    };

    /** A phase started. */
    default void phaseStarted(DrillPhase phase) {
    }

    /** A phase ended, successfully or not, after {@code elapsed}. */
    default void phaseFinished(DrillPhase phase, Duration elapsed) {
    }

    /**
     * One more table is done in a phase: dumped, restored or hashed.
     *
     * @param table the table, {@code schema.name}
     * @param done how many tables of the phase are done, this one included
     * @param total how many tables the phase has; 0 when unknown
     */
    default void tableDone(DrillPhase phase, String table, int done, int total) {
    }

    /**
     * The restore is complete and verification is about to start. The scratch database is dropped
     * at the end of the drill; a listener may look into it (for example to run smoke queries), and
     * whatever it changes there is seen by the verification.
     *
     * @param scratch the restored database, with the credentials the drill uses
     */
    default void restored(PostgresUrl scratch) {
    }
}
