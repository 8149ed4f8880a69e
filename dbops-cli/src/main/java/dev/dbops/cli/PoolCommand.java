package dev.dbops.cli;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.pool.HoldTime;
import dev.dbops.pool.PgBouncerProbe;
import dev.dbops.pool.PgBouncerTier;
import dev.dbops.pool.PgBouncerVersion;
import dev.dbops.pool.PoolMode;
import dev.dbops.pool.PoolRecommendation;
import dev.dbops.pool.PoolSeverity;
import dev.dbops.pool.PoolSizer;
import dev.dbops.pool.ServerFacts;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dbops pool}: HikariCP (and PgBouncer) settings from the workload, the instances and the server's budget. */
@Command(
        name = "pool",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Recommends HikariCP settings for each app instance (and PgBouncer's, with --pgbouncer) from the peak"
                    + " rate, the DB time per transaction and the instance count, with a queueing model (Erlang C)"
                    + " checked against the server's connection budget, and says which constraint decided each number.",
            "With --url, max_connections, the reserved connections, idle_session_timeout and the other clients'"
                    + " connections are read from the server; options given explicitly win over what is read.",
            "Exit code: 0 recommended, 1 a finding at or above --fail-on, 2 bad input or a target that no pool"
                    + " fitting the server can meet (the message says what would)."
        })
final class PoolCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--rate", required = true, paramLabel = "TX_PER_S",
            description = "Peak transactions per second, across all instances.")
    private double rate;

    @Option(names = "--db-time-ms", required = true, paramLabel = "MS",
            description = "Mean time a transaction holds its connection, in ms (hikaricp.connections.usage).")
    private double dbTimeMs;

    @Option(names = "--db-time-p99-ms", paramLabel = "MS",
            description = "Its 99th percentile, in ms (default: an exponential distribution is assumed).")
    private Double dbTimeP99Ms;

    @Option(names = "--p99-wait-ms", paramLabel = "MS",
            description = "Target: 99 % of requests wait at most this long for a connection (default: the mean DB time).")
    private Double p99WaitMs;

    @Option(names = "--instances", defaultValue = "1", paramLabel = "N", description = "App instances normally running (default 1).")
    private int instances;

    @Option(names = "--max-instances", paramLabel = "M",
            description = "The most instances at once, during rolling deploys or autoscaling (default: --instances).")
    private Integer maxInstances;

    @Option(names = "--url", paramLabel = "URL",
            description = "Read the server's facts from this database: jdbc:postgresql://… or postgresql://user:pass@host/db.")
    private String url;

    @Option(names = "--app-name", paramLabel = "NAME",
            description = "The app's application_name; with --url its current sessions are not counted as other clients.")
    private String appName;

    @Option(names = "--max-connections", paramLabel = "N", description = "max_connections (default 100, or read with --url).")
    private Integer maxConnections;

    @Option(names = "--superuser-reserved", paramLabel = "N",
            description = "superuser_reserved_connections (default 3, or read with --url).")
    private Integer superuserReserved;

    @Option(names = "--reserved-connections", paramLabel = "N",
            description = "reserved_connections, PostgreSQL 16+ (default 0, or read with --url).")
    private Integer reservedConnections;

    @Option(names = "--other-connections", paramLabel = "N",
            description = "Connections other clients use (default 0, or with --url the client sessions now connected).")
    private Integer otherConnections;

    @Option(names = "--server-cores", paramLabel = "N", description = "The server's CPU cores, for HikariCP's 2 × cores guidance.")
    private Integer serverCores;

    @Option(names = "--pg-version", paramLabel = "N", description = "The server's major version (read with --url).")
    private Integer pgVersion;

    @Option(names = "--connections-per-transaction", defaultValue = "1", paramLabel = "CM",
            description = "Connections one transaction holds at once: 2 with a nested REQUIRES_NEW (default 1).")
    private int connectionsPerTransaction;

    @Option(names = "--threads", paramLabel = "TN",
            description = "Threads per instance that run transactions; needed with --connections-per-transaction > 1.")
    private Integer threads;

    @Option(names = "--idle-timeout-s", paramLabel = "S",
            description = "Shortest idle timeout of a load balancer, firewall or NAT between app and database, in seconds.")
    private Long idleTimeoutSeconds;

    @Option(names = "--lifetime-limit-s", paramLabel = "S",
            description = "Longest a connection may live (proxy, credentials rotation), in seconds.")
    private Long lifetimeLimitSeconds;

    @Option(names = "--prepare-threshold", defaultValue = "5", paramLabel = "N",
            description = "The app's pgjdbc prepareThreshold (default 5, pgjdbc's).")
    private int prepareThreshold;

    @Option(names = "--pgbouncer", paramLabel = "transaction|session",
            description = "A PgBouncer in this pool_mode between the instances and the server (planned or existing).")
    private String pgBouncerMode;

    @Option(names = "--pgbouncer-admin", paramLabel = "URL",
            description = "Read the PgBouncer's release, pool_mode, default_pool_size, max_client_conn and"
                    + " max_prepared_statements from its admin console: postgresql://admin:pass@host:6432/pgbouncer.")
    private String pgBouncerAdmin;

    @Option(names = "--pgbouncer-database", paramLabel = "NAME",
            description = "With --pgbouncer-admin: the app's database in PgBouncer (default: the database of --url).")
    private String pgBouncerDatabase;

    @Option(names = "--pgbouncer-pool-size", paramLabel = "N", description = "Its current default_pool_size, to check.")
    private Integer pgBouncerPoolSize;

    @Option(names = "--pgbouncer-max-client-conn", paramLabel = "N", description = "Its current max_client_conn, to check.")
    private Integer pgBouncerMaxClientConn;

    @Option(names = "--pgbouncer-version", paramLabel = "X.Y[.Z]", description = "Its release, for example 1.18.0.")
    private String pgBouncerVersion;

    @Option(names = "--pgbouncer-max-prepared-statements", paramLabel = "N",
            description = "Its max_prepared_statements (1.21+).")
    private Integer pgBouncerMaxPrepared;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "text (the default) or json (docs/pool-format.md).")
    private Format format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "error|warning|never",
            description = "Exit with 1 when a finding is at least this severe (default ${DEFAULT-VALUE}).")
    private FailOn failOn;

    enum Format { text, json }

    enum FailOn {
        error(Optional.of(PoolSeverity.ERROR)), warning(Optional.of(PoolSeverity.WARNING)), never(Optional.empty());

        final Optional<PoolSeverity> threshold;

        FailOn(Optional<PoolSeverity> threshold) {
            this.threshold = threshold;
        }
    }

    @Override
    public Integer call() {
        PoolSizer.Builder sizer = PoolSizer.builder()
                .peakRate(rate)
                .holdTime(holdTime())
                .instances(instances, maxInstances == null ? instances : maxInstances)
                .server(serverFacts())
                .prepareThreshold(prepareThreshold);
        if (p99WaitMs != null) {
            sizer.targetWait(millis(p99WaitMs, "--p99-wait-ms", true), 0.99);
        }
        if (connectionsPerTransaction != 1 && threads == null) {
            throw usage("--connections-per-transaction " + connectionsPerTransaction + " needs --threads (the threads"
                    + " per instance that run transactions) for the deadlock floor Tn × (Cm − 1) + 1");
        }
        if (threads != null) {
            sizer.nestedConnections(connectionsPerTransaction, threads);
        }
        if (idleTimeoutSeconds != null) {
            sizer.infrastructureIdleTimeout(Duration.ofSeconds(idleTimeoutSeconds));
        }
        if (lifetimeLimitSeconds != null) {
            sizer.connectionLifetimeLimit(Duration.ofSeconds(lifetimeLimitSeconds));
        }
        pgBouncerTier().ifPresent(sizer::pgBouncer);
        PoolRecommendation recommendation = sizer.build().recommend();
        Output.write(spec, null, format == Format.json ? recommendation.toJson() : recommendation.toText());
        boolean fails = failOn.threshold
                .map(t -> recommendation.findings().stream().anyMatch(f -> f.severity().isAtLeast(t)))
                .orElse(false);
        return fails ? Dbops.FINDINGS : Dbops.OK;
    }

    private HoldTime holdTime() {
        Duration mean = millis(dbTimeMs, "--db-time-ms", false);
        return dbTimeP99Ms == null ? HoldTime.exponential(mean)
                : HoldTime.fromMeanAndP99(mean, millis(dbTimeP99Ms, "--db-time-p99-ms", false));
    }

    private ServerFacts serverFacts() {
        ServerFacts facts = url == null ? ServerFacts.postgresDefaults() : readFacts();
        List<String> given = new ArrayList<>();
        if (maxConnections != null) {
            facts = facts.withMaxConnections(maxConnections);
            given.add("max_connections");
        }
        if (superuserReserved != null) {
            facts = facts.withSuperuserReservedConnections(superuserReserved);
            given.add("superuser_reserved_connections");
        }
        if (reservedConnections != null) {
            facts = facts.withReservedConnections(reservedConnections);
            given.add("reserved_connections");
        }
        if (otherConnections != null) {
            facts = facts.withOtherConnections(otherConnections);
            given.add("other connections");
        }
        if (pgVersion != null) {
            facts = facts.withMajorVersion(pgVersion);
            given.add("version");
        }
        if (serverCores != null) {
            facts = facts.withCpuCores(serverCores);
        }
        if (!given.isEmpty()) {
            facts = facts.withSource((url == null ? "given: " : facts.source() + "; given: ") + String.join(", ", given)
                    + (url == null ? "; the rest PostgreSQL defaults" : ""));
        }
        return facts;
    }

    private ServerFacts readFacts() {
        PostgresUrl parsed = PostgresUrl.parse(url);
        try (Connection connection = PostgresConnector.open(parsed)) {
            return ServerFacts.read(connection, Optional.ofNullable(appName));
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.CONNECTION_FAILED, "closing the connection to " + parsed.masked()
                    + " failed: " + e.getMessage(), e);
        }
    }

    private Optional<PgBouncerTier> pgBouncerTier() {
        if (pgBouncerMode == null && pgBouncerAdmin == null) {
            if (pgBouncerPoolSize != null || pgBouncerMaxClientConn != null || pgBouncerVersion != null
                    || pgBouncerMaxPrepared != null || pgBouncerDatabase != null) {
                throw usage("the --pgbouncer-… options describe a PgBouncer: add --pgbouncer transaction (or session),"
                        + " or --pgbouncer-admin URL to read it");
            }
            return Optional.empty();
        }
        PgBouncerTier tier = pgBouncerAdmin == null ? null : readTier();
        if (pgBouncerMode != null) {
            PoolMode mode = PoolMode.parse(pgBouncerMode).orElseThrow(() -> usage("--pgbouncer must be transaction,"
                    + " session or statement, was '" + pgBouncerMode + "'"));
            tier = tier == null ? PgBouncerTier.planned(mode) : new PgBouncerTier(mode, tier.defaultPoolSize(),
                    tier.maxClientConn(), tier.version(), tier.maxPreparedStatements(), tier.clientIdleTimeout());
        }
        if (pgBouncerPoolSize != null) {
            tier = tier.withDefaultPoolSize(pgBouncerPoolSize);
        }
        if (pgBouncerMaxClientConn != null) {
            tier = tier.withMaxClientConn(pgBouncerMaxClientConn);
        }
        if (pgBouncerVersion != null) {
            tier = tier.withVersion(PgBouncerVersion.parse(pgBouncerVersion).orElseThrow(() -> usage(
                    "--pgbouncer-version must look like 1.18 or 1.18.0, was '" + pgBouncerVersion + "'")));
        }
        if (pgBouncerMaxPrepared != null) {
            tier = tier.withMaxPreparedStatements(pgBouncerMaxPrepared);
        }
        return Optional.of(tier);
    }

    private PgBouncerTier readTier() {
        String database = pgBouncerDatabase != null ? pgBouncerDatabase
                : url != null ? PostgresUrl.parse(url).database() : null;
        if (database == null) {
            throw usage("--pgbouncer-admin needs the app's database in PgBouncer: give --pgbouncer-database NAME"
                    + " (or --url)");
        }
        return PgBouncerProbe.read(PostgresUrl.parse(pgBouncerAdmin)).tier(database);
    }

    private static Duration millis(double value, String option, boolean zeroAllowed) {
        if (Double.isNaN(value) || Double.isInfinite(value) || value < 0 || !zeroAllowed && value == 0) {
            throw usage(option + " must be " + (zeroAllowed ? "zero or more" : "positive") + " milliseconds, was "
                    + value);
        }
        return Duration.ofNanos(Math.round(value * 1_000_000));
    }

    private static DbopsException usage(String message) {
        return new DbopsException(ErrorCode.INVALID_CONFIGURATION, message);
    }
}
