package dev.dbops.benchmarks.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * What one transaction does on the server: {@code pg_sleep} for a time drawn from a distribution,
 * and for some workloads a real query over a small table. Each statement also returns the server's
 * {@code statement_timestamp()}, so the time a request spent queued before the server saw it (in
 * PgBouncer) can be measured on one clock.
 */
enum ServerWork {

    /** pg_sleep with exponentially distributed times, mean 20 ms: the M/M/c case. */
    EXPONENTIAL_20MS("exponential sleep, mean 20 ms", false) {
        @Override
        double sleepSeconds(SplittableRandom random) {
            return -Math.log(1 - random.nextDouble()) * 0.020;
        }
    },
    /** pg_sleep log-normal (median 8 ms, σ 0.8, mean ≈ 11 ms) plus an aggregate over 20,000 rows. */
    LOGNORMAL_WITH_QUERY("log-normal sleep (median 8 ms, σ 0.8) + count(*) over an index range", true) {
        @Override
        double sleepSeconds(SplittableRandom random) {
            return 0.008 * Math.exp(0.8 * gaussian(random));
        }
    },
    /** pg_sleep of 5 ms nine times in ten and 80 ms once in ten (mean 12.5 ms): a high-variance mix. */
    BIMODAL("bimodal sleep: 5 ms (90 %) or 80 ms (10 %)", false) {
        @Override
        double sleepSeconds(SplittableRandom random) {
            return random.nextDouble() < 0.9 ? 0.005 : 0.080;
        }
    },
    /** pg_sleep with exponentially distributed times, mean 10 ms: the budget and PgBouncer runs. */
    EXPONENTIAL_10MS("exponential sleep, mean 10 ms", false) {
        @Override
        double sleepSeconds(SplittableRandom random) {
            return -Math.log(1 - random.nextDouble()) * 0.010;
        }
    };

    /** What the server reported for one statement. */
    record Timing(Instant serverStart, Instant serverEnd) {
    }

    static final String TABLE_DDL = "create table if not exists pool_bench (k int primary key, v text);"
            + " insert into pool_bench select g, md5(g::text) from generate_series(1, 20000) g on conflict do nothing;"
            + " analyze pool_bench";

    private final String description;
    private final boolean realQuery;

    ServerWork(String description, boolean realQuery) {
        this.description = description;
        this.realQuery = realQuery;
    }

    String description() {
        return description;
    }

    abstract double sleepSeconds(SplittableRandom random);

    /** Runs one transaction's work on the connection (auto-commit); returns the sleep statement's server timing. */
    Timing run(Connection connection, SplittableRandom random) throws SQLException {
        Timing timing;
        try (PreparedStatement sleep = connection.prepareStatement("select extract(epoch from statement_timestamp()),"
                + " extract(epoch from clock_timestamp()) from (select pg_sleep(?)) s")) {
            sleep.setDouble(1, sleepSeconds(random));
            try (ResultSet rs = sleep.executeQuery()) {
                rs.next();
                timing = new Timing(epoch(rs.getDouble(1)), epoch(rs.getDouble(2)));
            }
        }
        if (realQuery) {
            try (PreparedStatement query = connection.prepareStatement(
                    "select count(*), max(v) from pool_bench where k between ? and ? + 2000")) {
                int from = 1 + random.nextInt(18_000);
                query.setInt(1, from);
                query.setInt(2, from);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                }
            }
        }
        return timing;
    }

    private static Instant epoch(double seconds) {
        long micros = Math.round(seconds * 1e6);
        return Instant.ofEpochSecond(micros / 1_000_000, micros % 1_000_000 * 1000);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
