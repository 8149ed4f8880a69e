package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verification of existing archives: with their saved fingerprint, against the live source, and damaged ones. */
class ArchiveVerificationTest {

    private static PostgresDatabase source;

    @TempDir
    Path directory;

    @BeforeAll
    static void createSource() throws SQLException {
        source = DrillFixture.manyTypes();
    }

    @AfterAll
    static void dropSource() {
        source.close();
    }

    private static BackupDrill drill() {
        return BackupDrill.builder().source(source.url()).jobs(2).build();
    }

    /** A directory-format archive written by a drill, with its fingerprint beside it. */
    private Path drilledArchive() {
        Path archive = directory.resolve("drilled");
        DrillReport report = BackupDrill.builder().source(source.url()).archive(archive).build().run();
        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
        return archive;
    }

    /** Runs pg_dump directly, as a user's own backup job would. */
    private Path pgDump(String name, String... options) {
        Path archive = directory.resolve(name);
        ClientPrograms programs = ClientPrograms.locate(Optional.empty(), DrillFixture.SERVER.majorVersion(), "15");
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.add("--file=" + archive);
        ClientCommand.Result result = new ClientCommand(programs.pgDump(), source.url(), arguments)
                .run(line -> { }, Optional.empty());
        assertThat(result.succeeded()).as(result.explanation()).isTrue();
        return archive;
    }

    /** The largest data file of a directory archive: shop.customers, which holds a 550 kB text. */
    private static Path largestDataFile(Path archive) throws IOException {
        try (Stream<Path> files = Files.list(archive)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".dat.gz"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
    }

    @Test
    void verifiesAKeptArchiveAgainstTheFingerprintSavedInItsSnapshot() {
        Path archive = drilledArchive();
        DataFingerprint saved = DataFingerprint.read(DataFingerprint.fileFor(archive));

        DrillReport report = drill().verifyArchive(archive);

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
        assertThat(report.mode()).isEqualTo(DrillReport.Mode.ARCHIVE);
        assertThat(report.backupTakenAt()).contains(saved.takenAt());
        assertThat(report.phases()).extracting(PhaseTiming::phase)
                .doesNotContain(DrillPhase.DUMP, DrillPhase.FINGERPRINT_SOURCE)
                .contains(DrillPhase.READ_ARCHIVE, DrillPhase.RESTORE_DATA, DrillPhase.FINGERPRINT_RESTORED);
        assertThat(report.notes()).anyMatch(note -> note.startsWith("Compared with the fingerprint saved in"));
        assertThat(report.sequencesCompared()).isEqualTo(3);
    }

    @Test
    void reportsAByteFlippedDataFileAsARestoreErrorOfItsTable() throws IOException {
        Path archive = drilledArchive();
        Path data = largestDataFile(archive);
        try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw")) {
            long middle = file.length() / 2;
            file.seek(middle);
            int original = file.read();
            file.seek(middle);
            file.write(original ^ 0x5a);
        }

        DrillReport report = drill().verifyArchive(archive);

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.MISMATCH);
        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.RESTORE_ERROR);
            assertThat(m.object()).isEqualTo("shop.customers");
            assertThat(m.detail()).startsWith("pg_restore exited with 1 during restore data: ");
        });
        assertThat(report.notCovered()).anyMatch(line -> line.contains("the restore stopped at its first error"));
    }

    @Test
    void reportsATruncatedDataFileAsARestoreErrorOfItsTable() throws IOException {
        Path archive = drilledArchive();
        Path data = largestDataFile(archive);
        try (RandomAccessFile file = new RandomAccessFile(data.toFile(), "rw")) {
            file.setLength(file.length() / 3);
        }

        DrillReport report = drill().verifyArchive(archive);

        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.RESTORE_ERROR);
            assertThat(m.object()).isEqualTo("shop.customers");
        });
    }

    @Test
    void findsAValueChangedInsideAnUncompressedArchiveThatRestoresWithoutError() throws IOException {
        Path archive = pgDump("plain.dump", "--format=custom", "--compress=0");
        byte[] bytes = Files.readAllBytes(archive);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("c1234@example.com");
        assertThat(at).isPositive();
        bytes[at + 1] = '9';
        Files.write(archive, bytes);

        DrillReport report = drill().verifyArchive(archive);

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.MISMATCH);
        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.CONTENT_HASH);
            assertThat(m.object()).isEqualTo("shop.customers");
        });
    }

    @Test
    void findsATableTheDumpLeftOutByComparingWithTheLiveSource() {
        Path archive = pgDump("without-events.dump", "--format=custom", "--exclude-table=shop.events_2025");

        DrillReport report = drill().verifyArchive(archive);

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.MISMATCH);
        assertThat(report.mismatches()).extracting(Mismatch::kind, Mismatch::object).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(Mismatch.Kind.MISSING_TABLE, "shop.events_2025"),
                org.assertj.core.groups.Tuple.tuple(Mismatch.Kind.SCHEMA, "table shop.events_2025"));
        assertThat(report.notes()).anyMatch(note -> note.contains("approximate"));
        assertThat(report.notCovered()).anyMatch(line -> line.startsWith("Sequence states"));
        assertThat(report.sequencesCompared()).isZero();
        assertThat(report.backupTakenAt()).as("from the archive header").isPresent();
        assertThat(report.phases()).extracting(PhaseTiming::phase).contains(DrillPhase.FINGERPRINT_SOURCE);
    }

    @Test
    void reportsAFileThatIsNoArchive() throws IOException {
        Path notAnArchive = directory.resolve("notes.txt");
        Files.writeString(notAnArchive, "this is not a pg_dump archive\n");

        DrillReport report = drill().verifyArchive(notAnArchive);

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.MISMATCH);
        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.RESTORE_ERROR);
            assertThat(m.detail()).contains("the archive cannot be read");
        });
        assertThat(report.scratchDatabase()).isEmpty();
    }

    @Test
    void failsWhenTheArchiveDoesNotExist() {
        DrillReport report = drill().verifyArchive(directory.resolve("missing"));

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.FAILED);
        assertThat(report.failure()).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo(dev.dbops.ErrorCode.IO_FAILED);
            assertThat(f.message()).contains("does not exist");
        });
    }
}
