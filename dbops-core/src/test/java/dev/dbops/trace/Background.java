package dev.dbops.trace;

import dev.dbops.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A session of a test that plays a long-running application transaction in the scratch database: it opens
 * a transaction, runs {@code sql} in it, and ends it once the migration is seen waiting for a lock (or has
 * run a statement matching {@code migrationQuery} for a while), plus {@code holdOn}.
 */
final class Background {

    private Background() {
    }

    /**
     * Starts the session from a seeder's data source; the returned future completes with the session's pid
     * once its transaction has ended.
     */
    static CompletableFuture<Integer> holdUntilMigrationWaits(DataSource seeded, String sql, Duration holdOn) {
        String url = ((PGSimpleDataSource) seeded).getUrl();
        CompletableFuture<Integer> ended = new CompletableFuture<>();
        CompletableFuture<Void> open = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try (Connection holder = seeded.getConnection(); Connection watcher = seeded.getConnection()) {
                holder.setAutoCommit(false);
                int pid;
                try (Statement statement = holder.createStatement()) {
                    statement.execute(sql);
                    try (ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
                        rs.next();
                        pid = rs.getInt(1);
                    }
                }
                open.complete(null);
                awaitWaitingMigration(watcher, pid);
                Thread.sleep(holdOn.toMillis());
                holder.commit();
                ended.complete(pid);
            } catch (SQLException | InterruptedException | RuntimeException e) {
                open.completeExceptionally(e);
                ended.completeExceptionally(e);
            }
        }, "test-background-transaction " + url);
        thread.setDaemon(true);
        thread.start();
        open.orTimeout(10, TimeUnit.SECONDS).join();
        return ended;
    }

    /** Waits (at most 30 s) until the trace's migrating session waits for a lock that {@code blocker} blocks. */
    private static void awaitWaitingMigration(Connection watcher, int blocker) throws SQLException,
            InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (PreparedStatement statement = watcher.prepareStatement("select count(*) from pg_stat_activity"
                + " where application_name = 'dbops-trace-migration' and ? = any(pg_blocking_pids(pid))")) {
            statement.setInt(1, blocker);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(5);
            }
        }
        throw new IllegalStateException("the migration never waited for the background transaction");
    }

    /** Whether the database still exists, for checks that a scratch database was dropped. */
    static boolean exists(PostgresDatabase admin, String name) throws SQLException {
        try (Connection connection = admin.connect();
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from pg_database where datname = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
