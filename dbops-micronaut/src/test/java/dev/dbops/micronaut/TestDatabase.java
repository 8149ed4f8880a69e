package dev.dbops.micronaut;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.schema.SchemaInspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * A throwaway database on the shared test server, a directory of Flyway migrations for it, and the application
 * properties that point a Micronaut context at both.
 */
public final class TestDatabase implements AutoCloseable {

    private final PostgresDatabase database = PostgresProvider.shared().createDatabase();
    private final Path directory;
    private final Path migrations;

    /** Creates the database and an empty migrations directory. */
    public TestDatabase() {
        try {
            directory = Files.createTempDirectory("dbops-micronaut-test");
            migrations = Files.createDirectories(directory.resolve("migrations"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The database's URL, with credentials. */
    public PostgresUrl url() {
        return database.url();
    }

    /** The directory the test may write files into. */
    public Path directory() {
        return directory;
    }

    /** Writes a migration file, for example {@code migration("V1__init.sql", "create table …")}. */
    public TestDatabase migration(String file, String sql) {
        try {
            Files.writeString(migrations.resolve(file), sql);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The Flyway location of the migrations, {@code filesystem:/tmp/…/migrations}. */
    public String location() {
        return "filesystem:" + migrations;
    }

    /**
     * The properties of an application whose default datasource is this database, migrated by micronaut-flyway
     * from {@link #location()}, with the drift check comparing with {@code snapshot}.
     */
    public Map<String, Object> properties(Path snapshot) {
        Map<String, Object> properties = dataSourceProperties("default");
        properties.put("flyway.datasources.default.enabled", "true");
        properties.put("flyway.datasources.default.locations", location());
        properties.put("dbops.guard.drift.snapshot", "file:" + snapshot);
        properties.put("dbops.guard.drift.git-history", "false");
        properties.put("dbops.pool.enabled", "false");
        return properties;
    }

    /** The properties of a datasource named {@code name} on this database, with a small pool. */
    public Map<String, Object> dataSourceProperties(String name) {
        Map<String, Object> properties = new HashMap<>();
        String prefix = "datasources." + name + ".";
        properties.put(prefix + "url", url().jdbcUrl());
        properties.put(prefix + "username", url().user().orElseThrow());
        properties.put(prefix + "password", url().password().orElse(""));
        properties.put(prefix + "maximum-pool-size", "2");
        properties.put(prefix + "minimum-idle", "1");
        properties.put(prefix + "connection-timeout", "5000");
        return properties;
    }

    /**
     * Replays the migrations written so far on a scratch database and writes its snapshot, as
     * {@code dbops inspect} would for the committed file.
     */
    public Path snapshotOfMigrations() {
        Path file = directory.resolve("dbops-snapshot-" + System.nanoTime() + ".json");
        try (PostgresDatabase scratch = PostgresProvider.shared().createDatabase()) {
            Flyway.configure().dataSource(scratch.dataSource()).locations(location()).load().migrate();
            SchemaInspector.builder().build().snapshot(scratch.dataSource()).write(file);
        }
        return file;
    }

    /** Writes the snapshot of the database as it is now, as {@code dbops inspect} would. */
    public Path snapshotOfLiveDatabase() {
        Path file = directory.resolve("dbops-snapshot-live-" + System.nanoTime() + ".json");
        SchemaInspector.builder().build().snapshot(database.dataSource()).write(file);
        return file;
    }

    /** Runs statements on the database, outside any migration (a change by hand). */
    public void execute(String... sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first column of every row a query returns, as text. */
    public List<String> query(String sql) {
        List<String> values = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    @Override
    public void close() {
        database.close();
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
