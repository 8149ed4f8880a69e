package dev.dbops.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoolInspectorTest {

    private PostgresDatabase database;
    private HikariDataSource dataSource;
    private final List<Connection> held = new ArrayList<>();

    @BeforeEach
    void createDatabase() {
        database = PostgresProvider.shared().createDatabase();
    }

    @AfterEach
    void closeEverything() throws SQLException {
        for (Connection connection : held) {
            connection.close();
        }
        if (dataSource != null) {
            dataSource.close();
        }
        database.close();
    }

    @Test
    void leakedConnectionIsReportedWithItsBackendPidStateAndLastQuery() throws Exception {
        dataSource = pool("leak-app", 3);
        Connection leaked = borrow();
        leaked.setAutoCommit(false);
        int pid = backendPid(leaked);
        try (Statement statement = leaked.createStatement()) {
            statement.execute("create table orders (id int); insert into orders values (1)");
        }
        Thread.sleep(1_500);

        PoolHealthReport report = inspector().leakThreshold(Duration.ofSeconds(1)).build().inspect();

        assertThat(report.findings(PoolCheck.CONNECTION_LEAK)).singleElement().satisfies(f -> {
            assertThat(f.backendPid()).hasValue(pid);
            assertThat(f.severity()).isEqualTo(PoolSeverity.ERROR);
            assertThat(f.message()).contains("backend pid " + pid + " of 'leak-app' has been idle in transaction for",
                    "transaction started", "last query: insert into orders values (1)");
            assertThat(f.help()).contains("pg_terminate_backend(" + pid + ")");
        });
        assertThat(report.sessions()).extracting(BackendSession::pid).contains(pid);
    }

    @Test
    void exhaustedPoolIsReportedAsSaturatedWithinOneWindowOverTheInspectorsOwnConnection() throws Exception {
        dataSource = pool("busy-app", 2);
        borrow();
        borrow();
        ExecutorService waiters = Executors.newFixedThreadPool(3);
        try {
            List<Future<Connection>> waiting = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                waiting.add(waiters.submit(() -> dataSource.getConnection()));
            }
            awaitWaiting(3);
            long started = System.nanoTime();

            PoolHealthReport report = inspector().window(Duration.ofSeconds(1)).build().inspect();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
            assertThat(report.findings(PoolCheck.POOL_SATURATED)).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(PoolSeverity.ERROR);
                assertThat(f.message()).contains("requests waited for a connection in " + report.samples().size()
                        + " of " + report.samples().size() + " samples", "up to 3 waiting", "all 2 connections");
                assertThat(f.help()).contains("2 idle");
            });
            assertThat(report.server()).isPresent();
            dataSource.close();
            for (Future<Connection> future : waiting) {
                future.cancel(true);
            }
        } finally {
            waiters.shutdownNow();
            waiters.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void shortIdleInTransactionIsAWarningNotALeak() throws Exception {
        dataSource = pool("slow-app", 2);
        Connection connection = borrow();
        connection.setAutoCommit(false);
        int pid = backendPid(connection);
        Thread.sleep(400);

        PoolHealthReport report = inspector().idleInTransactionThreshold(Duration.ofMillis(200))
                .window(Duration.ofMillis(200)).build().inspect();

        assertThat(report.findings(PoolCheck.CONNECTION_LEAK)).isEmpty();
        assertThat(report.findings(PoolCheck.IDLE_IN_TRANSACTION)).singleElement()
                .satisfies(f -> assertThat(f.backendPid()).hasValue(pid));
    }

    @Test
    void healthyPoolHasNoFindings() throws Exception {
        dataSource = pool("healthy-app", 3);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }

        PoolHealthReport report = inspector().window(Duration.ofMillis(300)).build().inspect();

        assertThat(report.findings()).isEmpty();
        assertThat(report.samples()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(report.toText()).contains("Pool healthy-app (application_name 'healthy-app')", "No findings.");
    }

    @Test
    void unreachableServerStillReportsThePoolsSide() throws Exception {
        dataSource = pool("orphan-app", 1);
        borrow();
        PostgresUrl nowhere = new PostgresUrl("127.0.0.1", 1, "app", database.url().user(), database.url().password(),
                java.util.Map.of());

        PoolHealthReport report = PoolInspector.builder().pool(HikariPoolGauge.of(dataSource)).server(nowhere)
                .window(Duration.ofMillis(200)).build().inspect();

        assertThat(report.server()).isEmpty();
        assertThat(report.findings(PoolCheck.SERVER_UNREACHABLE)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("127.0.0.1:1"));
        assertThat(report.samples()).allSatisfy(s -> assertThat(s.active()).isEqualTo(1));
    }

    @Test
    void validationRefreshesTheSessionsStateChangeAsTheKeepaliveCheckAssumes() throws Exception {
        // The keepalive leak check relies on HikariCP's keepalive (Connection.isValid) touching idle sessions.
        try (Connection connection = database.connect(); Connection observer = database.connect()) {
            int pid = backendPid(connection);
            Timestamp before = stateChange(observer, pid);
            Thread.sleep(50);

            assertThat(connection.isValid(2)).isTrue();

            assertThat(stateChange(observer, pid)).isAfter(before);
        }
    }

    @Test
    void acquireTimesFromTheRecorderAppearInTheNextSample() throws Exception {
        dataSource = pool("timed-app", 2);
        AcquireTimeRecorder recorder = AcquireTimeRecorder.create();
        dataSource.setMetricsTrackerFactory(recorder);
        HikariPoolGauge gauge = HikariPoolGauge.of(dataSource, recorder);
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }

        assertThat(gauge.sample().slowestAcquire()).isPresent();
        assertThat(gauge.sample().slowestAcquire()).isEmpty();
    }

    @Test
    void missingOptionsAreReportedAtOnce() {
        assertThatThrownBy(() -> PoolInspector.builder().window(Duration.ZERO).saturatedShare(2).build())
                .hasMessageContaining("the pool is missing")
                .hasMessageContaining("the server URL is missing")
                .hasMessageContaining("window must be positive, was 0 ms")
                .hasMessageContaining("saturatedShare must be within (0, 1], was 2.0");
    }

    private PoolInspector.Builder inspector() {
        return PoolInspector.builder().pool(HikariPoolGauge.of(dataSource)).server(database.url())
                .window(Duration.ofMillis(500)).sampleInterval(Duration.ofMillis(50));
    }

    private HikariDataSource pool(String name, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(database.url().jdbcUrl());
        config.setUsername(database.url().user().orElseThrow());
        config.setPassword(database.url().password().orElseThrow());
        config.addDataSourceProperty("ApplicationName", name);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(30_000);
        return new HikariDataSource(config);
    }

    private Connection borrow() throws SQLException {
        Connection connection = dataSource.getConnection();
        held.add(connection);
        return connection;
    }

    private void awaitWaiting(int threads) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (dataSource.getHikariPoolMXBean().getThreadsAwaitingConnection() < threads) {
            assertThat(System.nanoTime()).as("threads waiting for a connection").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static Timestamp stateChange(Connection observer, int pid) throws SQLException {
        try (Statement statement = observer.createStatement();
                ResultSet rs = statement.executeQuery("select state_change from pg_stat_activity where pid = " + pid)) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }
}
