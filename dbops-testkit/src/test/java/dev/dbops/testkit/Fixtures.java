package dev.dbops.testkit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture test classes with JUnit's engine test kit and looks at the databases they leave behind. */
final class Fixtures {

    private Fixtures() {
    }

    /** Runs one fixture class in the Jupiter engine, as a build would. */
    static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
    }

    /** Every failure of a test or container, in the order they happened. */
    static List<Throwable> failures(EngineExecutionResults results) {
        return results.allEvents().failed().stream()
                .map(event -> event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable))
                .flatMap(Optional::stream).toList();
    }

    /** The values of every report entry published under a key. */
    static List<String> reportEntries(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(Event::getPayload).flatMap(Optional::stream)
                .filter(ReportEntry.class::isInstance).map(ReportEntry.class::cast)
                .flatMap(entry -> Optional.ofNullable(entry.getKeyValuePairs().get(key)).stream()).toList();
    }

    /** The name of the database a data source reaches. */
    static String databaseOf(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return currentDatabase(connection);
        }
    }

    /** The name of the database a JDBC URL with credentials reaches. */
    static String databaseOf(String jdbcUrl) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            return currentDatabase(connection);
        }
    }

    /** Whether a database of that name exists on the shared server. */
    static boolean databaseExists(String name) throws SQLException {
        PostgresUrl admin = PostgresProvider.shared().adminUrl();
        try (Connection connection = DriverManager.getConnection(InjectionPoint.jdbcUrlWithCredentials(admin));
                PreparedStatement query = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    /** Drops a database of the shared server that a test kept. */
    static void dropDatabase(String name) throws SQLException {
        PostgresUrl admin = PostgresProvider.shared().adminUrl();
        try (Connection connection = DriverManager.getConnection(InjectionPoint.jdbcUrlWithCredentials(admin));
                Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists \"" + name.replace("\"", "\"\"") + "\" with (force)");
        }
    }

    private static String currentDatabase(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select current_database()")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
