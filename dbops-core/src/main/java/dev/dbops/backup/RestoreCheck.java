package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Restores an archive into a fresh scratch database with one {@code pg_restore -j N}, then fingerprints
 * the copy, diffs its schema and compares both with what was expected; the scratch database is dropped
 * at the end, also when something fails.
 */
final class RestoreCheck {

    private final DrillOptions drill;
    private final ClientPrograms programs;
    private final DrillRecorder recorder;

    RestoreCheck(DrillOptions drill, ClientPrograms programs, DrillRecorder recorder) {
        this.drill = drill;
        this.programs = programs;
        this.recorder = recorder;
    }

    /**
     * Restores and verifies.
     *
     * @param compareSequences whether sequence states are compared (not against a live source)
     */
    void run(ScratchDatabases scratch, PostgresUrl scratchUrl, SourceFacts source, Path archive,
            ArchiveContents contents, DataFingerprint expected, boolean compareSequences) {
        String name = scratchUrl.database();
        recorder.phase(DrillPhase.CREATE_SCRATCH, () -> {
            scratch.create(name, source.database(), source.locale());
            return null;
        });
        recorder.scratchDatabase(name);
        DbopsException failure = null;
        try {
            if (restore(scratch, scratchUrl, archive, contents)) {
                recorder.listener().restored(scratchUrl);
                verify(scratchUrl, expected, compareSequences);
            }
        } catch (DbopsException e) {
            failure = e;
            throw e;
        } finally {
            try {
                recorder.phase(DrillPhase.DROP_SCRATCH, () -> {
                    scratch.dropOwn(name);
                    return null;
                });
            } catch (DbopsException e) {
                if (failure == null) {
                    throw e;
                }
                failure.addSuppressed(e);
                recorder.note("The scratch database " + name + " could not be dropped: " + e.getMessage());
            }
        }
    }

    /**
     * Restores with one {@code pg_restore -j N}, as a real recovery would, timing its three phases from its
     * verbose output; false when it reported an error (recorded as a mismatch).
     */
    private boolean restore(ScratchDatabases scratch, PostgresUrl scratchUrl, Path archive, ArchiveContents contents) {
        scratch.requireOwned(scratchUrl.database());
        List<String> arguments = new ArrayList<>(List.of("--exit-on-error", "--verbose", "--no-password",
                "--no-subscriptions"));
        if (drill.jobs() > 1) {
            arguments.add("--jobs=" + drill.jobs());
        }
        if (!drill.restoreOwnership()) {
            arguments.add("--no-owner");
            arguments.add("--no-privileges");
        }
        arguments.add(archive.toString());
        ClientCommand restore = new ClientCommand(programs.pgRestore(), scratchUrl, arguments);
        recorder.command(restore.describe());
        RestoreProgress progress = new RestoreProgress(contents, recorder.listener(), recorder.now());
        ClientCommand.Result result;
        try {
            result = restore.run(progress, Optional.empty());
        } catch (DbopsException e) {
            progress.record(recorder, false);
            throw e;
        }
        progress.record(recorder, result.succeeded());
        if (result.succeeded()) {
            return true;
        }
        if (result.killed()) {
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "pg_restore was killed (exit code "
                    + result.exitCode() + ") during " + recorder.failedPhase().map(DrillPhase::label).orElse("restore")
                    + " after " + DrillReportText.duration(Duration.ofNanos(result.nanos()))
                    + "; the restore is incomplete and nothing was verified. Its last output: "
                    + String.join(" | ", result.tail().subList(Math.max(0, result.tail().size() - 3),
                            result.tail().size())));
        }
        List<String> suspects = progress.suspects();
        recorder.mismatches(List.of(new Mismatch(Mismatch.Kind.RESTORE_ERROR,
                suspects.isEmpty() ? archive.toString() : String.join(", ", suspects), "", "",
                "pg_restore exited with " + result.exitCode() + " during "
                        + recorder.failedPhase().map(DrillPhase::label).orElse("the restore") + ": "
                        + result.explanation().replace('\n', ' '))));
        recorder.notCovered("Data and schema were not compared: the restore stopped at its first error.");
        return false;
    }

    private static String serverVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select pg_catalog.current_setting('server_version')")) {
            rs.next();
            return rs.getString(1).split(" ")[0];
        }
    }

    private void verify(PostgresUrl scratchUrl, DataFingerprint expected, boolean compareSequences) {
        DrillOptions.FingerprintSettings settings = drill.fingerprintSettings();
        if (expected.formatVersion() < DataFingerprint.FORMAT_VERSION
                && expected.tables().stream().anyMatch(t -> t.method() == FingerprintMethod.TYPE_HASH)) {
            recorder.note("The saved fingerprint has format " + expected.formatVersion() + " (an older dbops): its "
                    + "TYPE_HASH tables were hashed the same old way in the copy, which misses a value swapped between"
                    + " rows, a numeric's sign and scale, and reports enum and reg* columns as changed. Run a new"
                    + " drill for an exact fingerprint (format " + DataFingerprint.FORMAT_VERSION + ").");
        }
        List<Mismatch> data = recorder.phase(DrillPhase.FINGERPRINT_RESTORED, () -> {
            try (Connection connection = PostgresConnector.open(scratchUrl)) {
                FingerprintSession.begin(connection, Optional.empty(), settings.statementTimeout(),
                        settings.lockTimeout());
                int versionNum = PostgresConnector.requireSupportedVersion(connection);
                Fingerprinter.Relations relations = Fingerprinter.relations(connection, versionNum);
                Map<String, FingerprintMethod> methods = new HashMap<>();
                expected.tables().forEach(t -> methods.put(t.qualifiedName(), t.method()));
                Map<String, SequenceFingerprint.State> sequences =
                        Fingerprinter.sequenceStates(connection, relations.sequences());
                String restoredVersion = serverVersion(connection);
                connection.rollback();
                List<TableFingerprint> tables = new TableHashing(scratchUrl, Optional.empty(), settings.jobs(),
                        settings.statementTimeout(), settings.lockTimeout())
                        .hash(relations.tables(), methods, DrillPhase.FINGERPRINT_RESTORED, recorder.listener());
                String caveat = FingerprintComparison.majorVersionCaveat(expected.serverVersion(), restoredVersion);
                if (!caveat.isEmpty()) {
                    recorder.note("The source was fingerprinted on PostgreSQL " + expected.serverVersion()
                            + " and the copy on " + restoredVersion + ": content hashes agree across major versions"
                            + " unless a column type's text form or hash function changed between them.");
                }
                return FingerprintComparison.data(expected, tables, sequences, compareSequences
                        ? FingerprintComparison.Sequences.DUMPED_RANGE : FingerprintComparison.Sequences.NONE, caveat);
            } catch (SQLException e) {
                throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Cannot read the restored copy "
                        + scratchUrl.database() + ": " + e.getMessage(), e);
            }
        });
        recorder.mismatches(data);
        recorder.compared(expected.tables().size(), expected.totalRows(),
                compareSequences ? expected.sequences().size() : 0);
        if (expected.schema().isEmpty()) {
            recorder.notCovered("The schema was not compared: the fingerprint holds no schema.");
            return;
        }
        List<Mismatch> schema = recorder.phase(DrillPhase.COMPARE_SCHEMA, () -> {
            try (Connection connection = PostgresConnector.open(scratchUrl)) {
                SchemaSnapshot restored = SchemaInspector.builder().build().snapshot(connection);
                return FingerprintComparison.schema(expected.schema().get().schema(), restored.schema(),
                        drill.restoreOwnership());
            } catch (SQLException e) {
                throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Cannot read the restored schema of "
                        + scratchUrl.database() + ": " + e.getMessage(), e);
            }
        });
        recorder.mismatches(schema);
    }
}
