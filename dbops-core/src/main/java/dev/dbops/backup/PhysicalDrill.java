package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A physical drill: {@code pg_basebackup} of the source (or a given backup directory, copied first, or
 * a given tar-format backup, unpacked first),
 * {@code pg_verifybackup}, the backup started as a scratch cluster, its copy of the source database
 * fingerprinted and diffed with the source, {@code amcheck}, and the cluster stopped and deleted.
 *
 * <p>The source is fingerprinted before and after the base backup. Only when both agree (the source
 * was quiet) must the copy equal them exactly; otherwise the data is not compared and the report says why.
 */
final class PhysicalDrill {

    private static final Pattern VERIFY_ERROR = Pattern.compile("^pg_verifybackup: error: (.*)$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(30);

    private final DrillOptions drill;

    PhysicalDrill(DrillOptions drill) {
        this.drill = drill;
    }

    DrillReport run(Optional<Path> givenBackup) {
        DrillRecorder recorder = new DrillRecorder(drill.clock(), drill.listener(), DrillReport.Mode.PHYSICAL,
                drill.source().masked());
        Path work = null;
        ScratchCluster cluster = null;
        DbopsException failure = null;
        try {
            SourceFacts source = SourceFacts.read(drill.source());
            recorder.sourceBytes(source.bytes());
            ServerPrograms programs = ServerPrograms.locate(drill.clientPrograms(), source.major(), source.version());
            recorder.phase(DrillPhase.CLEANUP, PhysicalWorkDirectories::removeAbandoned).forEach(recorder::note);
            work = PhysicalWorkDirectories.create();
            Path data = work.resolve("data");
            DataFingerprint before = recorder.phase(DrillPhase.FINGERPRINT_SOURCE, () -> live(drill, source));
            DataFingerprint expected = before;
            boolean quiet = false;
            boolean prepared = true;
            if (givenBackup.isPresent()) {
                prepared = prepareGiven(recorder, programs, givenBackup.get().toAbsolutePath().normalize(), data);
            } else {
                Optional<Long> clusterBytes = clusterBytes();
                if (clusterBytes.isPresent()) {
                    requireSpace(data, clusterBytes.get(), "the source cluster");
                } else {
                    recorder.notCovered("Free space for the base backup was not checked: the size of every database"
                            + " of the cluster cannot be read by this user.");
                }
                recorder.backupTakenAt(recorder.now());
                recorder.phase(DrillPhase.BASE_BACKUP, () -> baseBackup(recorder, programs, data));
                recorder.archive(Optional.empty(), WorkFiles.size(data));
                verify(recorder, programs, data);
                expected = recorder.phase(DrillPhase.FINGERPRINT_SOURCE, () -> live(drill, source));
                quiet = expected.tables().equals(before.tables()) && expected.sequences().equals(before.sequences());
            }
            if (prepared) {
                cluster = recorder.phase(DrillPhase.START_CLUSTER, () -> ScratchCluster.start(programs, data,
                        drill.source(), source.versionNum(), START_TIMEOUT));
                compare(recorder, cluster, source, expected, givenBackup.isPresent() || quiet, before);
                amcheck(recorder, cluster, source);
                recorder.notCovered("Other databases of the cluster: only the copy of " + source.database()
                        + " was compared.");
            }
        } catch (DbopsException e) {
            failure = e;
        } catch (IOException e) {
            failure = new DbopsException(ErrorCode.IO_FAILED, "Cannot create the work directory of a physical drill: "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            failure = DrillRun.unexpected(e);
        } finally {
            stop(recorder, cluster, work);
        }
        return failure == null ? recorder.finished() : recorder.failed(failure);
    }

    /** Stops the scratch cluster, if it started, and deletes the work directory, as a timed phase. */
    private static void stop(DrillRecorder recorder, ScratchCluster cluster, Path work) {
        if (work == null) {
            return;
        }
        try {
            recorder.phase(DrillPhase.STOP_CLUSTER, () -> {
                if (cluster != null) {
                    cluster.close();
                }
                WorkFiles.deleteTree(work);
                return null;
            });
        } catch (RuntimeException e) {
            recorder.note("Stopping the scratch cluster or deleting " + work + " failed: " + e.getMessage());
        }
    }

    /**
     * Copies a plain-format backup after checking it, or unpacks a tar-format one and checks what was
     * unpacked (pg_verifybackup reads only plain format before PostgreSQL 18); the original is not changed.
     *
     * @return false when a tar archive cannot be unpacked, which is recorded as a mismatch
     */
    private boolean prepareGiven(DrillRecorder recorder, ServerPrograms programs, Path backup, Path data) {
        recorder.archive(Optional.of(backup.toString()), WorkFiles.size(backup));
        Optional<TarBaseBackup> tar = TarBaseBackup.in(backup);
        if (tar.isPresent()) {
            requireSpace(data, tar.get().bytes(), "the tar-format backup to unpack (more when compressed)");
            Optional<String> damage = recorder.phase(DrillPhase.UNPACK_BACKUP, () -> tar.get().unpack(data));
            if (damage.isPresent()) {
                recorder.mismatches(List.of(new Mismatch(Mismatch.Kind.BACKUP_FILE, backup.toString(), "", "",
                        "the backup cannot be unpacked: " + damage.get())));
                recorder.notCovered("Nothing was started or compared: the backup's archives cannot be unpacked.");
                return false;
            }
            GivenBaseBackup.labelTime(data).ifPresent(recorder::backupTakenAt);
            verify(recorder, programs, data);
        } else {
            requireSpace(data, WorkFiles.size(backup), "the backup to copy");
            GivenBaseBackup.labelTime(backup).ifPresent(recorder::backupTakenAt);
            verify(recorder, programs, backup);
            recorder.phase(DrillPhase.COPY_BACKUP, () -> GivenBaseBackup.copy(backup, data));
        }
        recorder.note("The copy was compared with the live source as it is now, not as it was when the backup"
                + " was taken: changes made since then show up as mismatches, so the comparison is approximate.");
        return true;
    }

    /** The size of all databases of the source's cluster, when this user may read it. */
    private Optional<Long> clusterBytes() {
        try (Connection connection = PostgresConnector.open(drill.source());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select sum(pg_catalog.pg_database_size(oid))::bigint"
                        + " from pg_catalog.pg_database")) {
            rs.next();
            return Optional.of(rs.getLong(1));
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    /** Fails early, with the figures, when the work directory cannot hold {@code bytes} plus the headroom. */
    private void requireSpace(Path data, long bytes, String what) {
        Path work = data.getParent();
        long free;
        try {
            free = Files.getFileStore(work).getUsableSpace();
        } catch (IOException e) {
            return;
        }
        long needed = bytes + drill.diskHeadroomBytes();
        if (free < needed) {
            throw new DbopsException(ErrorCode.INSUFFICIENT_DISK_SPACE, "Not enough free disk space for a physical"
                    + " drill: " + work.getParent() + " has " + DrillReportText.bytes(free) + " (" + free + " bytes)"
                    + " free, " + what + " is " + DrillReportText.bytes(bytes) + " (" + bytes + " bytes) and the"
                    + " headroom asked for is " + DrillReportText.bytes(drill.diskHeadroomBytes()) + " — free space"
                    + " there or point java.io.tmpdir at a larger disk.");
        }
    }

    private static DataFingerprint live(DrillOptions drill, SourceFacts source) {
        try (SourceFingerprint live = SourceFingerprint.open(drill.source(), source.versionNum(),
                drill.fingerprintSettings())) {
            return live.finish(live.hashTables(DrillListener.NONE), false);
        }
    }

    private Void baseBackup(DrillRecorder recorder, ServerPrograms programs, Path data) {
        ClientCommand command = new ClientCommand(programs.pgBaseBackup(), drill.source(), List.of(
                "--pgdata=" + data, "--format=plain", "--wal-method=stream", "--checkpoint=fast", "--verbose",
                "--no-password"));
        recorder.command(command.describe());
        ClientCommand.Result result = command.run(line -> { }, Optional.empty());
        if (!result.succeeded()) {
            String hint = result.explanation().contains("replication") ? " — the user needs the REPLICATION attribute"
                    + " and pg_hba.conf a 'replication' line for this host" : "";
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "pg_basebackup failed with exit code "
                    + result.exitCode() + ": " + result.explanation() + hint);
        }
        return null;
    }

    private static void verify(DrillRecorder recorder, ServerPrograms programs, Path backup) {
        if (programs.pgVerifyBackup().isEmpty() || !Files.exists(backup.resolve("backup_manifest"))) {
            recorder.notCovered("Backup files were not checked against a manifest: " + (programs.pgVerifyBackup()
                    .isEmpty() ? "pg_verifybackup (PostgreSQL 13+) is missing" : "the backup has no backup_manifest")
                    + ".");
            return;
        }
        List<Mismatch> found = recorder.phase(DrillPhase.VERIFY_BACKUP, () -> {
            ClientCommand command = new ClientCommand(programs.pgVerifyBackup().get(), Optional.empty(),
                    List.of(backup.toString()));
            recorder.command(command.describe());
            List<Mismatch> errors = new ArrayList<>();
            ClientCommand.Result result = command.run(line -> {
                Matcher error = VERIFY_ERROR.matcher(line);
                if (error.matches()) {
                    Matcher file = QUOTED.matcher(error.group(1));
                    errors.add(new Mismatch(Mismatch.Kind.BACKUP_FILE, file.find() ? file.group(1) : backup.toString(),
                            "", "", error.group(1)));
                }
            }, Optional.empty());
            if (!result.succeeded() && errors.isEmpty()) {
                errors.add(new Mismatch(Mismatch.Kind.BACKUP_FILE, backup.toString(), "", "",
                        "pg_verifybackup exited with " + result.exitCode() + ": " + result.explanation()));
            }
            return errors;
        });
        recorder.mismatches(found);
    }

    private void compare(DrillRecorder recorder, ScratchCluster cluster, SourceFacts source, DataFingerprint expected,
            boolean compareData, DataFingerprint before) {
        DataFingerprint copy;
        try {
            copy = recorder.phase(DrillPhase.FINGERPRINT_RESTORED, () -> {
                try (SourceFingerprint restored = SourceFingerprint.open(cluster.url(), source.versionNum(),
                        drill.fingerprintSettings())) {
                    return restored.finish(restored.hashTables(drill.listener()), false);
                }
            });
        } catch (TableHashing.TableReadFailure e) {
            // A corrupted page can make the copy's server fail or crash on reading it: a finding, not a failure.
            recorder.mismatches(List.of(new Mismatch(Mismatch.Kind.CORRUPTION, e.table(), "", "",
                    "reading it in the restored copy failed: " + e.getMessage())));
            recorder.notCovered("Data and schema were not compared: reading the restored copy failed.");
            cluster.awaitReady(START_TIMEOUT);
            return;
        }
        if (compareData) {
            Map<String, SequenceFingerprint.State> sequences = copy.sequences().stream()
                    .collect(Collectors.toMap(SequenceFingerprint::qualifiedName, SequenceFingerprint::before));
            // WAL recovery leaves a sequence up to 32 values ahead (PostgreSQL logs sequences ahead); only
            // a sequence behind the source would hand out a value twice.
            recorder.mismatches(FingerprintComparison.data(expected, copy.tables(), sequences,
                    FingerprintComparison.Sequences.NOT_BEHIND));
            recorder.compared(expected.tables().size(), expected.totalRows(), expected.sequences().size());
        } else {
            List<String> changed = new ArrayList<>();
            for (TableFingerprint table : expected.tables()) {
                if (!before.tables().contains(table)) {
                    changed.add(table.qualifiedName());
                }
            }
            recorder.notCovered("Data was not compared: the source changed during the base backup ("
                    + (changed.isEmpty() ? "its set of tables" : String.join(", ", changed))
                    + "), so no fingerprint equals the copy; run the drill while the source is quiet, or use a logical"
                    + " drill, whose fingerprint is taken in the dump's own snapshot.");
        }
        recorder.mismatches(recorder.phase(DrillPhase.COMPARE_SCHEMA, () -> FingerprintComparison.schema(
                expected.schema().orElseThrow().schema(), copy.schema().orElseThrow().schema(), true)));
    }

    private static void amcheck(DrillRecorder recorder, ScratchCluster cluster, SourceFacts source) {
        recorder.phase(DrillPhase.AMCHECK, () -> {
            try {
                recorder.mismatches(Amcheck.run(cluster.url(), source.versionNum(), recorder.listener()));
            } catch (SQLException e) {
                recorder.notCovered("amcheck was not run: " + e.getMessage().strip() + ".");
            }
            return null;
        });
    }
}
