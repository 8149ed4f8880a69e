package dev.dbops.drift;

import dev.dbops.migration.MigrationSource;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * One drift scenario: a Flyway location in a temporary directory, a "production" database on the shared
 * test server that real Flyway migrates, and the detector, whose shadow replays run on the same server.
 */
final class DriftScenario implements AutoCloseable {

    final Path migrations;
    final PostgresDatabase live;

    DriftScenario(Path directory) {
        this.migrations = directory.resolve("db/migration");
        try {
            Files.createDirectories(migrations);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.live = PostgresProvider.shared().createDatabase();
    }

    /** Writes (or overwrites) a migration file. */
    DriftScenario file(String name, String sql) {
        RealFlyway.write(migrations.resolve(name), sql);
        return this;
    }

    /** Deletes a migration file. */
    DriftScenario delete(String name) {
        try {
            Files.delete(migrations.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Renames a migration file. */
    DriftScenario rename(String from, String to) {
        try {
            Files.move(migrations.resolve(from), migrations.resolve(to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Runs SQL on the live database by hand, as someone in an incident would. */
    DriftScenario byHand(String sql) {
        RealFlyway.execute(live, sql);
        return this;
    }

    /** Real Flyway 13 on the live database. */
    Flyway flyway(UnaryOperator<FluentConfiguration> extra) {
        return RealFlyway.flyway(live, migrations, extra);
    }

    Flyway flyway() {
        return flyway(c -> c);
    }

    MigrationSource source() {
        return MigrationSource.builder().location("filesystem:" + migrations).build();
    }

    /** The detector replaying on the shared server, without git, plus whatever the test adds. */
    DriftReport detect(UnaryOperator<DriftDetector.Builder> extra) {
        DriftDetector detector = extra.apply(DriftDetector.builder().migrations(source())
                .shadow(PostgresProvider.shared()).gitHistory(false)).build();
        try (Connection connection = live.connect()) {
            return detector.detect(connection);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    DriftReport detect() {
        return detect(b -> b);
    }

    @Override
    public void close() {
        live.close();
    }
}
