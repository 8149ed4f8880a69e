package dev.dbops.pool;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Sizes HikariCP pools (and PgBouncer, when there is one) from the workload, the instances and the
 * server's connection budget, and says which constraint decided each number.
 *
 * <p>The model: each instance's pool is an M/G/c queue fed by its share of the peak rate
 * ({@link PoolQueueModel}); the pool is the smallest that keeps the target acquire wait, but at least
 * the nested-connection deadlock floor; every instance at the most-instances count must fit in
 * {@code max_connections} minus the reserved and other connections. Behind PgBouncer in transaction
 * mode, one server pool serves every instance's transactions, so the queue is sized once for the
 * total rate. Timeouts are set relative to the transaction p99 and the infrastructure's idle limits.
 *
 * <pre>{@code
 * PoolRecommendation r = PoolSizer.builder()
 *         .peakRate(400)
 *         .holdTime(HoldTime.fromMeanAndP99(Duration.ofMillis(20), Duration.ofMillis(120)))
 *         .targetWait(Duration.ofMillis(20), 0.99)
 *         .instances(4, 6)
 *         .server(ServerFacts.postgresDefaults())
 *         .build()
 *         .recommend();
 * r.hikari().maximumPoolSize();
 * }</pre>
 */
public final class PoolSizer {

    /** pgjdbc's default {@code prepareThreshold}: the fifth execution switches to a named server-side statement. */
    public static final int PGJDBC_DEFAULT_PREPARE_THRESHOLD = 5;

    /** The percentile the target wait applies to when not configured: 99 % of requests. */
    public static final double DEFAULT_TARGET_PERCENTILE = 0.99;
    /** The instance count when not configured. */
    public static final int DEFAULT_INSTANCES = 1;

    private final PoolWorkload workload;
    private final ServerFacts server;
    private final Optional<PgBouncerTier> pgBouncer;
    private final Optional<Duration> infrastructureIdleTimeout;
    private final Optional<Duration> connectionLifetimeLimit;
    private final int prepareThreshold;

    private PoolSizer(Builder builder, PoolWorkload workload) {
        this.workload = workload;
        this.server = builder.server;
        this.pgBouncer = builder.pgBouncer;
        this.infrastructureIdleTimeout = builder.infrastructureIdleTimeout;
        this.connectionLifetimeLimit = builder.connectionLifetimeLimit;
        this.prepareThreshold = builder.prepareThreshold;
    }

    /** Starts configuring a sizer. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Computes the recommendation.
     *
     * @throws DbopsException with {@link ErrorCode#POOL_TARGET_UNREACHABLE} when no pool that fits the
     *     server's budget keeps the target wait; the message names the failing constraint and what
     *     would satisfy it (more {@code max_connections}, PgBouncer, fewer instances, faster
     *     transactions), with the numbers
     */
    public PoolRecommendation recommend() {
        return new Sizing(workload, server, pgBouncer, prepareThreshold,
                new TimeoutPlanner(workload, server, pgBouncer, infrastructureIdleTimeout, connectionLifetimeLimit))
                .recommend();
    }

    /** The workload as validated, with the default target filled in. */
    public PoolWorkload workload() {
        return workload;
    }

    /** Configures a {@link PoolSizer}; {@link #build()} reports every invalid option at once. */
    public static final class Builder {

        private double peakRate = Double.NaN;
        private HoldTime holdTime;
        private Duration targetWait;
        private double targetPercentile = DEFAULT_TARGET_PERCENTILE;
        private int instances = DEFAULT_INSTANCES;
        private Integer maxInstances;
        private int connectionsPerTransaction = 1;
        private OptionalInt threadsPerInstance = OptionalInt.empty();
        private ServerFacts server = ServerFacts.postgresDefaults();
        private Optional<PgBouncerTier> pgBouncer = Optional.empty();
        private Optional<Duration> infrastructureIdleTimeout = Optional.empty();
        private Optional<Duration> connectionLifetimeLimit = Optional.empty();
        private int prepareThreshold = PGJDBC_DEFAULT_PREPARE_THRESHOLD;

        private Builder() {
        }

        /** Transactions per second at peak, across all instances (required). */
        public Builder peakRate(double transactionsPerSecond) {
            this.peakRate = transactionsPerSecond;
            return this;
        }

        /** How long a transaction holds its connection (required). */
        public Builder holdTime(HoldTime holdTime) {
            this.holdTime = holdTime;
            return this;
        }

        /**
         * The acquire wait that {@code percentile} of requests must not exceed (default: the mean hold
         * time at the 99th percentile — a request waits at most about one transaction).
         */
        public Builder targetWait(Duration wait, double percentile) {
            this.targetWait = wait;
            this.targetPercentile = percentile;
            return this;
        }

        /** Instances in normal operation and the most at once during deploys or autoscaling (default 1 and 1). */
        public Builder instances(int usual, int most) {
            this.instances = usual;
            this.maxInstances = most;
            return this;
        }

        /** Instances in normal operation, never more (default 1). */
        public Builder instances(int count) {
            this.instances = count;
            this.maxInstances = null;
            return this;
        }

        /**
         * Nested transactions: each transaction holds up to {@code connections} at once (Cm), and up to
         * {@code threads} threads per instance run transactions (Tn). Default: one connection.
         */
        public Builder nestedConnections(int connections, int threads) {
            this.connectionsPerTransaction = connections;
            this.threadsPerInstance = OptionalInt.of(threads);
            return this;
        }

        /** The PostgreSQL server's budget (default {@link ServerFacts#postgresDefaults()}). */
        public Builder server(ServerFacts facts) {
            this.server = Objects.requireNonNull(facts, "facts");
            return this;
        }

        /** A PgBouncer between the instances and the server (default: none). */
        public Builder pgBouncer(PgBouncerTier tier) {
            this.pgBouncer = Optional.of(Objects.requireNonNull(tier, "tier"));
            return this;
        }

        /** The shortest idle timeout of a load balancer, firewall or NAT between app and database (default: none known). */
        public Builder infrastructureIdleTimeout(Duration timeout) {
            this.infrastructureIdleTimeout = Optional.of(Objects.requireNonNull(timeout, "timeout"));
            return this;
        }

        /** The longest a connection may live, imposed by a proxy or credentials rotation (default: none known). */
        public Builder connectionLifetimeLimit(Duration limit) {
            this.connectionLifetimeLimit = Optional.of(Objects.requireNonNull(limit, "limit"));
            return this;
        }

        /** The app's pgjdbc {@code prepareThreshold} (default {@value #PGJDBC_DEFAULT_PREPARE_THRESHOLD}, pgjdbc's). */
        public Builder prepareThreshold(int threshold) {
            this.prepareThreshold = threshold;
            return this;
        }

        /**
         * Builds the sizer.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every invalid or
         *     inconsistent input, each with how to fix it
         */
        public PoolSizer build() {
            List<String> problems = new ArrayList<>();
            int most = maxInstances == null ? instances : maxInstances;
            SizerValidation.workload(problems, peakRate, holdTime, targetWait, targetPercentile, instances, most,
                    connectionsPerTransaction, threadsPerInstance);
            SizerValidation.server(problems, server);
            pgBouncer.ifPresent(tier -> SizerValidation.pgBouncer(problems, tier));
            infrastructureIdleTimeout.filter(d -> d.isNegative() || d.isZero()).ifPresent(d -> problems.add(
                    "the infrastructure idle timeout must be positive, was " + Durations.text(d)));
            connectionLifetimeLimit.filter(d -> d.isNegative() || d.isZero()).ifPresent(d -> problems.add(
                    "the connection lifetime limit must be positive, was " + Durations.text(d)));
            if (!problems.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "cannot size the pool: "
                        + String.join("; ", problems));
            }
            Duration target = targetWait != null ? targetWait : holdTime.mean();
            PoolWorkload workload = new PoolWorkload(peakRate, holdTime, target, targetPercentile, instances, most,
                    connectionsPerTransaction, threadsPerInstance);
            return new PoolSizer(this, workload);
        }
    }
}
