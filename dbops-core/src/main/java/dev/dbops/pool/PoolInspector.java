package dev.dbops.pool;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Diagnoses a running pool: samples its gauges over a window, reads {@code pg_stat_activity}, and
 * reports saturation, likely leaks (with the backend pid, state, transaction start and last query),
 * sessions idle in transaction, long-running statements, too many idle connections and a server
 * budget nearly used up.
 *
 * <p>It never borrows from the pool it inspects: the server is read over its own connection with
 * connect, login and statement timeouts, in a read-only transaction. So it works, and finishes in
 * bounded time (window + at most about three times the statement timeout), when the pool is exhausted.
 * If the server cannot be reached, the pool's side is still reported, with a {@code server-unreachable}
 * finding.
 *
 * <pre>{@code
 * PoolHealthReport report = PoolInspector.builder()
 *         .pool(HikariPoolGauge.of(dataSource))
 *         .server(PostgresUrl.parse("postgresql://monitor:secret@db:5432/app"))
 *         .transactionP99(Duration.ofMillis(120))
 *         .build()
 *         .inspect();
 * }</pre>
 */
public final class PoolInspector {

    /** How long the pool is sampled when no window is configured. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(10);
    /** How often the pool is sampled within the window when not configured. */
    public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofMillis(100);
    /** How long a session may be idle in a transaction before it is reported, when not configured. */
    public static final Duration DEFAULT_IDLE_IN_TRANSACTION_THRESHOLD = Duration.ofSeconds(1);
    /** The {@code statement_timeout} of the inspector's queries when not configured. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(5);
    /** The connect and login timeout of the inspector's connection when not configured. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** The share of samples with waiting requests from which a pool counts as saturated, when not configured. */
    public static final double DEFAULT_SATURATED_SHARE = 0.5;
    /** The share of the server's ordinary connections in use from which the budget is reported, when not configured. */
    public static final double DEFAULT_BUDGET_SHARE = 0.9;

    private static final Logger LOG = LoggerFactory.getLogger(PoolInspector.class);

    private final PoolGauge pool;
    private final PostgresUrl server;
    private final String applicationName;
    private final Duration window;
    private final Duration sampleInterval;
    private final Duration statementTimeout;
    private final PoolDiagnosis.Thresholds thresholds;

    private PoolInspector(Builder b, String applicationName, PoolDiagnosis.Thresholds thresholds) {
        this.pool = b.pool;
        this.server = withTimeouts(b.server, b.connectTimeout, b.statementTimeout);
        this.applicationName = applicationName;
        this.window = b.window;
        this.sampleInterval = b.sampleInterval;
        this.statementTimeout = b.statementTimeout;
        this.thresholds = thresholds;
    }

    /** Starts configuring an inspector. */
    public static Builder builder() {
        return new Builder();
    }

    /** Samples the pool for one window, then reads the server, and reports. Blocks for about the window. */
    public PoolHealthReport inspect() {
        Instant started = Instant.now();
        List<PoolSample> samples = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + window.toNanos();
        for (long next = start; ; next += sampleInterval.toNanos()) {
            long now = System.nanoTime();
            if (next > now) {
                LockSupport.parkNanos(next - now);
            }
            samples.add(pool.sample());
            if (next >= end) {
                break;
            }
        }
        List<PoolFinding> findings = new ArrayList<>();
        Optional<SessionActivity.Snapshot> snapshot = readServer(findings);
        findings.addAll(0, new PoolDiagnosis(pool, applicationName, samples, snapshot, thresholds).findings());
        return new PoolHealthReport(pool.poolName(), applicationName, started, window, pool.maximumPoolSize(), samples,
                snapshot.map(SessionActivity.Snapshot::sessions).orElse(List.of()),
                snapshot.map(SessionActivity.Snapshot::groups).orElse(List.of()),
                snapshot.map(SessionActivity.Snapshot::server), findings);
    }

    private Optional<SessionActivity.Snapshot> readServer(List<PoolFinding> findings) {
        try (Connection connection = PostgresConnector.open(server)) {
            return Optional.of(SessionActivity.read(connection, applicationName, statementTimeout));
        } catch (DbopsException | SQLException e) {
            String state = sqlState(e);
            boolean full = state.equals("53300");
            LOG.debug("pool inspector could not read {}: {}", server.masked(), e.getMessage());
            findings.add(PoolFinding.of(full ? PoolCheck.SERVER_BUDGET_NEARLY_EXHAUSTED : PoolCheck.SERVER_UNREACHABLE,
                    full ? PoolSeverity.ERROR : PoolSeverity.WARNING, "could not read pg_stat_activity at "
                            + server.hostAndPort() + ": " + e.getMessage(), full
                            ? "the server refuses new connections (too many clients already): shrink pools or raise"
                                    + " max_connections; connect the inspector as a role that may use"
                                    + " reserved_connections (pg_use_reserved_connections, PostgreSQL 16+)"
                            : "check the inspector's URL and that its user may connect; only the pool's side is reported"));
            return Optional.empty();
        }
    }

    private static String sqlState(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return "";
    }

    /** The URL with connect, login and socket timeouts, unless it sets them itself. */
    private static PostgresUrl withTimeouts(PostgresUrl url, Duration connect, Duration statement) {
        Map<String, String> parameters = new LinkedHashMap<>(url.parameters());
        String seconds = Long.toString(Math.max(1, connect.toSeconds()));
        parameters.putIfAbsent("connectTimeout", seconds);
        parameters.putIfAbsent("loginTimeout", seconds);
        parameters.putIfAbsent("socketTimeout", Long.toString(statement.toSeconds() + 5));
        return new PostgresUrl(url.host(), url.port(), url.database(), url.user(), url.password(), parameters);
    }

    /** Configures a {@link PoolInspector}; {@link #build()} reports every invalid option at once. */
    public static final class Builder {

        private PoolGauge pool;
        private PostgresUrl server;
        private String applicationName;
        private Duration window = DEFAULT_WINDOW;
        private Duration sampleInterval = DEFAULT_SAMPLE_INTERVAL;
        private Duration transactionP99;
        private Duration leakThreshold;
        private Duration idleInTransactionThreshold = DEFAULT_IDLE_IN_TRANSACTION_THRESHOLD;
        private Duration statementTimeout = DEFAULT_STATEMENT_TIMEOUT;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private double saturatedShare = DEFAULT_SATURATED_SHARE;
        private double budgetShare = DEFAULT_BUDGET_SHARE;

        private Builder() {
        }

        /** The pool to inspect (required), for example {@link HikariPoolGauge#of}. */
        public Builder pool(PoolGauge gauge) {
            this.pool = gauge;
            return this;
        }

        /** The server, reached over the inspector's own connection (required); never the pool's. */
        public Builder server(PostgresUrl url) {
            this.server = url;
            return this;
        }

        /** The {@code application_name} of the pool's sessions (default: what the pool's configuration says). */
        public Builder applicationName(String name) {
            this.applicationName = name;
            return this;
        }

        /** How long to sample the pool (default 10 s). */
        public Builder window(Duration duration) {
            this.window = duration;
            return this;
        }

        /** How often to sample within the window (default 100 ms). */
        public Builder sampleInterval(Duration interval) {
            this.sampleInterval = interval;
            return this;
        }

        /** The app's transaction p99: the leak threshold becomes 10 × it, at least 2 s. */
        public Builder transactionP99(Duration p99) {
            this.transactionP99 = p99;
            return this;
        }

        /**
         * How long a connection may be held before it counts as leaked (default: 10 × the transaction p99
         * if given, else the pool's leakDetectionThreshold if set, else 60 s).
         */
        public Builder leakThreshold(Duration threshold) {
            this.leakThreshold = threshold;
            return this;
        }

        /** How long a session may sit idle in a transaction before it is reported (default 1 s). */
        public Builder idleInTransactionThreshold(Duration threshold) {
            this.idleInTransactionThreshold = threshold;
            return this;
        }

        /** statement_timeout of the inspector's queries, and their socket timeout + 5 s (default 5 s). */
        public Builder statementTimeout(Duration timeout) {
            this.statementTimeout = timeout;
            return this;
        }

        /** Connect and login timeout of the inspector's connection (default 5 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** The share of samples with waiting requests from which the pool counts as saturated (default 0.5). */
        public Builder saturatedShare(double share) {
            this.saturatedShare = share;
            return this;
        }

        /** The share of the server's ordinary connections in use from which the budget is reported (default 0.9). */
        public Builder budgetShare(double share) {
            this.budgetShare = share;
            return this;
        }

        /**
         * Builds the inspector.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every invalid option
         */
        public PoolInspector build() {
            List<String> problems = new ArrayList<>();
            if (pool == null) {
                problems.add("the pool is missing — pass HikariPoolGauge.of(dataSource)");
            }
            if (server == null) {
                problems.add("the server URL is missing — the inspector reads pg_stat_activity over its own connection");
            }
            Optional<String> name = Optional.ofNullable(applicationName).or(() -> pool == null ? Optional.empty()
                    : pool.applicationName());
            if (pool != null && name.isEmpty()) {
                problems.add("the pool's application_name is unknown — set applicationName(…) to what its sessions"
                        + " show in pg_stat_activity");
            }
            positive(problems, "window", window);
            positive(problems, "sampleInterval", sampleInterval);
            positive(problems, "statementTimeout", statementTimeout);
            positive(problems, "connectTimeout", connectTimeout);
            positive(problems, "idleInTransactionThreshold", idleInTransactionThreshold);
            if (transactionP99 != null) {
                positive(problems, "transactionP99", transactionP99);
            }
            if (leakThreshold != null) {
                positive(problems, "leakThreshold", leakThreshold);
            }
            if (isPositive(window) && isPositive(sampleInterval) && sampleInterval.compareTo(window) > 0) {
                problems.add("sampleInterval (" + Durations.text(sampleInterval) + ") is longer than the window ("
                        + Durations.text(window) + ")");
            }
            if (!(saturatedShare > 0 && saturatedShare <= 1)) {
                problems.add("saturatedShare must be within (0, 1], was " + saturatedShare);
            }
            if (!(budgetShare > 0 && budgetShare <= 1)) {
                problems.add("budgetShare must be within (0, 1], was " + budgetShare);
            }
            if (!problems.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "invalid PoolInspector options: "
                        + String.join("; ", problems));
            }
            return new PoolInspector(this, name.orElseThrow(), thresholds());
        }

        private PoolDiagnosis.Thresholds thresholds() {
            Duration leak;
            String basis;
            if (leakThreshold != null) {
                leak = leakThreshold;
                basis = "as configured";
            } else if (transactionP99 != null) {
                Duration tenTimes = transactionP99.multipliedBy(10);
                leak = tenTimes.compareTo(Duration.ofSeconds(2)) > 0 ? tenTimes : Duration.ofSeconds(2);
                basis = "10 × the transaction p99 of " + Durations.text(transactionP99) + ", at least 2 s";
            } else if (!pool.leakDetectionThreshold().isZero()) {
                leak = pool.leakDetectionThreshold();
                basis = "the pool's leakDetectionThreshold";
            } else {
                leak = Duration.ofSeconds(60);
                basis = "the default; give the transaction p99 for a sharper one";
            }
            return new PoolDiagnosis.Thresholds(leak, basis, idleInTransactionThreshold, saturatedShare, budgetShare);
        }

        private static boolean isPositive(Duration d) {
            return d != null && !d.isNegative() && !d.isZero();
        }

        private static void positive(List<String> problems, String name, Duration value) {
            if (!isPositive(value)) {
                problems.add(name + " must be positive, was " + (value == null ? "missing" : Durations.text(value)));
            }
        }
    }

    @Override
    public String toString() {
        return "PoolInspector[" + pool.poolName() + " at " + Objects.toString(server.masked()) + "]";
    }
}
