package dev.dbops.testkit;

import static dev.dbops.testkit.DbopsAssertions.assertThat;
import static dev.dbops.testkit.DbopsAssertions.migrations;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class DriftAssertTest {

    private static void migrate(PostgresDatabase database, String location) {
        Flyway.configure().dataSource(database.dataSource()).locations(location).load().migrate();
    }

    private static void execute(PostgresDatabase database, String sql) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void passesForADatabaseMigratedByFlywayFromTheSameFiles(@DbopsPostgres PostgresDatabase database) {
        migrate(database, "classpath:db/safe");

        assertThat(migrations("classpath:db/safe")).haveNoDriftAgainst(database.dataSource());
    }

    @Test
    void failsWithTheDriftReportWhenTheSchemaWasChangedByHand(@DbopsPostgres PostgresDatabase database)
            throws SQLException {
        migrate(database, "classpath:db/safe");
        execute(database, "ALTER TABLE users ADD COLUMN nickname text");

        assertThatThrownBy(() -> assertThat(migrations("classpath:db/safe")).haveNoDriftAgainst(database.dataSource()))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting the database " + database.name() + " to have no drift from the"
                        + " migrations at [classpath:db/safe],\nbut:\n\n")
                .hasMessageContaining("public.users.nickname");
    }

    @Test
    void failsWhenTheDatabaseLacksAMigrationTheFilesHave(@DbopsPostgres PostgresDatabase database) {
        migrate(database, "classpath:db/safe");

        assertThatThrownBy(() -> assertThat(migrations("classpath:db/safe-changed"))
                        .haveNoDriftAgainst(database.dataSource()))
                .hasMessageContaining("V3")
                .hasMessageContaining("display_name");
    }

    @Test
    void failsForALocationThatDoesNotExist(@DbopsPostgres PostgresDatabase database) {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/nowhere")).haveNoDriftAgainst(database.dataSource()))
                .hasMessageStartingWith("Expecting migrations at [classpath:db/nowhere],\nbut migration location"
                        + " classpath:db/nowhere is not on the classpath");
    }
}
