package dev.dbops.runtime;

import dev.dbops.DbopsException;
import dev.dbops.pool.HikariSettings;
import dev.dbops.pool.HoldTime;
import dev.dbops.pool.PoolRecommendation;
import dev.dbops.pool.PoolSizer;
import dev.dbops.pool.ServerFacts;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A pool's recommendation next to its actual settings, for the {@code dbops} endpoint: the sizer runs
 * with the workload of {@code dbops.pool.sizing.*} and the server's connection budget read now, on dbops's own
 * connection.
 */
public final class PoolSizing {

    private final Supplier<Optional<HikariSettings>> actual;
    private final Optional<Workload> workload;
    private final MonitorDatabase database;
    private final Optional<String> applicationName;

    /**
     * The workload to size for.
     *
     * @param peakRate transactions per second at peak, across all instances
     * @param dbTime the mean time a transaction holds its connection
     * @param dbTimeP99 its 99th percentile, when known
     * @param targetWait the p99 acquire wait to keep, when not the mean DB time
     * @param instances instances in normal operation
     * @param maxInstances the most instances at once
     */
    public record Workload(double peakRate, Duration dbTime, Optional<Duration> dbTimeP99,
            Optional<Duration> targetWait, int instances, int maxInstances) {

        /** Checks that nothing is null. */
        public Workload {
            Objects.requireNonNull(dbTime, "dbTime");
            Objects.requireNonNull(dbTimeP99, "dbTimeP99");
            Objects.requireNonNull(targetWait, "targetWait");
        }
    }

    /**
     * Creates the sizing.
     *
     * @param actual the pool's settings now, empty when the pool is not HikariCP
     * @param workload the workload, empty when none is configured (then only the actual settings are shown)
     * @param database where the server's budget is read
     * @param applicationName the pool's {@code application_name}, so that its sessions are not counted as other
     *     clients
     */
    public PoolSizing(Supplier<Optional<HikariSettings>> actual, Optional<Workload> workload, MonitorDatabase database,
            Optional<String> applicationName) {
        this.actual = Objects.requireNonNull(actual, "actual");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.database = Objects.requireNonNull(database, "database");
        this.applicationName = Objects.requireNonNull(applicationName, "applicationName");
    }

    /** The pool's settings now. */
    public Optional<HikariSettings> actual() {
        return actual.get();
    }

    /**
     * The recommendation for the configured workload, empty when none is configured.
     *
     * @throws DbopsException with {@code INVALID_CONFIGURATION} for an invalid workload, or
     *     {@code POOL_TARGET_UNREACHABLE} when no pool fitting the server keeps the target
     */
    public Optional<PoolRecommendation> recommend() {
        if (workload.isEmpty()) {
            return Optional.empty();
        }
        Workload w = workload.get();
        HoldTime hold = w.dbTimeP99().map(p99 -> HoldTime.fromMeanAndP99(w.dbTime(), p99))
                .orElseGet(() -> HoldTime.exponential(w.dbTime()));
        PoolSizer.Builder sizer = PoolSizer.builder().peakRate(w.peakRate()).holdTime(hold)
                .instances(w.instances(), w.maxInstances()).server(serverFacts());
        w.targetWait().ifPresent(target -> sizer.targetWait(target, PoolSizer.DEFAULT_TARGET_PERCENTILE));
        return Optional.of(sizer.build().recommend());
    }

    private ServerFacts serverFacts() {
        try (Connection connection = database.open(Duration.ofSeconds(5))) {
            return ServerFacts.read(connection, applicationName);
        } catch (DbopsException | SQLException e) {
            return ServerFacts.postgresDefaults();
        }
    }
}
