package dev.dbops.drift;

import dev.dbops.postgres.PostgresDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.database.postgresql.PostgreSQLConfigurationExtension;

/** Real Flyway 13 on a test database, and small helpers to write migration files and run SQL. */
final class RealFlyway {

    private RealFlyway() {
    }

    /** Flyway on the location, configured as a PostgreSQL user should (no transactional advisory lock). */
    static Flyway flyway(PostgresDatabase database, Path location, UnaryOperator<FluentConfiguration> extra) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(database.dataSource())
                .locations("filesystem:" + location.toAbsolutePath())
                .initSql("SET lock_timeout = '20s'");
        configuration.getConfigurationExtension(PostgreSQLConfigurationExtension.class).setTransactionalLock(false);
        return extra.apply(configuration).load();
    }

    static Flyway flyway(PostgresDatabase database, Path location) {
        return flyway(database, location, c -> c);
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void execute(PostgresDatabase database, String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checksum column of {@code flyway_schema_history}, by script. */
    static Map<String, Integer> checksums(PostgresDatabase database) {
        Map<String, Integer> checksums = new LinkedHashMap<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select script, checksum from flyway_schema_history"
                     + " where checksum is not null order by installed_rank")) {
            while (rs.next()) {
                checksums.put(rs.getString(1), rs.getInt(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return checksums;
    }
}
