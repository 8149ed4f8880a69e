package dev.dbops.trace;

import dev.dbops.LockMode;
import java.util.Locale;

/**
 * One row of {@code pg_locks} for the migrating session, reduced to what identifies the lock.
 *
 * @param locktype {@code pg_locks.locktype}
 * @param relation the relation's oid for a relation lock; 0 otherwise
 * @param object for other lock types, what is locked ({@code schema archive}, {@code advisory 42}…)
 * @param mode the lock mode
 * @param granted whether it is held (false: waited for)
 */
record LockRow(String locktype, long relation, String object, LockMode mode, boolean granted) {

    /** The same lock, held: the key under which locks are compared across probes. */
    LockRow held() {
        return granted ? this : new LockRow(locktype, relation, object, mode, true);
    }

    boolean isRelation() {
        return relation != 0;
    }

    /** The {@link LockMode} of a {@code pg_locks.mode} such as {@code ShareUpdateExclusiveLock}. */
    static LockMode mode(String pgMode) {
        return switch (pgMode) {
            case "AccessShareLock" -> LockMode.ACCESS_SHARE;
            case "RowShareLock" -> LockMode.ROW_SHARE;
            case "RowExclusiveLock" -> LockMode.ROW_EXCLUSIVE;
            case "ShareUpdateExclusiveLock" -> LockMode.SHARE_UPDATE_EXCLUSIVE;
            case "ShareLock" -> LockMode.SHARE;
            case "ShareRowExclusiveLock" -> LockMode.SHARE_ROW_EXCLUSIVE;
            case "ExclusiveLock" -> LockMode.EXCLUSIVE;
            case "AccessExclusiveLock" -> LockMode.ACCESS_EXCLUSIVE;
            default -> throw new IllegalArgumentException("unknown lock mode " + pgMode.toLowerCase(Locale.ROOT));
        };
    }
}
