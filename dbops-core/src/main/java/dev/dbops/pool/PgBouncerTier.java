package dev.dbops.pool;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A PgBouncer between the app's instances and PostgreSQL, planned or existing. Empty settings are
 * recommended by the sizer; given ones are checked.
 *
 * @param poolMode {@code pool_mode} for the app's database
 * @param defaultPoolSize {@code default_pool_size} (server connections per user and database), if set
 * @param maxClientConn {@code max_client_conn}, if set
 * @param version the PgBouncer release, if known
 * @param maxPreparedStatements {@code max_prepared_statements} (1.21+), if known
 * @param clientIdleTimeout {@code client_idle_timeout}, when set (non-zero)
 */
public record PgBouncerTier(PoolMode poolMode, OptionalInt defaultPoolSize, OptionalInt maxClientConn,
        Optional<PgBouncerVersion> version, OptionalInt maxPreparedStatements, Optional<Duration> clientIdleTimeout) {

    /** Checks that nothing is null. */
    public PgBouncerTier {
        Objects.requireNonNull(poolMode, "poolMode");
        Objects.requireNonNull(defaultPoolSize, "defaultPoolSize");
        Objects.requireNonNull(maxClientConn, "maxClientConn");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(maxPreparedStatements, "maxPreparedStatements");
        Objects.requireNonNull(clientIdleTimeout, "clientIdleTimeout");
    }

    /** A PgBouncer still to be set up in this mode: the sizer recommends every setting. */
    public static PgBouncerTier planned(PoolMode poolMode) {
        return new PgBouncerTier(poolMode, OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                OptionalInt.empty(), Optional.empty());
    }

    /** This tier with a {@code default_pool_size}. */
    public PgBouncerTier withDefaultPoolSize(int value) {
        return new PgBouncerTier(poolMode, OptionalInt.of(value), maxClientConn, version, maxPreparedStatements,
                clientIdleTimeout);
    }

    /** This tier with a {@code max_client_conn}. */
    public PgBouncerTier withMaxClientConn(int value) {
        return new PgBouncerTier(poolMode, defaultPoolSize, OptionalInt.of(value), version, maxPreparedStatements,
                clientIdleTimeout);
    }

    /** This tier with a known release. */
    public PgBouncerTier withVersion(PgBouncerVersion value) {
        return new PgBouncerTier(poolMode, defaultPoolSize, maxClientConn, Optional.of(value), maxPreparedStatements,
                clientIdleTimeout);
    }

    /** This tier with a {@code max_prepared_statements}. */
    public PgBouncerTier withMaxPreparedStatements(int value) {
        return new PgBouncerTier(poolMode, defaultPoolSize, maxClientConn, version, OptionalInt.of(value),
                clientIdleTimeout);
    }

    /** This tier with a {@code client_idle_timeout}. */
    public PgBouncerTier withClientIdleTimeout(Duration value) {
        return new PgBouncerTier(poolMode, defaultPoolSize, maxClientConn, version, maxPreparedStatements,
                Optional.of(value));
    }

    /**
     * Whether pgjdbc's named server-side prepared statements (used when {@code prepareThreshold} is
     * not 0) break behind this tier: transaction pooling on a PgBouncer older than 1.21, or with
     * {@code max_prepared_statements = 0} (the default before 1.24). An unknown version or setting
     * counts as breaking, because it cannot be ruled out.
     */
    public boolean breaksNamedPreparedStatements() {
        if (poolMode != PoolMode.TRANSACTION) {
            return false;
        }
        if (version.isPresent() && !version.get().supportsPreparedStatements()) {
            return true;
        }
        if (maxPreparedStatements.isPresent()) {
            return maxPreparedStatements.getAsInt() == 0;
        }
        return version.map(v -> v.compareTo(PgBouncerVersion.PREPARED_STATEMENTS_BY_DEFAULT) < 0).orElse(true);
    }
}
