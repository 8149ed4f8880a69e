package dev.dbops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresTest {

    private final PostgresServer server = PostgresProvider.shared();

    @Test
    void sharedDefaultServerIsEmbeddedPostgresql15() throws SQLException {
        assumeTrue(PostgresProvider.configuredSpec(System::getProperty, System.getenv()).equals("embedded"),
                "the shared server is configured by " + PostgresProvider.ENVIRONMENT_VARIABLE);

        assertThat(server.majorVersion()).isEqualTo(15);
        assertThat(server.adminUrl().host()).isEqualTo("127.0.0.1");
        assertThat(server.adminUrl().database()).isEqualTo("postgres");
        try (Connection connection = PostgresConnector.open(server.adminUrl())) {
            assertThat(PostgresConnector.requireSupportedVersion(connection)).isEqualTo(150_019);
        }
    }

    @Test
    void givesAFreshDatabaseWithAUniqueNameOnEveryCall() throws SQLException {
        try (PostgresDatabase first = server.createDatabase(); PostgresDatabase second = server.createDatabase()) {
            assertThat(first.name()).matches("dbops_\\d+_[0-9a-f]+").isNotEqualTo(second.name());
            assertThat(first.url().database()).isEqualTo(first.name());
            try (Connection connection = first.connect();
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select count(*) from pg_catalog.pg_class c"
                            + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace where n.nspname = 'public'")) {
                rs.next();
                assertThat(rs.getInt(1)).isZero();
            }
        }
    }

    @Test
    void keepsTwoDatabasesIsolated() throws SQLException {
        try (PostgresDatabase first = server.createDatabase(); PostgresDatabase second = server.createDatabase()) {
            try (Connection connection = first.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create table orders (id bigint primary key)");
            }
            assertThat(tableExists(first, "orders")).isTrue();
            assertThat(tableExists(second, "orders")).isFalse();
        }
    }

    @Test
    void dropsTheDatabaseOnCloseEvenWithAnOpenConnectionAndToleratesASecondClose() throws SQLException {
        PostgresDatabase database = server.createDatabase();
        Connection leftOpen = database.connect();

        database.close();
        database.close();

        assertThat(databaseExists(database.name())).isFalse();
        assertThat(leftOpen.isValid(2)).isFalse();
        leftOpen.close();
    }

    @Test
    void servesTheDatabaseThroughADataSource() throws SQLException {
        try (PostgresDatabase database = server.createDatabase();
                Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_database(), current_setting('application_name')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(database.name());
            assertThat(rs.getString(2)).isEqualTo("dbops");
        }
    }

    @Test
    void createsDatabasesFromSeveralThreadsAtOnce() {
        Set<String> names = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 8).parallel().forEach(i -> {
            try (PostgresDatabase database = server.createDatabase()) {
                names.add(database.name());
            }
        });
        assertThat(names).hasSize(8);
    }

    @Test
    void neverShowsThePasswordInToString() {
        try (PostgresDatabase database = server.createDatabase()) {
            String password = database.url().password().orElseThrow();
            assertThat(database.toString()).contains(database.name()).doesNotContain(password);
            assertThat(server.toString()).doesNotContain(password);
        }
    }

    @Test
    void startsPostgresql18FromTheLocalMavenRepositoryAndDeletesItsDataOnClose() throws SQLException {
        EmbeddedPostgres postgres18 = EmbeddedPostgres.builder().version("18").start();
        Path data = postgres18.dataDirectory();
        PostgresUrl admin = postgres18.adminUrl();
        try (PostgresDatabase database = postgres18.createDatabase();
                Connection connection = database.connect();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_setting('server_version_num')::int")) {
            rs.next();
            assertThat(rs.getInt(1) / 10_000).isEqualTo(18);
            assertThat(postgres18.majorVersion()).isEqualTo(18);
            assertThat(postgres18.version()).isEqualTo("18.6.0");
        } finally {
            postgres18.close();
        }
        postgres18.close();

        assertThat(data).doesNotExist();
        assertThatThrownBy(() -> PostgresConnector.open(admin))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED));
        assertThatThrownBy(postgres18::createDatabase).hasMessageContaining("the server was already closed");
    }

    @Test
    void failsToStartWithTheServerLogAndKeepsAGivenDataDirectory(@TempDir Path temp) {
        Path data = temp.resolve("data");

        assertThatThrownBy(() -> EmbeddedPostgres.builder()
                        .dataDirectory(data)
                        .setting("shared_buffers", "lots")
                        .start())
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.EMBEDDED_POSTGRES_FAILED))
                .hasMessageContaining("did not start")
                .hasMessageContaining("the postgres process exited")
                .hasMessageContaining("Last lines of " + data.resolve("postgres.log"))
                .hasMessageContaining("shared_buffers");
        assertThat(data.resolve("postgres.log")).exists();
    }

    @Test
    void saysWhenTheRequestedPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedPostgres.builder().port(taken.getLocalPort()).start())
                    .isInstanceOfSatisfying(DbopsException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.EMBEDDED_POSTGRES_FAILED))
                    .hasMessageContaining("did not start on port " + taken.getLocalPort())
                    .hasMessageContaining("the port is in use; choose another with port(…) or 0 for a free one")
                    .hasMessageContaining("could not bind");
        }
    }

    @Test
    void reportsEveryInvalidOptionAtOnce(@TempDir Path temp) throws IOException {
        Files.writeString(temp.resolve("something"), "x");

        assertThatThrownBy(() -> EmbeddedPostgres.builder()
                        .version("11")
                        .port(70_000)
                        .setting("port", "5432")
                        .setting("bad name", "x")
                        .dataDirectory(temp)
                        .start())
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("version '11' is neither a known major (12, 13, 14, 15, 16, 17, 18)")
                .hasMessageContaining("port 70000 is outside 0–65535")
                .hasMessageContaining("setting 'port' is managed by the builder; use port(…)")
                .hasMessageContaining("setting name 'bad name'")
                .hasMessageContaining("is not an empty directory");
    }

    @Test
    void rejectsAnExactVersionOlderThan12() {
        assertThatThrownBy(() -> EmbeddedPostgres.builder().version("11.22.1").start())
                .hasMessageContaining("version 11.22.1 is older than PostgreSQL 12");
    }

    @Test
    void readsTheEffectiveUidFromProcStatus() {
        assertThat(PostgresCommands.effectiveUid(List.of("Name:\tjava", "Uid:\t1000\t0\t0\t0"))).hasValue(0);
        assertThat(PostgresCommands.effectiveUid(List.of("Uid:\t0\t1000\t1000\t1000"))).hasValue(1000);
        assertThat(PostgresCommands.effectiveUid(List.of("Name:\tjava"))).isEmpty();
    }

    @Test
    void prefixesTheProgramsWithUnshareOnlyWhenRunningAsRoot() {
        Path home = Path.of("/opt/pg");

        assertThat(new PostgresCommands(home, false).command("initdb", "-D", "x"))
                .containsExactly("/opt/pg/bin/initdb", "-D", "x");
        assertThat(new PostgresCommands(home, true).command("postgres", "-p", "1"))
                .endsWith("-U", "/opt/pg/bin/postgres", "-p", "1")
                .first().asString().endsWith("unshare");
    }

    private static boolean tableExists(PostgresDatabase database, String table) throws SQLException {
        try (Connection connection = database.connect();
                PreparedStatement statement = connection.prepareStatement("select to_regclass(?) is not null")) {
            statement.setString(1, table);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private boolean databaseExists(String name) throws SQLException {
        try (Connection connection = PostgresConnector.open(server.adminUrl());
                PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from pg_catalog.pg_database where datname = ?")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
