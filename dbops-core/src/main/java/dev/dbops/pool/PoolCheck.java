package dev.dbops.pool;

/**
 * Every kind of finding about a pool, with a stable kebab-case id for scripts and suppressions.
 * The sizer reports the first group, the {@link PoolInspector} the second, the PgBouncer checks the third.
 */
public enum PoolCheck {

    /** The server's budget is nearly used up at peak, during a rolling deploy. */
    BUDGET_TIGHT("budget-tight"),
    /** The peak concurrent database work exceeds HikariCP's guidance of 2 × cores for the server. */
    CORE_GUIDANCE("core-guidance"),
    /** An infrastructure idle timeout is too short for HikariCP's keepalive (at least 30 s) to outrun it. */
    IDLE_TIMEOUT_TOO_SHORT("idle-timeout-too-short"),
    /** The leak-detection threshold could not be set above the transaction p99 and below maxLifetime. */
    LEAK_DETECTION_DISABLED("leak-detection-disabled"),

    /** Requests wait for a connection throughout the sampling window. */
    POOL_SATURATED("pool-saturated"),
    /** A connection has been held far longer than any normal transaction. */
    CONNECTION_LEAK("connection-leak"),
    /** Sessions of the app sit idle inside an open transaction, holding locks and the xmin horizon. */
    IDLE_IN_TRANSACTION("idle-in-transaction"),
    /** A statement of the app has been running far longer than the transaction p99. */
    LONG_RUNNING_QUERY("long-running-query"),
    /** Many more connections are open than the app uses, taking a large share of the server's budget. */
    TOO_MANY_IDLE("too-many-idle"),
    /** Client connections across the server are close to the connection limit. */
    SERVER_BUDGET_NEARLY_EXHAUSTED("server-budget-nearly-exhausted"),
    /** The inspector's own connection to the server failed, so only the pool's side is known. */
    SERVER_UNREACHABLE("server-unreachable"),

    /** In session mode every HikariCP connection pins a PgBouncer server connection: no sharing. */
    PGBOUNCER_SESSION_MODE("pgbouncer-session-mode"),
    /** PgBouncer's server pool is smaller than the load needs. */
    PGBOUNCER_POOL_TOO_SMALL("pgbouncer-pool-too-small"),
    /** PgBouncer's {@code max_client_conn} is below the app's connections at peak. */
    PGBOUNCER_CLIENT_LIMIT("pgbouncer-client-limit"),
    /** pgjdbc's named prepared statements break behind transaction pooling on this PgBouncer. */
    PGBOUNCER_PREPARED_STATEMENTS("pgbouncer-prepared-statements"),
    /** Clients are queued in PgBouncer for a server connection. */
    PGBOUNCER_CLIENTS_WAITING("pgbouncer-clients-waiting");

    private final String id;

    PoolCheck(String id) {
        this.id = id;
    }

    /** The stable kebab-case id, for example {@code pool-saturated}. */
    public String id() {
        return id;
    }
}
