package dev.dbops.pool;

import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;

/** The checks behind {@link PoolSizer.Builder#build()}: each problem as one sentence with the fix. */
final class SizerValidation {

    private SizerValidation() {
    }

    static void workload(List<String> problems, double peakRate, HoldTime holdTime, Duration targetWait,
            double percentile, int instances, int maxInstances, int connectionsPerTransaction,
            OptionalInt threadsPerInstance) {
        if (Double.isNaN(peakRate)) {
            problems.add("the peak rate is missing — give the peak transactions per second across all instances");
        } else if (!(peakRate > 0) || Double.isInfinite(peakRate)) {
            problems.add("the peak rate must be a positive number of transactions per second, was "
                    + Durations.trim(peakRate) + "/s — give the peak rate across all instances (for example 250)");
        }
        if (holdTime == null) {
            problems.add("the DB time per transaction is missing — give the mean time a transaction holds its"
                    + " connection (and its p99, or measured samples)");
        }
        if (targetWait != null && targetWait.isNegative()) {
            problems.add("the target acquire wait must not be negative, was " + Durations.text(targetWait));
        }
        if (!(percentile > 0 && percentile < 1)) {
            problems.add("the target percentile must be between 0 and 1 (exclusive), was " + percentile
                    + " — for example 0.99; a wait no request ever exceeds cannot be promised under random arrivals");
        }
        if (instances < 1) {
            problems.add("the instance count must be at least 1, was " + instances);
        }
        if (maxInstances < instances) {
            problems.add("the most instances at once (" + maxInstances + ") is below the usual count (" + instances
                    + ") — give the count during rolling deploys or autoscaling, at least the usual count");
        }
        if (connectionsPerTransaction < 1) {
            problems.add("connections per transaction must be at least 1, was " + connectionsPerTransaction);
        }
        if (threadsPerInstance.isPresent() && threadsPerInstance.getAsInt() < 1) {
            problems.add("threads per instance must be at least 1, was " + threadsPerInstance.getAsInt());
        }
        if (connectionsPerTransaction > 1 && threadsPerInstance.isEmpty()) {
            problems.add("with " + connectionsPerTransaction + " connections per transaction the deadlock floor"
                    + " needs the threads per instance that run transactions — give them");
        }
    }

    static void server(List<String> problems, ServerFacts server) {
        int max = server.maxConnections();
        int superuser = server.superuserReservedConnections();
        int reserved = server.reservedConnections();
        int others = server.otherConnections();
        boolean counts = true;
        if (max < 1) {
            problems.add("max_connections must be at least 1, was " + max);
            counts = false;
        }
        if (superuser < 0) {
            problems.add("superuser_reserved_connections must not be negative, was " + superuser);
            counts = false;
        }
        if (reserved < 0) {
            problems.add("reserved_connections must not be negative, was " + reserved);
            counts = false;
        }
        if (others < 0) {
            problems.add("other clients' connections must not be negative, was " + others);
            counts = false;
        }
        if (reserved > 0 && server.majorVersion().isPresent() && server.majorVersion().getAsInt() < 16) {
            problems.add("reserved_connections is " + reserved + " but PostgreSQL " + server.majorVersion().getAsInt()
                    + " has no such setting (it exists from PostgreSQL 16) — drop it or fix the server version");
        }
        if (counts && superuser + reserved >= max) {
            problems.add("superuser_reserved_connections (" + superuser + ") + reserved_connections (" + reserved
                    + ") leave none of max_connections (" + max + ") for ordinary clients; PostgreSQL requires them"
                    + " to be below max_connections — check the three figures");
        } else if (counts && superuser + reserved + others >= max) {
            problems.add("other clients already use " + others + " of the " + (max - superuser - reserved)
                    + " connections left after the reserved ones (max_connections " + max + " − " + superuser
                    + " superuser-reserved − " + reserved + " reserved): nothing is left for this app — check the"
                    + " other clients' count or raise max_connections");
        }
        if (server.cpuCores().isPresent() && server.cpuCores().getAsInt() < 1) {
            problems.add("the server's CPU cores must be at least 1, was " + server.cpuCores().getAsInt());
        }
        server.idleSessionTimeout().filter(d -> d.isNegative() || d.isZero()).ifPresent(d -> problems.add(
                "idle_session_timeout must be positive when given, was " + Durations.text(d)));
    }

    static void pgBouncer(List<String> problems, PgBouncerTier tier) {
        if (tier.poolMode() == PoolMode.STATEMENT) {
            problems.add("PgBouncer pool_mode=statement refuses multi-statement transactions, which JDBC apps"
                    + " with setAutoCommit(false) or @Transactional run — use pool_mode=transaction");
        }
        tier.defaultPoolSize().ifPresent(n -> {
            if (n < 1) {
                problems.add("PgBouncer default_pool_size must be at least 1, was " + n);
            }
        });
        tier.maxClientConn().ifPresent(n -> {
            if (n < 1) {
                problems.add("PgBouncer max_client_conn must be at least 1, was " + n);
            }
        });
        tier.maxPreparedStatements().ifPresent(n -> {
            if (n < 0) {
                problems.add("PgBouncer max_prepared_statements must not be negative, was " + n);
            }
        });
        if (tier.maxPreparedStatements().isPresent() && tier.maxPreparedStatements().getAsInt() > 0
                && tier.version().isPresent() && !tier.version().get().supportsPreparedStatements()) {
            problems.add("max_prepared_statements is set but PgBouncer " + tier.version().get()
                    + " does not know it (it exists from 1.21) — check the version");
        }
        tier.clientIdleTimeout().filter(d -> d.isNegative() || d.isZero()).ifPresent(d -> problems.add(
                "PgBouncer client_idle_timeout must be positive when given, was " + Durations.text(d)));
    }
}
