package dev.dbops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostgresConnectorTest {

    private final PostgresServer server = PostgresProvider.shared();

    @Test
    void opensAConnectionNamedDbopsToTheUrlsDatabase() throws SQLException {
        try (Connection connection = PostgresConnector.open(server.adminUrl());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select current_database(), current_setting('application_name'), current_user")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(server.adminUrl().database());
            assertThat(rs.getString(2)).isEqualTo("dbops");
            assertThat(rs.getString(3)).isEqualTo(server.adminUrl().user().orElseThrow());
        }
    }

    @Test
    void letsTheUrlOverrideTheApplicationName() throws SQLException {
        PostgresUrl url = server.adminUrl();
        PostgresUrl named = PostgresUrl.parse(url.jdbcUrl() + (url.parameters().isEmpty() ? "?" : "&")
                + "ApplicationName=mine").withCredentials(url.user().orElseThrow(), url.password().orElseThrow());
        try (Connection connection = PostgresConnector.open(named);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select current_setting('application_name')")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("mine");
        }
    }

    @Test
    void reportsAWrongPasswordAsAuthenticationFailedWithoutShowingIt() {
        String user = server.adminUrl().user().orElseThrow();
        PostgresUrl wrong = server.adminUrl().withCredentials(user, "not-the-password-4711");

        assertThatThrownBy(() -> PostgresConnector.open(wrong))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED))
                .hasMessageContaining("password authentication failed for user " + user + " at "
                        + wrong.hostAndPort() + "/" + wrong.database())
                .hasMessageContaining("check the user and password")
                .hasMessageNotContaining("not-the-password-4711");
    }

    @Test
    void reportsAPortWhereNothingListensAsConnectionFailed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        PostgresUrl nowhere = PostgresUrl.of("127.0.0.1", port, "app").withCredentials("u", "p");

        assertThatThrownBy(() -> PostgresConnector.open(nowhere))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED))
                .hasMessageContaining("Cannot connect to PostgreSQL at 127.0.0.1:" + port)
                .hasMessageContaining("connection was refused")
                .hasMessageContaining("check that the server is running");
    }

    @Test
    void reportsAMissingDatabaseByName() {
        PostgresUrl missing = server.adminUrl().withDatabase("no_such_database_here");

        assertThatThrownBy(() -> PostgresConnector.open(missing))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED))
                .hasMessageContaining("Database \"no_such_database_here\" does not exist on " + missing.hostAndPort())
                .hasMessageContaining("fix the database name");
    }

    @Test
    void reportsAnUnknownHostAsConnectionFailedNamingTheHost() {
        SQLException failure = new SQLException("The connection attempt failed.", "08001",
                new UnknownHostException("db.nowhere.invalid"));

        DbopsException e = PostgresConnector.translate(failure, PostgresUrl.parse("postgresql://db.nowhere.invalid/app"));

        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
        assertThat(e).hasMessageContaining("at db.nowhere.invalid:5432: the host db.nowhere.invalid is unknown")
                .hasMessageContaining("check the host name");
    }

    @Test
    void reportsAMissingPasswordAsAuthenticationFailed() {
        PostgresUrl admin = server.adminUrl();
        PostgresUrl withoutPassword = new PostgresUrl(admin.host(), admin.port(), admin.database(), admin.user(),
                Optional.empty(), Map.of());

        assertThatThrownBy(() -> PostgresConnector.open(withoutPassword))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION_FAILED))
                .hasMessageContaining("wants a password for user " + admin.user().orElseThrow() + " but the URL gives none");
    }

    @Test
    void acceptsTheRunningServerAndReturnsItsVersionNumber() throws SQLException {
        try (Connection connection = PostgresConnector.open(server.adminUrl())) {
            assertThat(PostgresConnector.requireSupportedVersion(connection) / 10_000).isEqualTo(server.majorVersion());
        }
    }

    @Test
    void acceptsPostgresql12AndNewer() {
        assertThat(PostgresConnector.requireSupportedVersion(120_000, "db:5432")).isEqualTo(120_000);
        assertThat(PostgresConnector.requireSupportedVersion(180_006, "db:5432")).isEqualTo(180_006);
    }

    @Test
    void rejectsPostgresql11WithTheVersionTheAddressAndTheMinimum() {
        assertThatThrownBy(() -> PostgresConnector.requireSupportedVersion(110_022, "db.example.com:5432"))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_SERVER_VERSION))
                .hasMessageStartingWith("PostgreSQL 11.22 at db.example.com:5432 is not supported:"
                        + " dbops needs PostgreSQL 12 or newer");
    }

    @Test
    void writesPre10VersionNumbersWithThreeParts() {
        assertThat(PostgresConnector.versionText(90_624)).isEqualTo("9.6.24");
        assertThat(PostgresConnector.versionText(150_019)).isEqualTo("15.19");
    }
}
