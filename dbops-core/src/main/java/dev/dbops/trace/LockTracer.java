package dev.dbops.trace;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.migration.MigrationSet;
import dev.dbops.postgres.ExternalPostgres;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.postgres.PostgresUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Traces migrations on a real PostgreSQL: runs them on a scratch database the way their tool runs them
 * and records, per statement, the locks the migrating session holds, the relations it rewrites, the
 * tables it scans and how long it takes, next to what the linter predicted.
 *
 * <pre>{@code
 * MigrationSet applied = MigrationSource.builder().location("db/migration/V1__init.sql").build().load();
 * MigrationSet pending = MigrationSource.builder().location("db/migration/V2__orders_total.sql").build().load();
 * TraceReport report = LockTracer.builder().pgVersion(18).build().trace(applied, pending);
 * report.findings().forEach(System.out::println);
 * }</pre>
 *
 * <p>The server is an embedded PostgreSQL of {@link Builder#pgVersion(int)} (default
 * {@value #DEFAULT_PG_VERSION}, started and stopped by each trace), an existing server named by
 * {@link Builder#url(String)}, or a {@link PostgresServer} the caller owns. Either way the trace creates a
 * scratch database there, marked with a comment, and drops it afterwards, whatever happened; no other
 * database is touched. The migrations before the traced ones are applied untraced, then the
 * {@link Builder#seeder(Seeder) seeder} fills the tables and {@code ANALYZE} runs, then the traced ones run.
 * Instances are immutable and thread-safe; every trace has its own scratch database.
 */
public final class LockTracer {

    /** The PostgreSQL major version of the embedded server when none is chosen: dbops's default server. */
    public static final int DEFAULT_PG_VERSION = 15;
    /** The oldest PostgreSQL major version a trace supports. */
    public static final int MIN_PG_VERSION = 14;
    /** The newest PostgreSQL major version a trace supports. */
    public static final int MAX_PG_VERSION = 18;
    /** How long a lock blocking writes to an existing table may be held before it is a finding, by default. */
    public static final Duration DEFAULT_LONG_LOCK = Duration.ofSeconds(1);
    /** How often the second session polls {@code pg_locks} while it watches, by default. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(10);

    private final int pgVersion;
    private final Optional<PostgresUrl> url;
    private final Optional<PostgresServer> server;
    private final Optional<Seeder> seeder;
    private final Optional<Workload> workload;
    private final Duration longLock;
    private final Duration pollInterval;
    private final TraceListener listener;

    private LockTracer(Builder builder, Optional<PostgresUrl> url) {
        this.pgVersion = builder.pgVersion.orElse(DEFAULT_PG_VERSION);
        this.url = url;
        this.server = builder.server;
        this.seeder = builder.seeder;
        this.workload = builder.workload;
        this.longLock = builder.longLock;
        this.pollInterval = builder.pollInterval;
        this.listener = builder.listener;
    }

    /** A builder with the defaults: embedded PostgreSQL {@value #DEFAULT_PG_VERSION}, no seeder, no workload. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Traces {@code migrations} on an empty scratch database.
     *
     * @throws DbopsException as {@link #trace(MigrationSet, MigrationSet)} does
     */
    public TraceReport trace(MigrationSet migrations) {
        return trace(new MigrationSet(List.of(), List.of(), List.of(), List.of()), migrations);
    }

    /**
     * Applies {@code applied} untraced, seeds the tables, then traces {@code traced}. A statement that fails
     * is reported in the result ({@link TraceReport#failure()}), and the trace stops there.
     *
     * @throws DbopsException with {@link ErrorCode#UNTRACEABLE_MIGRATIONS} when a file of either set did not
     *     load or Flyway would refuse a script (before anything runs); {@link ErrorCode#TRACE_FAILED} when the
     *     scratch database or a session observing it fails; or the failure of starting or reaching the server
     */
    public TraceReport trace(MigrationSet applied, MigrationSet traced) {
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(traced, "traced");
        List<String> problems = new ArrayList<>();
        List<PlannedMigration> baseline = plan(applied, problems);
        List<PlannedMigration> planned = plan(traced, problems);
        if (!problems.isEmpty()) {
            throw new DbopsException(ErrorCode.UNTRACEABLE_MIGRATIONS, "Cannot trace the migrations as their tool"
                    + " would run them: " + String.join("; ", problems) + " — fix these files first.");
        }
        long started = System.nanoTime();
        ScratchDatabase scratch = server.isPresent() ? ScratchDatabase.open(server::get, false)
                : url.isPresent() ? ScratchDatabase.open(() -> ExternalPostgres.connect(url.get()), true)
                : ScratchDatabase.open(() -> PostgresProvider.fromSpec("embedded:" + pgVersion), true);
        try (scratch) {
            return new TraceRun(scratch, seeder, workload, longLock, pollInterval, listener).run(baseline, planned, started);
        }
    }

    private static List<PlannedMigration> plan(MigrationSet set, List<String> problems) {
        set.problems().forEach(problem -> problems.add(problem.toString()));
        List<PlannedMigration> planned = new ArrayList<>();
        for (var migration : set.migrations()) {
            PlannedMigration plan = PlannedMigration.of(migration);
            plan.refusal().ifPresent(problems::add);
            planned.add(plan);
        }
        return planned;
    }

    /** Configures a {@link LockTracer}; {@link #build()} checks every option and reports all problems at once. */
    public static final class Builder {

        private Optional<Integer> pgVersion = Optional.empty();
        private Optional<String> url = Optional.empty();
        private Optional<PostgresServer> server = Optional.empty();
        private Optional<Seeder> seeder = Optional.empty();
        private Optional<Workload> workload = Optional.empty();
        private Duration longLock = DEFAULT_LONG_LOCK;
        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private TraceListener listener = new TraceListener() { };

        private Builder() {
        }

        /**
         * Traces on an embedded PostgreSQL of this major version, {@value #MIN_PG_VERSION} to
         * {@value #MAX_PG_VERSION} (default {@value #DEFAULT_PG_VERSION}); its binaries come from Maven Central
         * on first use.
         */
        public Builder pgVersion(int majorVersion) {
            this.pgVersion = Optional.of(majorVersion);
            return this;
        }

        /**
         * Traces on the existing server of this URL ({@code jdbc:postgresql://…} or {@code postgresql://…}),
         * whose user needs CREATEDB: the trace creates its own scratch database there and drops it.
         */
        public Builder url(String serverUrl) {
            this.url = Optional.of(Objects.requireNonNull(serverUrl, "serverUrl"));
            return this;
        }

        /** Traces on a server the caller owns and closes, such as {@code PostgresProvider.shared()}. */
        public Builder server(PostgresServer postgres) {
            this.server = Optional.of(Objects.requireNonNull(postgres, "postgres"));
            return this;
        }

        /**
         * Fills the tables after the migrations before the traced ones have built the schema, and before the
         * traced ones run; {@code Seeder.of(DataSeeder.builder().rows(1_000_000).build())} gives every table
         * a million synthetic rows.
         */
        public Builder seeder(Seeder tables) {
            this.seeder = Optional.of(Objects.requireNonNull(tables, "tables"));
            return this;
        }

        /** Runs a simulated application workload on the tables each traced migration locks, while it runs. */
        public Builder workload(Workload load) {
            this.workload = Optional.of(Objects.requireNonNull(load, "load"));
            return this;
        }

        /** A lock blocking writes to an existing table held at least this long is a finding (default 1 s). */
        public Builder longLockThreshold(Duration threshold) {
            this.longLock = Objects.requireNonNull(threshold, "threshold");
            return this;
        }

        /** How often the second session polls {@code pg_locks} while it watches (default 10 ms), 1 ms to 1 s. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** Follows the trace as it runs: progress per migration, the scratch database once all have run. */
        public Builder listener(TraceListener follower) {
            this.listener = Objects.requireNonNull(follower, "follower");
            return this;
        }

        /**
         * Validates the options and builds the tracer; nothing is started yet.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every invalid option
         */
        public LockTracer build() {
            List<String> problems = new ArrayList<>();
            int servers = (pgVersion.isPresent() ? 1 : 0) + (url.isPresent() ? 1 : 0) + (server.isPresent() ? 1 : 0);
            if (servers > 1) {
                problems.add("choose one server: pgVersion(…) for an embedded one, url(…) or server(…), not "
                        + servers);
            }
            pgVersion.filter(v -> v < MIN_PG_VERSION || v > MAX_PG_VERSION).ifPresent(v -> problems.add(
                    "PostgreSQL " + v + " cannot be traced; use " + MIN_PG_VERSION + " to " + MAX_PG_VERSION));
            Optional<PostgresUrl> parsed = Optional.empty();
            if (url.isPresent()) {
                try {
                    parsed = Optional.of(PostgresUrl.parse(url.get()));
                } catch (DbopsException e) {
                    problems.add(e.getMessage());
                }
            }
            if (longLock.isNegative()) {
                problems.add("the long-lock threshold must not be negative, not " + longLock);
            }
            if (pollInterval.toMillis() < 1 || pollInterval.compareTo(Duration.ofSeconds(1)) > 0) {
                problems.add("the poll interval must be 1 ms to 1 s, not " + pollInterval.toMillis() + " ms");
            }
            if (!problems.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                        "Invalid lock tracer configuration: " + String.join("; ", problems));
            }
            return new LockTracer(this, parsed);
        }
    }
}
