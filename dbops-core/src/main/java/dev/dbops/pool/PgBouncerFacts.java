package dev.dbops.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What PgBouncer's admin console says about itself: its release ({@code SHOW VERSION}), its settings
 * ({@code SHOW CONFIG}), its pools ({@code SHOW POOLS}) and its counters ({@code SHOW STATS}). Read
 * with {@link PgBouncerProbe}.
 *
 * @param version the release
 * @param settings every {@code SHOW CONFIG} key and value, in PgBouncer's order; unmodifiable
 * @param pools every {@code SHOW POOLS} row (the admin console's own pool included)
 * @param stats every {@code SHOW STATS} row
 */
public record PgBouncerFacts(PgBouncerVersion version, Map<String, String> settings, List<PgBouncerPool> pools,
        List<PgBouncerStats> stats) {

    /** Checks that nothing is null and copies the collections. */
    public PgBouncerFacts {
        Objects.requireNonNull(version, "version");
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        pools = List.copyOf(pools);
        stats = List.copyOf(stats);
    }

    /** Facts without counters. */
    public PgBouncerFacts(PgBouncerVersion version, Map<String, String> settings, List<PgBouncerPool> pools) {
        this(version, settings, pools, List.of());
    }

    /** The counters of one database, if PgBouncer has any for it. */
    public Optional<PgBouncerStats> stats(String database) {
        return stats.stream().filter(s -> s.database().equals(database)).findFirst();
    }

    /** A setting by its {@code SHOW CONFIG} key. */
    public Optional<String> setting(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    /**
     * The tier as the sizer takes it, for the pools of {@code database}: its pool mode (the pool's own,
     * else the global {@code pool_mode}), {@code default_pool_size}, {@code max_client_conn},
     * {@code max_prepared_statements} (1.21+), {@code client_idle_timeout} when set, and the release.
     */
    public PgBouncerTier tier(String database) {
        PoolMode mode = pools.stream().filter(p -> p.database().equals(database)).findFirst()
                .flatMap(p -> PoolMode.parse(p.poolMode()))
                .or(() -> setting("pool_mode").flatMap(PoolMode::parse)).orElse(PoolMode.SESSION);
        PgBouncerTier tier = PgBouncerTier.planned(mode).withVersion(version);
        OptionalInt poolSize = integer("default_pool_size");
        if (poolSize.isPresent()) {
            tier = tier.withDefaultPoolSize(poolSize.getAsInt());
        }
        OptionalInt clients = integer("max_client_conn");
        if (clients.isPresent()) {
            tier = tier.withMaxClientConn(clients.getAsInt());
        }
        OptionalInt prepared = integer("max_prepared_statements");
        if (prepared.isPresent()) {
            tier = tier.withMaxPreparedStatements(prepared.getAsInt());
        }
        OptionalInt idle = integer("client_idle_timeout");
        if (idle.isPresent() && idle.getAsInt() > 0) {
            tier = tier.withClientIdleTimeout(Duration.ofSeconds(idle.getAsInt()));
        }
        return tier;
    }

    /**
     * Findings for an app that reaches {@code database} through this PgBouncer with pgjdbc's
     * {@code prepareThreshold}: named prepared statements that break in transaction mode, and clients
     * waiting for a server connection now.
     */
    public List<PoolFinding> findings(String database, int prepareThreshold) {
        List<PoolFinding> findings = new ArrayList<>();
        PgBouncerTier tier = tier(database);
        if (prepareThreshold != 0 && tier.breaksNamedPreparedStatements()) {
            boolean canTrack = version.supportsPreparedStatements();
            findings.add(PoolFinding.of(PoolCheck.PGBOUNCER_PREPARED_STATEMENTS, PoolSeverity.ERROR, "PgBouncer "
                    + version + " pools '" + database + "' in transaction mode "
                    + (canTrack ? "with max_prepared_statements = 0" : "and cannot track prepared statements (1.21+"
                            + " can)") + ", while pgjdbc names server-side prepared statements after " + prepareThreshold
                    + " executions: expect errors such as prepared statement \"S_1\" does not exist (or already exists)",
                    canTrack ? "set max_prepared_statements = 200 in pgbouncer.ini"
                            : "add prepareThreshold=0 to the JDBC URL, or upgrade PgBouncer to 1.21+ with"
                                    + " max_prepared_statements = 200"));
        }
        for (PgBouncerPool pool : pools) {
            if (pool.database().equals(database) && (pool.clientsWaiting() > 0 || !pool.maxWait().isZero())) {
                findings.add(PoolFinding.of(PoolCheck.PGBOUNCER_CLIENTS_WAITING, PoolSeverity.WARNING, pool.clientsWaiting()
                        + " clients of " + pool.user() + "@" + pool.database() + " wait for a server connection;"
                        + " the oldest has waited " + Durations.text(pool.maxWait()) + " (" + pool.serversActive()
                        + " server connections active, " + pool.serversIdle() + " idle)", "size default_pool_size"
                        + " with 'dbops pool --pgbouncer transaction', or find what holds server connections"));
            }
        }
        return findings;
    }

    private OptionalInt integer(String key) {
        Optional<String> value = setting(key);
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.get().strip()));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }
}
