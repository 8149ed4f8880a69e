package dev.dbops.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbops.DbopsException;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Against a real PgBouncer from the system (Debian's package {@code pgbouncer}); skipped when none is installed.
 */
class PgBouncerTest {

    private PostgresDatabase database;
    private LocalPgBouncer bouncer;

    @BeforeEach
    void startPgBouncer() {
        Optional<Path> binary = LocalPgBouncer.findBinary();
        assumeTrue(binary.isPresent(), "PgBouncer is not installed (no $PGBOUNCER, no pgbouncer on the PATH, no"
                + " /usr/sbin/pgbouncer): apt-get install pgbouncer to run these tests");
        database = PostgresProvider.shared().createDatabase();
        // One server connection for every client: two clients' named statements meet on it.
        bouncer = LocalPgBouncer.builder(binary.get(), database.url()).poolMode(PoolMode.TRANSACTION)
                .defaultPoolSize(1).start();
    }

    @AfterEach
    void stop() {
        if (bouncer != null) {
            bouncer.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void probeReadsTheVersionModeAndPoolsFromTheAdminConsole() throws Exception {
        try (Connection client = connect(Optional.empty())) {
            runTwice(client);
        }

        PgBouncerFacts facts = PgBouncerProbe.read(bouncer.adminUrl());

        assertThat(facts.version()).isEqualTo(bouncer.version());
        assertThat(facts.setting("pool_mode")).hasValue("transaction");
        PgBouncerTier tier = facts.tier(database.name());
        assertThat(tier.poolMode()).isEqualTo(PoolMode.TRANSACTION);
        assertThat(tier.defaultPoolSize()).hasValue(1);
        assertThat(facts.pools()).extracting(PgBouncerPool::database).contains(database.name());
        assertThat(facts.stats(database.name())).hasValueSatisfying(s -> {
            assertThat(s.transactions()).isGreaterThanOrEqualTo(2);
            assertThat(s.transactionTime()).isPositive();
        });
    }

    @Test
    void namedPreparedStatementsBreakBehindTransactionPoolingUntilPrepareThresholdIsZero() throws Exception {
        assumeTrue(!bouncer.version().supportsPreparedStatements(), "PgBouncer " + bouncer.version()
                + " tracks prepared statements; the failure needs a release before 1.21");
        try (Connection first = connect(Optional.of(1)); Connection second = connect(Optional.of(1))) {
            runTwice(first);

            // The second client names its statement S_1 too, on the same server connection.
            assertThatThrownBy(() -> runTwice(second))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("prepared statement \"S_1\" already exists");
        }
        PgBouncerFacts facts = PgBouncerProbe.read(bouncer.adminUrl());
        assertThat(facts.findings(database.name(), 1)).extracting(PoolFinding::check)
                .contains(PoolCheck.PGBOUNCER_PREPARED_STATEMENTS);
        PoolRecommendation recommendation = PoolSizer.builder().peakRate(50)
                .holdTime(HoldTime.exponential(Duration.ofMillis(5))).pgBouncer(facts.tier(database.name()))
                .build().recommend();
        assertThat(recommendation.hikari().dataSourceProperties()).containsEntry("prepareThreshold", "0");

        // The fix the finding names: unnamed statements only.
        try (Connection first = connect(Optional.of(0)); Connection second = connect(Optional.of(0))) {
            runTwice(first);
            runTwice(second);
            runTwice(first);
        }
        assertThat(facts.findings(database.name(), 0)).extracting(PoolFinding::check)
                .doesNotContain(PoolCheck.PGBOUNCER_PREPARED_STATEMENTS);
    }

    @Test
    void probeLogsInWithCleartextMd5AndScramPasswords() {
        for (String authType : List.of("plain", "md5", "scram-sha-256")) {
            try (LocalPgBouncer secured = LocalPgBouncer.builder(LocalPgBouncer.findBinary().orElseThrow(),
                    database.url()).clientAuthentication(authType, "s3cret-" + authType).start()) {
                PostgresUrl admin = secured.adminUrl();
                PostgresUrl withPassword = admin.withCredentials(admin.user().orElseThrow(), "s3cret-" + authType);

                assertThat(PgBouncerProbe.read(withPassword).version()).as(authType).isEqualTo(secured.version());
                assertThatThrownBy(() -> PgBouncerProbe.read(admin.withCredentials(admin.user().orElseThrow(), "wrong")))
                        .as(authType).hasMessageContaining("refused");
            }
        }
    }

    @Test
    void serverThatIsNotPgBouncerIsReportedAsSuch() {
        assertThatThrownBy(() -> PgBouncerProbe.read(database.url().withDatabase("pgbouncer")))
                .isInstanceOf(DbopsException.class)
                .hasMessageContaining("admin console");
    }

    @Test
    void nothingListeningIsReportedWithTheAddress() {
        assertThatThrownBy(() -> PgBouncerProbe.read(PostgresUrl.of("127.0.0.1", 1, "pgbouncer")))
                .hasMessageContaining("cannot open PgBouncer's admin console at 127.0.0.1:1: nothing listens there");
    }

    private Connection connect(Optional<Integer> prepareThreshold) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", bouncer.url().user().orElseThrow());
        prepareThreshold.ifPresent(n -> properties.setProperty("prepareThreshold", n.toString()));
        return DriverManager.getConnection(bouncer.url().jdbcUrl(), properties);
    }

    private static void runTwice(Connection connection) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select ?::int + 1")) {
            for (int i = 0; i < 2; i++) {
                statement.setInt(1, i);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).isEqualTo(i + 1);
                }
            }
        }
    }
}
