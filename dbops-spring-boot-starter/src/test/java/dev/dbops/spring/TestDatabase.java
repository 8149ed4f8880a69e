package dev.dbops.spring;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.schema.SchemaInspector;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/** A throwaway database of the shared test server, with the properties that point an application at it. */
final class TestDatabase implements AutoCloseable {

    private final PostgresDatabase database;

    private TestDatabase(PostgresDatabase database) {
        this.database = database;
    }

    static TestDatabase create() {
        return new TestDatabase(PostgresProvider.shared().createDatabase());
    }

    /** {@code spring.datasource.*} for this database. */
    String[] datasourceProperties() {
        return new String[] {"spring.datasource.url=" + database.url().jdbcUrl(),
            "spring.datasource.username=" + database.url().user().orElseThrow(),
            "spring.datasource.password=" + database.url().password().orElseThrow()};
    }

    String jdbcUrl() {
        return database.url().jdbcUrl();
    }

    /** The shared server's admin URL, as a shadow spec: replays create and drop their database there. */
    String adminUrlSpec() {
        PostgresUrl admin = PostgresProvider.shared().adminUrl();
        return admin.jdbcUrl() + (admin.jdbcUrl().contains("?") ? "&" : "?") + "user=" + admin.user().orElseThrow()
                + "&password=" + admin.password().orElseThrow();
    }

    /** Runs Flyway's migrate with these locations, as a deployment before the application would. */
    void migrate(String... locations) {
        Flyway.configure().dataSource(database.dataSource()).locations(locations).load().migrate();
    }

    /** Writes the snapshot of this database as {@code dbops inspect} would, and returns its file. */
    Path snapshot(Path directory) {
        Path file = directory.resolve("dbops-snapshot.json");
        try (Connection connection = database.connect()) {
            SchemaInspector.builder().build().snapshot(connection).write(file);
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.CONNECTION_FAILED, e.getMessage(), e);
        }
        return file;
    }

    void execute(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    String queryString(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
