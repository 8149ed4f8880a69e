package dev.dbops.benchmarks.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Measures a workload's hold times with no queueing at all — one request at a time through a pool of
 * one connection — as a user measures them in production (HikariCP's {@code hikaricp.connections.usage}).
 * These samples are the model's a-priori input.
 */
final class Calibration {

    /** The measured hold times, and the median delay between sending a statement and the server starting it. */
    record Result(List<Duration> holds, Duration medianTransit) {
    }

    private Calibration() {
    }

    static Result measure(PGSimpleDataSource target, ServerWork work, int transactions, long seed) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setDataSource(target);
        config.setMaximumPoolSize(1);
        config.setPoolName("calibration");
        SplittableRandom random = new SplittableRandom(seed);
        List<Duration> holds = new ArrayList<>();
        long[] transit = new long[transactions];
        try (HikariDataSource pool = new HikariDataSource(config)) {
            for (int i = 0; i < transactions + 20; i++) {
                long started = System.nanoTime();
                Connection connection = pool.getConnection();
                long acquired = System.nanoTime();
                Instant sent = Instant.now();
                ServerWork.Timing timing = work.run(connection, random);
                connection.close();
                if (i >= 20) {
                    holds.add(Duration.ofNanos(System.nanoTime() - acquired));
                    transit[i - 20] = Duration.between(sent, timing.serverStart()).toNanos();
                }
                if (acquired - started < 0) {
                    throw new IllegalStateException("clock went backwards");
                }
            }
        }
        Arrays.sort(transit);
        return new Result(holds, Duration.ofNanos(transit[transactions / 2]));
    }

    /** A pgjdbc data source for the URL (its user and password), reporting {@code applicationName}. */
    static PGSimpleDataSource dataSource(PostgresUrl url, String applicationName) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setServerNames(new String[] {url.host()});
        source.setPortNumbers(new int[] {url.port()});
        source.setDatabaseName(url.database());
        url.user().ifPresent(source::setUser);
        url.password().ifPresent(source::setPassword);
        source.setApplicationName(applicationName);
        source.setConnectTimeout(5);
        return source;
    }
}
