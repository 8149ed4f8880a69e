package dev.dbops.trace;

import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.MigrationSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/** Flyway directories written for a test, and seeders that fill tables with generate_series. */
final class TraceFixture {

    private TraceFixture() {
    }

    /**
     * A Flyway location of its own under {@code root}: {@code scripts} become {@code V<first>__step.sql},
     * {@code V<first+1>__step.sql}… An entry starting with {@code "-- conf: "} on its first line gets that line's
     * rest as its {@code .sql.conf}.
     */
    static MigrationSet flyway(Path root, String name, int first, String... scripts) {
        try {
            Path dir = Files.createDirectories(root.resolve(name));
            for (int i = 0; i < scripts.length; i++) {
                String file = "V" + (first + i) + "__step_" + (first + i) + ".sql";
                Files.writeString(dir.resolve(file), scripts[i], StandardCharsets.UTF_8);
                if (scripts[i].startsWith("-- conf: ")) {
                    String conf = scripts[i].lines().findFirst().orElseThrow().substring("-- conf: ".length());
                    Files.writeString(dir.resolve(file + ".conf"), conf + "\n", StandardCharsets.UTF_8);
                }
            }
            return MigrationSource.builder().location(dir).build().load();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A seeder that runs {@code sql} (e.g. {@code insert … select … from generate_series(…)}). */
    static Seeder seeding(String summary, String... sql) {
        return dataSource -> {
            run(dataSource, sql);
            return new Seeder.Outcome(summary, List.of());
        };
    }

    static void run(DataSource dataSource, String... sql) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String one : sql) {
                statement.execute(one);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The only statement of the only traced migration, or the one at {@code line} of the last migration. */
    static LockTrace statement(TraceReport report, int line) {
        return report.migrations().get(report.migrations().size() - 1).statements().stream()
                .filter(statement -> statement.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no statement at line " + line + " in\n" + report.toText()));
    }
}
