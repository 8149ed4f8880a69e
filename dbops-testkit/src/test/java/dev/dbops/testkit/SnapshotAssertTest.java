package dev.dbops.testkit;

import static dev.dbops.testkit.DbopsAssertions.assertThat;
import static dev.dbops.testkit.DbopsAssertions.migrations;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.postgres.PostgresProvider;
import dev.dbops.schema.SchemaSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class SnapshotAssertTest {

    /** Written by this test class in update mode, then committed: what db/safe builds. */
    private static final Path COMMITTED = Path.of("src/test/resources/db/safe-snapshot.json");

    @TempDir
    Path dir;

    @AfterEach
    void leaveUpdateModeOff() {
        System.clearProperty(SnapshotCheck.UPDATE_PROPERTY);
    }

    /** Runs the assertion in update mode and returns what it printed to standard error. */
    private static String inUpdateMode(Runnable assertion) {
        PostgresProvider.shared(); // its start-up log line goes to standard error too
        PrintStream original = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setProperty(SnapshotCheck.UPDATE_PROPERTY, "true");
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            assertion.run();
        } finally {
            System.setErr(original);
            System.clearProperty(SnapshotCheck.UPDATE_PROPERTY);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void passesWhenTheMigrationsBuildTheCommittedSnapshot() {
        assertThat(migrations("classpath:db/safe")).matchSnapshot(COMMITTED.toString());
    }

    @Test
    void failsListingEveryDifferenceAndCarriesBothSnapshotsForAnIdeDiff() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/safe-changed")).matchSnapshot(COMMITTED))
                .isInstanceOfSatisfying(AssertionFailedError.class, e -> {
                    assertThat(e.getExpected().getStringRepresentation()).doesNotContain("display_name");
                    assertThat(e.getActual().getStringRepresentation()).contains("\"name\": \"display_name\"");
                })
                .hasMessage("Expecting the schema the migrations at [classpath:db/safe-changed] build to match the"
                        + " snapshot " + COMMITTED + ",\nbut 1 object differs (snapshot → migrations):\n"
                        + "  column public.users.display_name: only in the migrations\n"
                        + "If the migrations are right, run the tests with -Ddbops.snapshot.update=true to rewrite the"
                        + " snapshot, and commit it.");
    }

    @Test
    void showsTheOldAndNewValueOfAChangedObject() throws IOException {
        Path snapshot = dir.resolve("snapshot.json");
        Files.writeString(snapshot, Files.readString(COMMITTED).replace("\"type\": \"text\"", "\"type\": \"character varying(200)\""));

        assertThatThrownBy(() -> assertThat(migrations("classpath:db/safe")).matchSnapshot(snapshot))
                .hasMessageContaining("but 1 object differs (snapshot → migrations):\n  column public.users.email differs:"
                        + " type character varying(200) (snapshot) → text (migrations)\n");
    }

    @Test
    void failsWhenTheSnapshotDoesNotExistAndSaysHowToWriteIt() {
        Path missing = dir.resolve("dbops-snapshot.json");

        assertThatThrownBy(() -> assertThat(migrations("classpath:db/safe")).matchSnapshot(missing))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting the snapshot " + missing + " (working directory " + Path.of("").toAbsolutePath()
                        + ") to exist,\nbut it does not. To write it from the migrations at [classpath:db/safe], run the"
                        + " tests once with -Ddbops.snapshot.update=true and commit it.");
    }

    @Test
    void writesAMissingSnapshotInUpdateModeSaysSoAndPasses() {
        Path created = dir.resolve("new/dir/dbops-snapshot.json");

        String printed = inUpdateMode(() -> assertThat(migrations("classpath:db/safe")).matchSnapshot(created));

        assertThat(printed).isEqualTo("dbops: wrote the new snapshot " + created + "\nfrom the migrations at"
                + " [classpath:db/safe] (-Ddbops.snapshot.update=true) — review the change and commit it."
                + System.lineSeparator());
        assertThat(SchemaSnapshot.read(created).schema()).isEqualTo(SchemaSnapshot.read(COMMITTED).schema());
        assertThat(migrations("classpath:db/safe")).matchSnapshot(created);
    }

    @Test
    void rewritesADifferingSnapshotInUpdateModeNamingWhatChanged() throws IOException {
        Path snapshot = Files.copy(COMMITTED, dir.resolve("snapshot.json"));

        String printed = inUpdateMode(() -> assertThat(migrations("classpath:db/safe-changed")).matchSnapshot(snapshot));

        assertThat(printed).startsWith("dbops: updated the snapshot " + snapshot + " (1 object differs):\n"
                + "  column public.users.display_name: only in the migrations\nfrom the migrations at"
                + " [classpath:db/safe-changed]");
        assertThat(Files.readString(snapshot)).contains("display_name");
        assertThat(migrations("classpath:db/safe-changed")).matchSnapshot(snapshot);
    }

    @Test
    void leavesAMatchingSnapshotUntouchedInUpdateMode() throws IOException {
        Path snapshot = Files.copy(COMMITTED, dir.resolve("snapshot.json"));
        long modified = Files.getLastModifiedTime(snapshot).toMillis();

        String printed = inUpdateMode(() -> assertThat(migrations("classpath:db/safe")).matchSnapshot(snapshot));

        assertThat(printed).isEmpty();
        assertThat(Files.getLastModifiedTime(snapshot).toMillis()).isEqualTo(modified);
    }

    @Test
    void failsWhenTheSnapshotCannotBeWrittenInUpdateMode() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "");
        Path unwritable = notADirectory.resolve("dbops-snapshot.json");

        assertThatThrownBy(() -> inUpdateMode(() -> assertThat(migrations("classpath:db/safe")).matchSnapshot(unwritable)))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting to write the snapshot " + unwritable + " (-Ddbops.snapshot.update=true),"
                        + "\nbut it cannot be written: java.nio.file.FileAlreadyExistsException: " + notADirectory)
                .hasMessageEndingWith("\nGive a path in a writable directory, or run without -Ddbops.snapshot.update to"
                        + " compare only.");
    }

    @Test
    void failsForASnapshotFileThatIsNotASnapshot() throws IOException {
        Path broken = Files.writeString(dir.resolve("snapshot.json"), "{\"formatVersion\": 1}");

        assertThatThrownBy(() -> assertThat(migrations("classpath:db/safe")).matchSnapshot(broken))
                .hasMessageStartingWith("Expecting the snapshot " + broken + " to be readable,\nbut snapshot file " + broken)
                .hasMessageEndingWith("\nTo rewrite it from the migrations, run with -Ddbops.snapshot.update=true.");
    }

    @Test
    void failsNamingTheStatementWhenAMigrationDoesNotReplay() throws IOException {
        Files.writeString(dir.resolve("V1__create.sql"), "CREATE TABLE a (id int);\nCREATE TABLE a (id int);\n");

        assertThatThrownBy(() -> assertThat(migrations("filesystem:" + dir)).matchSnapshot(COMMITTED))
                .hasMessage("Expecting the migrations at [filesystem:" + dir + "] to replay on a fresh database"
                        + " (PostgreSQL 15),\nbut V1 (" + dir.resolve("V1__create.sql") + ":2) fails on replay: CREATE"
                        + " TABLE a (id int) — ERROR: relation \"a\" already exists (SQLState 42P07)");
    }
}
