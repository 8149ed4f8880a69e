package dev.dbops.benchmarks.pool;

/** How one request of the open-loop driver ended. */
enum Outcome {
    /** It ran. */
    OK,
    /** {@code getConnection()} timed out (HikariCP's connectionTimeout). */
    TIMEOUT,
    /** The server refused a new connection: "sorry, too many clients already" (SQLState 53300). */
    TOO_MANY_CLIENTS,
    /** No instance was running to take it. */
    NO_INSTANCE,
    /** Any other failure. */
    OTHER
}
