package dev.dbops.trace;

import dev.dbops.LockMode;
import java.time.Duration;
import java.util.Objects;

/**
 * A lock the migrating session held (or waited for) during or after a statement, from {@code pg_locks}.
 *
 * @param target the relation, qualified ({@code public.orders}), or the object ({@code schema archive})
 * @param kind what the lock is on
 * @param mode the lock mode
 * @param granted false when the session was seen waiting for it
 * @param acquiredHere whether this statement took it; false for a lock an earlier statement of the same
 *     transaction took and still holds
 * @param heldFor how long the migration holds it: the time of the statements from the one that took it to
 *     the one that released it (the migration's {@code COMMIT} included), without dbops's own probes; for a
 *     lock waited for, how long the session was seen waiting
 * @param seenBy where it was observed
 */
public record ObservedLock(String target, LockedObject kind, LockMode mode, boolean granted, boolean acquiredHere,
        Duration heldFor, Observer seenBy) {

    /** Where a lock was observed. */
    public enum Observer {
        /** The migrating session itself, right after the statement, inside its transaction. */
        SESSION,
        /** A second session polling {@code pg_locks} for the migrating session's pid while the statement ran. */
        POLLER
    }

    /** Validates the parts. */
    public ObservedLock {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(heldFor, "heldFor");
        Objects.requireNonNull(seenBy, "seenBy");
    }
}
