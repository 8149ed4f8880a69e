package dev.dbops.pool;

/** How serious a pool finding is, from least to most. */
public enum PoolSeverity {

    /** Worth knowing; nothing is wrong yet. */
    INFO,
    /** Degraded or at risk: requests may wait or fail under more load. */
    WARNING,
    /** Failing now or certain to fail: requests time out, connections are refused, a leak holds connections. */
    ERROR;

    /** Whether this severity is at least {@code threshold}. */
    public boolean isAtLeast(PoolSeverity threshold) {
        return compareTo(threshold) >= 0;
    }
}
