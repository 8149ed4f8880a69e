package dev.dbops.trace;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A simulated application load run in other sessions while each traced migration runs: single-row reads
 * (ACCESS SHARE, like a SELECT) and single-row updates (ROW EXCLUSIVE, like any write) on the existing
 * tables the migration's statements lock, issued at fixed rates whatever the answers take (an open loop,
 * as real traffic arrives), over a few sessions like a connection pool.
 *
 * <pre>{@code
 * Workload workload = Workload.builder().readsPerSecond(40).writesPerSecond(10).build();
 * }</pre>
 *
 * @param readsPerSecond reads issued per second
 * @param writesPerSecond writes issued per second
 * @param sessions the sessions they share, like the connections of a pool; a query waits for a free one
 * @param waitThreshold a query that takes longer than this, from being issued to its result, is a finding
 * @param queryTimeout the workload's {@code statement_timeout}, so that a lock never released cannot hang the trace
 */
public record Workload(int readsPerSecond, int writesPerSecond, int sessions, Duration waitThreshold,
        Duration queryTimeout) {

    /** Default reads per second. */
    public static final int DEFAULT_READS_PER_SECOND = 40;
    /** Default writes per second. */
    public static final int DEFAULT_WRITES_PER_SECOND = 10;
    /** Default number of sessions. */
    public static final int DEFAULT_SESSIONS = 4;
    /** Default wait threshold. */
    public static final Duration DEFAULT_WAIT_THRESHOLD = Duration.ofMillis(200);
    /** Default query timeout. */
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(60);

    /** Validates the parts (use {@link #builder()} for a message listing every problem). */
    public Workload {
        Objects.requireNonNull(waitThreshold, "waitThreshold");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        List<String> problems = problems(readsPerSecond, writesPerSecond, sessions, waitThreshold, queryTimeout);
        if (!problems.isEmpty()) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                    "Invalid trace workload: " + String.join("; ", problems));
        }
    }

    /** A builder with the defaults: 40 reads and 10 writes per second over 4 sessions, 200 ms threshold, 60 s timeout. */
    public static Builder builder() {
        return new Builder();
    }

    /** The interval between two queries of either kind, in nanoseconds. */
    long intervalNanos() {
        return 1_000_000_000L / (readsPerSecond + writesPerSecond);
    }

    private static List<String> problems(int reads, int writes, int sessions, Duration threshold, Duration timeout) {
        List<String> problems = new ArrayList<>();
        if (reads < 0 || writes < 0 || reads + writes == 0) {
            problems.add("reads per second (" + reads + ") and writes per second (" + writes + ") must not be negative"
                    + " and not both zero");
        } else if (reads + writes > 10_000) {
            problems.add("at most 10000 queries per second in all, not " + (reads + writes));
        }
        if (sessions < 1 || sessions > 100) {
            problems.add("sessions must be 1 to 100, not " + sessions);
        }
        if (threshold.isNegative() || threshold.isZero()) {
            problems.add("the wait threshold must be positive, not " + threshold);
        }
        if (timeout.toMillis() < 1) {
            problems.add("the query timeout must be at least 1 ms, not " + timeout);
        }
        return problems;
    }

    /** Configures a {@link Workload}; {@link #build()} reports every invalid option at once. */
    public static final class Builder {

        private int reads = DEFAULT_READS_PER_SECOND;
        private int writes = DEFAULT_WRITES_PER_SECOND;
        private int sessions = DEFAULT_SESSIONS;
        private Duration waitThreshold = DEFAULT_WAIT_THRESHOLD;
        private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;

        private Builder() {
        }

        /** Reads issued per second (default {@value #DEFAULT_READS_PER_SECOND}). */
        public Builder readsPerSecond(int perSecond) {
            this.reads = perSecond;
            return this;
        }

        /** Writes issued per second (default {@value #DEFAULT_WRITES_PER_SECOND}). */
        public Builder writesPerSecond(int perSecond) {
            this.writes = perSecond;
            return this;
        }

        /** The sessions the queries share (default {@value #DEFAULT_SESSIONS}), 1 to 100. */
        public Builder sessions(int count) {
            this.sessions = count;
            return this;
        }

        /** A query slower than this is a finding (default 200 ms). */
        public Builder waitThreshold(Duration threshold) {
            this.waitThreshold = Objects.requireNonNull(threshold, "threshold");
            return this;
        }

        /** The workload sessions' {@code statement_timeout} (default 60 s). */
        public Builder queryTimeout(Duration timeout) {
            this.queryTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Validates the options and builds the workload.
         *
         * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} listing every invalid option
         */
        public Workload build() {
            return new Workload(reads, writes, sessions, waitThreshold, queryTimeout);
        }
    }
}
