package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Physical drills: pg_basebackup, pg_verifybackup, a scratch cluster, amcheck. They need postgres and
 * pg_basebackup of the test server's major version (15 on the test machine), and are skipped without them.
 */
class PhysicalDrillTest {

    private static PostgresDatabase source;

    @TempDir
    Path directory;

    @BeforeAll
    static void createSource() throws SQLException {
        int major = DrillFixture.SERVER.majorVersion();
        try {
            ServerPrograms.locate(Optional.empty(), major, Integer.toString(major));
        } catch (DbopsException e) {
            Assumptions.abort("physical drills need postgres and pg_basebackup " + major + ": " + e.getMessage());
        }
        source = DrillFixture.manyTypes();
    }

    @AfterAll
    static void dropSource() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void verifiesABaseBackupStartedAsAScratchClusterAndTimesItsRecovery() throws IOException {
        DrillReport report = BackupDrill.builder().source(source.url()).build().runPhysical();

        assertThat(report.mismatches()).isEmpty();
        assertThat(report.outcome()).as(report.toText()).isEqualTo(DrillReport.Outcome.VERIFIED);
        assertThat(report.mode()).isEqualTo(DrillReport.Mode.PHYSICAL);
        assertThat(report.phases()).extracting(PhaseTiming::phase).containsExactly(DrillPhase.CLEANUP,
                DrillPhase.FINGERPRINT_SOURCE,
                DrillPhase.BASE_BACKUP, DrillPhase.VERIFY_BACKUP, DrillPhase.FINGERPRINT_SOURCE,
                DrillPhase.START_CLUSTER, DrillPhase.FINGERPRINT_RESTORED, DrillPhase.COMPARE_SCHEMA,
                DrillPhase.AMCHECK, DrillPhase.STOP_CLUSTER);
        assertThat(report.rto()).isEqualTo(report.elapsed(DrillPhase.START_CLUSTER).orElseThrow());
        assertThat(report.rpo()).isPresent();
        assertThat(report.tablesCompared()).isEqualTo(5);
        assertThat(report.sequencesCompared()).isEqualTo(3);
        assertThat(report.notCovered()).noneMatch(line -> line.startsWith("amcheck was not run"))
                .noneMatch(line -> line.startsWith("Data was not compared"));
        assertThat(report.commands()).anyMatch(line -> line.contains("pg_basebackup"))
                .anyMatch(line -> line.contains("pg_verifybackup"))
                .noneMatch(line -> line.contains(source.url().password().orElseThrow()));
        try (Stream<Path> leftovers = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertThat(leftovers.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("dbops-physical-"));
        }
    }

    @Test
    void doesNotCompareDataWhenTheSourceChangedDuringTheBaseBackup() {
        DrillListener writer = new DrillListener() {
            @Override
            public void phaseStarted(DrillPhase phase) {
                if (phase == DrillPhase.BASE_BACKUP) {
                    try {
                        DrillFixture.execute(source.url(), "insert into public.empty_table values (1)");
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        };
        try {
            DrillReport report = BackupDrill.builder().source(source.url()).listener(writer).build().runPhysical();

            assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.VERIFIED);
            assertThat(report.tablesCompared()).isZero();
            assertThat(report.notCovered()).anyMatch(line -> line.startsWith(
                    "Data was not compared: the source changed during the base backup (public.empty_table)"));
        } finally {
            try {
                DrillFixture.execute(source.url(), "delete from public.empty_table");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void namesTheBackupFileThatNoLongerMatchesItsManifestAndLeavesTheBackupUntouched() throws IOException {
        Path backup = baseBackup();
        Path relation = largestRelationFile(backup);
        try (RandomAccessFile file = new RandomAccessFile(relation.toFile(), "rw")) {
            file.seek(file.length() / 2);
            file.write(0x42);
        }
        String name = backup.relativize(relation).toString();

        DrillReport report = BackupDrill.builder().source(source.url()).build().verifyBaseBackup(backup);

        assertThat(report.outcome()).as(report.toText()).isEqualTo(DrillReport.Outcome.MISMATCH);
        assertThat(report.mismatches()).filteredOn(m -> m.kind() == Mismatch.Kind.BACKUP_FILE).singleElement()
                .satisfies(m -> {
                    assertThat(m.object()).isEqualTo(name);
                    assertThat(m.detail()).isEqualTo("checksum mismatch for file \"" + name + "\"");
                });
        assertThat(report.phases()).extracting(PhaseTiming::phase).contains(DrillPhase.COPY_BACKUP)
                .doesNotContain(DrillPhase.BASE_BACKUP);
        assertThat(report.notes()).anyMatch(note -> note.contains("approximate"));
        assertThat(backup.resolve("backup_label")).exists();
        assertThat(backup.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void stopsAndRemovesTheScratchClusterOfAKilledPhysicalDrillAndSaysSo() throws Exception {
        Path work = PhysicalWorkDirectories.create();
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        PhysicalWorkDirectories.mark(work, finished.pid(), finished.info().startInstant().orElse(Instant.now()));
        Files.move(baseBackup(), work.resolve("data"));
        ScratchCluster leftover = ScratchCluster.start(ServerPrograms.locate(Optional.empty(),
                DrillFixture.SERVER.majorVersion(), "15"), work.resolve("data"), source.url(),
                DrillFixture.SERVER.majorVersion() * 10_000, Duration.ofMinutes(2));
        long postmaster = Long.parseLong(Files.readAllLines(work.resolve("data/postmaster.pid")).get(0).strip());
        try {
            DrillReport report = BackupDrill.builder().source(source.url()).build().runPhysical();

            assertThat(report.outcome()).as(report.toText()).isEqualTo(DrillReport.Outcome.VERIFIED);
            assertThat(report.notes()).anyMatch(note -> note.startsWith("Removed " + work + ", left behind by a"
                    + " physical drill that was killed (process " + finished.pid() + "); its scratch cluster"
                    + " (postmaster pid " + postmaster + ") was stopped"));
            assertThat(ProcessHandle.of(postmaster)).isEmpty();
            assertThat(work).doesNotExist();
        } finally {
            leftover.close();
            WorkFiles.deleteTree(work);
        }
    }

    @Test
    void verifiesTarFormatBaseBackupsPlainAndGzipped() {
        for (String[] options : List.of(new String[] {"--format=tar"}, new String[] {"--format=tar", "--gzip"})) {
            Path backup = baseBackup("tar" + options.length, options);
            assertThat(backup.resolve(options.length == 1 ? "base.tar" : "base.tar.gz")).exists();

            DrillReport report = BackupDrill.builder().source(source.url()).build().verifyBaseBackup(backup);

            assertThat(report.outcome()).as(report.toText()).isEqualTo(DrillReport.Outcome.VERIFIED);
            assertThat(report.phases()).extracting(PhaseTiming::phase).containsSubsequence(DrillPhase.UNPACK_BACKUP,
                    DrillPhase.VERIFY_BACKUP, DrillPhase.START_CLUSTER, DrillPhase.FINGERPRINT_RESTORED)
                    .doesNotContain(DrillPhase.COPY_BACKUP);
            assertThat(report.rto()).isEqualTo(report.elapsed(DrillPhase.UNPACK_BACKUP).orElseThrow()
                    .plus(report.elapsed(DrillPhase.START_CLUSTER).orElseThrow()));
            assertThat(report.backupTakenAt()).isPresent();
            assertThat(report.tablesCompared()).isEqualTo(5);
        }
    }

    @Test
    void namesTheFileThatWasDamagedInsideATarBackup() throws IOException {
        Path backup = baseBackup("tar", "--format=tar");
        TarMember largest = largestMember(backup.resolve("base.tar"));
        try (RandomAccessFile file = new RandomAccessFile(backup.resolve("base.tar").toFile(), "rw")) {
            file.seek(largest.dataOffset() + largest.size() / 2);
            int old = file.read();
            file.seek(largest.dataOffset() + largest.size() / 2);
            file.write(old ^ 0x01);
        }

        DrillReport report = BackupDrill.builder().source(source.url()).build().verifyBaseBackup(backup);

        assertThat(report.outcome()).as(report.toText()).isEqualTo(DrillReport.Outcome.MISMATCH);
        assertThat(report.mismatches()).filteredOn(m -> m.kind() == Mismatch.Kind.BACKUP_FILE).singleElement()
                .satisfies(m -> assertThat(m.detail()).isEqualTo("checksum mismatch for file \"" + largest.name() + "\""));
    }

    @Test
    void reportsATruncatedTarBackupAsOneThatDoesNotRestore() throws IOException {
        Path backup = baseBackup("tgz", "--format=tar", "--gzip");
        Path base = backup.resolve("base.tar.gz");
        try (RandomAccessFile file = new RandomAccessFile(base.toFile(), "rw")) {
            file.setLength(file.length() / 2);
        }

        DrillReport report = BackupDrill.builder().source(source.url()).build().verifyBaseBackup(backup);

        assertThat(report.outcome()).as(report.toText()).isEqualTo(DrillReport.Outcome.MISMATCH);
        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.BACKUP_FILE);
            assertThat(m.detail()).startsWith("the backup cannot be unpacked: base.tar.gz");
        });
        assertThat(report.notCovered()).contains("Nothing was started or compared: the backup's archives cannot be"
                + " unpacked.");
        assertThat(report.phases()).extracting(PhaseTiming::phase).doesNotContain(DrillPhase.START_CLUSTER)
                .endsWith(DrillPhase.STOP_CLUSTER);
    }

    @Test
    void refusesATarBackupWithTablespacesOrACompressionItCannotUnpackAndSaysWhy() throws IOException {
        Path backup = Files.createDirectories(directory.resolve("lz4"));
        Files.writeString(backup.resolve("base.tar.lz4"), "x");
        Files.writeString(backup.resolve("16385.tar"), "x");

        DrillReport report = BackupDrill.builder().source(source.url()).build().verifyBaseBackup(backup);

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.FAILED);
        assertThat(report.failure()).hasValueSatisfying(f -> assertThat(f.message()).contains(
                "base.tar.lz4 is compressed in a way dbops does not unpack", "it has tablespaces (16385.tar)",
                "it has no backup_manifest"));
    }

    @Test
    void failsEarlyWhenTheTemporaryDirectoryCannotHoldTheCluster() {
        DrillReport report = BackupDrill.builder().source(source.url()).diskHeadroomBytes(1L << 60).build()
                .runPhysical();

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.FAILED);
        assertThat(report.failure()).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.INSUFFICIENT_DISK_SPACE);
            assertThat(f.message()).contains("the source cluster is", "bytes) free");
        });
        assertThat(report.phases()).extracting(PhaseTiming::phase).doesNotContain(DrillPhase.BASE_BACKUP);
    }

    /** A plain-format base backup with WAL and a manifest, as a backup job would write it. */
    private Path baseBackup() {
        return baseBackup("base");
    }

    /** A base backup with WAL and a manifest into {@code name}, with more pg_basebackup options. */
    private Path baseBackup(String name, String... options) {
        Path backup = directory.resolve(name);
        ServerPrograms programs = ServerPrograms.locate(Optional.empty(), DrillFixture.SERVER.majorVersion(), "15");
        List<String> arguments = new ArrayList<>(List.of("--pgdata=" + backup, "--wal-method=stream",
                "--checkpoint=fast", "--no-password"));
        arguments.addAll(List.of(options));
        ClientCommand.Result result = new ClientCommand(programs.pgBaseBackup(), source.url(), arguments)
                .run(line -> { }, Optional.empty());
        assertThat(result.succeeded()).as(result.explanation()).isTrue();
        return backup;
    }

    /** A regular file inside a tar archive: its path, size and where its data starts. */
    private record TarMember(String name, long size, long dataOffset) {
    }

    private static TarMember largestMember(Path tar) throws IOException {
        TarMember largest = null;
        try (RandomAccessFile file = new RandomAccessFile(tar.toFile(), "r")) {
            byte[] header = new byte[512];
            for (long offset = 0; offset + 512 <= file.length(); ) {
                file.seek(offset);
                file.readFully(header);
                String name = new String(header, 0, 100, StandardCharsets.US_ASCII).replaceAll("\0.*", "");
                if (name.isEmpty()) {
                    break;
                }
                long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII)
                        .trim(), 8);
                if (header[156] == '0' && name.matches("base/\\d+/\\d+") && (largest == null || size > largest.size())) {
                    largest = new TarMember(name, size, offset + 512);
                }
                offset += 512 + (size + 511) / 512 * 512;
            }
        }
        return largest;
    }

    private static Path largestRelationFile(Path backup) throws IOException {
        try (Stream<Path> files = Files.walk(backup.resolve("base"))) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
    }
}
