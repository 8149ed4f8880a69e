package dev.dbops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.schema.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ExternalPostgresTest {

    private final PostgresServer shared = PostgresProvider.shared();

    @Test
    void createsDatabasesOnAnExistingServerAndDropsTheOpenOnesOnClose() throws SQLException {
        String kept;
        String dropped;
        try (ExternalPostgres external = ExternalPostgres.connect(shared.adminUrl())) {
            assertThat(external.majorVersion()).isEqualTo(shared.majorVersion());
            PostgresDatabase first = external.createDatabase();
            first.close();
            dropped = first.name();
            kept = external.createDatabase().name();
            assertThat(databaseExists(kept)).isTrue();
        }
        assertThat(databaseExists(kept)).isFalse();
        assertThat(databaseExists(dropped)).isFalse();
    }

    @Test
    void refusesAUserWithoutCreatedb() throws SQLException {
        String role = "dbops_no_createdb_" + Long.toHexString(System.nanoTime());
        try (Connection admin = PostgresConnector.open(shared.adminUrl()); Statement statement = admin.createStatement()) {
            statement.execute("create role " + Identifiers.quote(role) + " login password 'pw-of-the-role'");
            try {
                assertThatThrownBy(() -> ExternalPostgres.connect(shared.adminUrl().withCredentials(role, "pw-of-the-role")))
                        .isInstanceOfSatisfying(DbopsException.class,
                                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                        .hasMessageContaining("User " + role + " at " + shared.adminUrl().hostAndPort()
                                + " may not create databases")
                        .hasMessageContaining("CREATEDB")
                        .hasMessageNotContaining("pw-of-the-role");
            } finally {
                statement.execute("drop role " + Identifiers.quote(role));
            }
        }
    }

    @Test
    void neverShowsThePasswordInToString() {
        try (ExternalPostgres external = ExternalPostgres.connect(shared.adminUrl())) {
            assertThat(external.toString()).doesNotContain(shared.adminUrl().password().orElseThrow());
        }
    }

    private boolean databaseExists(String name) throws SQLException {
        try (Connection connection = PostgresConnector.open(shared.adminUrl());
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
