package dev.dbops.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * One row of PgBouncer's {@code SHOW POOLS}: a (database, user) pool.
 *
 * @param database the database
 * @param user the user
 * @param clientsActive {@code cl_active}: clients linked to a server connection or idle
 * @param clientsWaiting {@code cl_waiting}: clients waiting for a server connection
 * @param serversActive {@code sv_active}: server connections linked to a client
 * @param serversIdle {@code sv_idle}: server connections ready for a client
 * @param maxWait {@code maxwait} + {@code maxwait_us}: how long the oldest waiting client has waited
 * @param poolMode {@code pool_mode} of this pool, as PgBouncer prints it
 */
public record PgBouncerPool(String database, String user, int clientsActive, int clientsWaiting, int serversActive,
        int serversIdle, Duration maxWait, String poolMode) {

    /** Checks that nothing is null. */
    public PgBouncerPool {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(maxWait, "maxWait");
        Objects.requireNonNull(poolMode, "poolMode");
    }
}
