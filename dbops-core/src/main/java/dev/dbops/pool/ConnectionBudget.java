package dev.dbops.pool;

/**
 * The server's connections against what the app and everyone else use at peak.
 *
 * @param maxConnections {@code max_connections}
 * @param superuserReservedConnections {@code superuser_reserved_connections}
 * @param reservedConnections {@code reserved_connections}
 * @param otherConnections connections of other clients
 * @param steadyConnections server connections of the app with the usual instance count
 * @param peakConnections server connections of the app with the most instances (rolling deploys, autoscaling)
 * @param viaPgBouncer whether the app's server connections are PgBouncer's pool rather than the instances' pools
 */
public record ConnectionBudget(int maxConnections, int superuserReservedConnections, int reservedConnections,
        int otherConnections, int steadyConnections, int peakConnections, boolean viaPgBouncer) {

    /** Connections left for the app: max − superuser-reserved − reserved − others. */
    public int availableConnections() {
        return maxConnections - superuserReservedConnections - reservedConnections - otherConnections;
    }

    /** Whether the app's connections at peak fit in what is left. */
    public boolean fits() {
        return peakConnections <= availableConnections();
    }

    /** The app's peak connections as a share of what is left for it (above 1 when it does not fit). */
    public double peakShare() {
        int available = availableConnections();
        return available <= 0 ? Double.POSITIVE_INFINITY : (double) peakConnections / available;
    }
}
