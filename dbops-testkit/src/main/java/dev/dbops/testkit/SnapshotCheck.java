package dev.dbops.testkit;

import dev.dbops.DbopsException;
import dev.dbops.diff.Difference;
import dev.dbops.diff.SchemaDiff;
import dev.dbops.drift.ReplayFailure;
import dev.dbops.migration.Migration;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The snapshot check of {@link MigrationsAssert#matchSnapshot(Path)}: replays the migrations on a fresh
 * database, inspects it, and compares the schema with the committed snapshot file, or, in update mode,
 * rewrites the file when they differ.
 */
final class SnapshotCheck {

    /** The system property that turns on update mode. */
    static final String UPDATE_PROPERTY = "dbops.snapshot.update";

    /**
     * Owners differ between servers; the migration tools' history tables are not made by the migrations.
     * The same diff is used to write the IDE's expected/actual texts.
     */
    private static final SchemaDiff DIFF = SchemaDiff.builder().ignoreOwners()
            .ignoreObjects("*.flyway_schema_history", "*.databasechangelog", "*.databasechangeloglock").build();

    /** What the check found. */
    sealed interface Result {
        /** The schema matches, or the file was written in update mode (then {@code notice} says so). */
        record Matches(Optional<String> notice) implements Result {
        }

        /** The check could not compare: the replay failed, the file is missing, unreadable or unwritable. */
        record Fails(String message) implements Result {
        }

        /** The schemas differ; {@code expected} and {@code actual} are the two snapshots' JSON, for an IDE diff. */
        record Differs(String message, String expected, String actual) implements Result {
        }
    }

    private SnapshotCheck() {
    }

    /** Whether {@code -Ddbops.snapshot.update=true} is set. */
    static boolean updateMode() {
        return Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, "false").strip());
    }

    static Result check(String source, List<Migration> order, PostgresServer server, Path file, boolean update) {
        SchemaSnapshot actual;
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            for (Migration migration : order) {
                Optional<ReplayFailure> failure = MigrationReplay.run(connection, MigrationReplay.Script.of(migration));
                if (failure.isPresent()) {
                    return new Result.Fails("Expecting the migrations at " + source + " to replay on a fresh database"
                            + " (PostgreSQL " + server.majorVersion() + "),\nbut " + failure.get().describe());
                }
            }
            actual = SchemaInspector.builder().build().snapshot(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("the scratch database on " + server + " failed outside a migration: " + e, e);
        }
        Optional<SchemaSnapshot> expected = Optional.empty();
        if (Files.exists(file)) {
            try {
                expected = Optional.of(SchemaSnapshot.read(file));
            } catch (DbopsException e) {
                if (!update) {
                    return new Result.Fails("Expecting the snapshot " + file + " to be readable,\nbut " + e.getMessage()
                            + "\nTo rewrite it from the migrations, run with -D" + UPDATE_PROPERTY + "=true.");
                }
            }
        }
        List<Difference> differences = expected.map(e -> DIFF.compare(e.schema(), actual.schema())).orElse(List.of());
        if (expected.isPresent() && differences.isEmpty()) {
            return new Result.Matches(Optional.empty());
        }
        if (update) {
            return write(file, actual, source, expected.isPresent() ? Optional.of(differences) : Optional.empty());
        }
        if (expected.isEmpty()) {
            return new Result.Fails("Expecting the snapshot " + file + " (working directory "
                    + Path.of("").toAbsolutePath() + ") to exist,\nbut it does not. To write it from the migrations at "
                    + source + ", run the tests once with -D" + UPDATE_PROPERTY + "=true and commit it.");
        }
        String message = "Expecting the schema the migrations at " + source + " build to match the snapshot " + file
                + ",\nbut " + Differences.count(differences) + " (snapshot → migrations):\n"
                + Differences.list(differences, "snapshot", "migrations")
                + "If the migrations are right, run the tests with -D" + UPDATE_PROPERTY + "=true to rewrite the"
                + " snapshot, and commit it.";
        SchemaSnapshot committed = expected.get();
        return new Result.Differs(message, json(committed, committed), json(committed, actual));
    }

    private static Result write(Path file, SchemaSnapshot actual, String source, Optional<List<Difference>> changes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            actual.write(file);
        } catch (IOException | DbopsException e) {
            return new Result.Fails("Expecting to write the snapshot " + file + " (-D" + UPDATE_PROPERTY + "=true),\nbut"
                    + " it cannot be written: " + (e instanceof DbopsException ? e.getMessage() : e.toString())
                    + "\nGive a path in a writable directory, or run without -D" + UPDATE_PROPERTY + " to compare only.");
        }
        String what = changes.map(d -> "updated the snapshot " + file + " (" + Differences.count(d) + "):\n"
                + Differences.list(d, "old snapshot", "migrations"))
                .orElse("wrote the new snapshot " + file + "\n");
        return new Result.Matches(Optional.of("dbops: " + what + "from the migrations at " + source
                + " (-D" + UPDATE_PROPERTY + "=true) — review the change and commit it."));
    }

    /** The snapshot's JSON as the comparison sees it, with the committed file's server, so only the schema shows. */
    private static String json(SchemaSnapshot committed, SchemaSnapshot snapshot) {
        return new SchemaSnapshot(SchemaSnapshot.FORMAT_VERSION, committed.server(), DIFF.normalize(snapshot.schema()))
                .toJson();
    }
}
