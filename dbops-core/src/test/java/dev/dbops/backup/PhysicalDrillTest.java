package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Physical drills on the embedded 15: pg_basebackup, pg_verifybackup, a scratch cluster, amcheck. */
class PhysicalDrillTest {

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
    void leavesTheWorkDirectoryOfARunningDrillAlone() throws Exception {
        Path running = PhysicalWorkDirectories.create();
        Path unmarked = Files.createTempDirectory(PhysicalWorkDirectories.PREFIX);
        try {
            assertThat(PhysicalWorkDirectories.removeAbandoned()).noneMatch(note -> note.contains(running.toString())
                    || note.contains(unmarked.toString()));
            assertThat(running).exists();
            assertThat(unmarked).exists();
        } finally {
            WorkFiles.deleteTree(running);
            WorkFiles.deleteTree(unmarked);
        }
    }

    @Test
    void failsWithTheFixWhenNoServerOfTheSourcesMajorVersionIsInstalled() throws IOException {
        Path empty = Files.createDirectories(directory.resolve("bin"));

        DrillReport report = BackupDrill.builder().source(source.url()).clientPrograms(empty).build().runPhysical();

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.FAILED);
        assertThat(report.failure()).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.BACKUP_TOOL_UNAVAILABLE);
            assertThat(f.message()).contains("exactly the source's major version", "postgresql-15");
        });
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
        Path backup = directory.resolve("base");
        ServerPrograms programs = ServerPrograms.locate(Optional.empty(), DrillFixture.SERVER.majorVersion(), "15");
        ClientCommand.Result result = new ClientCommand(programs.pgBaseBackup(), source.url(), List.of(
                "--pgdata=" + backup, "--wal-method=stream", "--checkpoint=fast", "--no-password"))
                .run(line -> { }, Optional.empty());
        assertThat(result.succeeded()).as(result.explanation()).isTrue();
        return backup;
    }

    private static Path largestRelationFile(Path backup) throws IOException {
        try (Stream<Path> files = Files.walk(backup.resolve("base"))) {
            return files.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches("\\d+"))
                    .max(Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        }
    }
}
