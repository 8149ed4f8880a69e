package dev.dbops.benchmarks.pool;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * App instances, each with its own HikariCP pool, behind a round-robin load balancer that only
 * routes to instances that started. Every connection attempt goes through a data source that counts
 * the server's refusals ("too many clients already").
 */
final class Fleet implements AutoCloseable {

    /** One running instance. */
    record Instance(String name, HikariDataSource pool) {
    }

    private final Function<String, HikariConfig> configs;
    private final List<Instance> live = new CopyOnWriteArrayList<>();
    private final List<String> startFailures = new CopyOnWriteArrayList<>();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicInteger next = new AtomicInteger();

    /** {@code configs} gives each instance's pool configuration, without its data source. */
    Fleet(Function<String, HikariConfig> configs) {
        this.configs = configs;
    }

    /** Starts an instance; a pool that cannot get its first connection fails the start, as in a real deploy. */
    boolean start(String name, PGSimpleDataSource target) {
        HikariConfig config = configs.apply(name);
        config.setPoolName(name);
        config.setDataSource(new Counting(target, refused));
        try {
            live.add(new Instance(name, new HikariDataSource(config)));
            return true;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            startFailures.add(name + ": " + root.getMessage());
            return false;
        }
    }

    /**
     * Stops an instance (if it is running) as a deploy does: the load balancer stops routing to it,
     * its requests in flight finish (up to 2 s), then its pool closes and its connections go.
     */
    void stop(String name) {
        for (Instance instance : live) {
            if (instance.name().equals(name)) {
                live.remove(instance);
                // Requests routed just before the removal still reach this pool: let them borrow and finish.
                LockSupport.parkNanos(200_000_000L);
                long deadline = System.nanoTime() + 2_000_000_000L;
                while (instance.pool().getHikariPoolMXBean().getActiveConnections() > 0
                        && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(5_000_000L);
                }
                instance.pool().close();
            }
        }
    }

    /** The next running instance, round robin. */
    Optional<Instance> route() {
        List<Instance> now = new ArrayList<>(live);
        if (now.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(now.get(Math.floorMod(next.getAndIncrement(), now.size())));
    }

    List<Instance> live() {
        return List.copyOf(live);
    }

    List<String> startFailures() {
        return List.copyOf(startFailures);
    }

    /** Connection attempts the server refused with "too many clients already", pool fills included. */
    long refusedConnections() {
        return refused.get();
    }

    @Override
    public void close() {
        for (Instance instance : live) {
            instance.pool().close();
        }
        live.clear();
    }

    /** A data source that counts the server's refusals. */
    private record Counting(PGSimpleDataSource target, AtomicLong refused) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            try {
                return target.getConnection();
            } catch (SQLException e) {
                if ("53300".equals(e.getSQLState())) {
                    refused.incrementAndGet();
                }
                throw e;
            }
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // Not used.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() {
            return target.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }
}
