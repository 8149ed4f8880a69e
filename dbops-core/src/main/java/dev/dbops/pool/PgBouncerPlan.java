package dev.dbops.pool;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Recommended PgBouncer settings for the app's database and user, and what the model predicts for
 * PgBouncer's queue of clients waiting for a server connection.
 *
 * @param poolMode {@code pool_mode}
 * @param defaultPoolSize {@code default_pool_size}: server connections shared by every instance
 * @param maxClientConn {@code max_client_conn}: at least every instance's HikariCP pool at peak
 * @param maxPreparedStatements {@code max_prepared_statements} to set (PgBouncer 1.21+), when pgjdbc's
 *     named prepared statements need it
 * @param serverWait the server-side queue: all instances' transactions sharing {@code default_pool_size} connections
 */
public record PgBouncerPlan(PoolMode poolMode, int defaultPoolSize, int maxClientConn,
        OptionalInt maxPreparedStatements, WaitPrediction serverWait) {

    /** Checks that nothing is null. */
    public PgBouncerPlan {
        Objects.requireNonNull(poolMode, "poolMode");
        Objects.requireNonNull(maxPreparedStatements, "maxPreparedStatements");
        Objects.requireNonNull(serverWait, "serverWait");
    }

    /** The settings as {@code pgbouncer.ini} lines. */
    public String toIni() {
        StringBuilder ini = new StringBuilder()
                .append("pool_mode = ").append(poolMode.configValue()).append('\n')
                .append("default_pool_size = ").append(defaultPoolSize).append('\n')
                .append("max_client_conn = ").append(maxClientConn).append('\n');
        maxPreparedStatements.ifPresent(n -> ini.append("max_prepared_statements = ").append(n).append('\n'));
        return ini.toString();
    }
}
