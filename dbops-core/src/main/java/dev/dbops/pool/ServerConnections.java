package dev.dbops.pool;

/**
 * The server's connection limit and how many client sessions use it now.
 *
 * @param maxConnections {@code max_connections}
 * @param superuserReservedConnections {@code superuser_reserved_connections}
 * @param reservedConnections {@code reserved_connections} (0 before PostgreSQL 16)
 * @param clientSessions client backends connected now, the inspector's own included
 */
public record ServerConnections(int maxConnections, int superuserReservedConnections, int reservedConnections,
        int clientSessions) {

    /** Connections ordinary users can open: max − superuser-reserved − reserved. */
    public int ordinaryLimit() {
        return maxConnections - superuserReservedConnections - reservedConnections;
    }

    /** Client sessions as a share of {@link #ordinaryLimit()}. */
    public double usedShare() {
        int limit = ordinaryLimit();
        return limit <= 0 ? 1 : (double) clientSessions / limit;
    }
}
