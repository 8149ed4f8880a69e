package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restores an archive into a fresh scratch database, section by section, then fingerprints the copy,
 * diffs its schema and compares both with what was expected; the scratch database is dropped at the end,
 * also when something fails.
 */
final class RestoreCheck {

    private static final Pattern PROCESSING = Pattern.compile("^pg_restore: processing data for table \"(.*)\"$");
    private static final Pattern FINISHED = Pattern.compile("^pg_restore: finished item (\\d+) TABLE DATA .*$");
    /** How pg_restore's errors point at an archive item: {@code …/3346.dat} or {@code TOC entry 3346;}. */
    private static final Pattern ITEM = Pattern.compile("/(\\d+)\\.dat|TOC entry (\\d+);");

    private final BackupDrill drill;
    private final ClientPrograms programs;
    private final DrillRecorder recorder;

    RestoreCheck(BackupDrill drill, ClientPrograms programs, DrillRecorder recorder) {
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

    /** The three restore sections; false when one reported an error (recorded as a mismatch). */
    private boolean restore(ScratchDatabases scratch, PostgresUrl scratchUrl, Path archive, ArchiveContents contents) {
        for (DrillPhase phase : List.of(DrillPhase.RESTORE_PRE_DATA, DrillPhase.RESTORE_DATA,
                DrillPhase.RESTORE_POST_DATA)) {
            boolean restored = recorder.phase(phase, () -> section(scratch, scratchUrl, archive, contents, phase));
            if (!restored) {
                recorder.notCovered("Data and schema were not compared: the restore stopped at its first error.");
                return false;
            }
        }
        return true;
    }

    private boolean section(ScratchDatabases scratch, PostgresUrl scratchUrl, Path archive, ArchiveContents contents,
            DrillPhase phase) {
        scratch.requireOwned(scratchUrl.database());
        String section = switch (phase) {
            case RESTORE_PRE_DATA -> "pre-data";
            case RESTORE_DATA -> "data";
            default -> "post-data";
        };
        List<String> arguments = new ArrayList<>(List.of("--section=" + section, "--exit-on-error", "--verbose",
                "--no-password", "--no-subscriptions"));
        if (phase != DrillPhase.RESTORE_PRE_DATA) {
            arguments.add("--jobs=" + drill.jobs());
        }
        if (!drill.restoreOwnership()) {
            arguments.add("--no-owner");
            arguments.add("--no-privileges");
        }
        arguments.add(archive.toString());
        ClientCommand restore = new ClientCommand(programs.pgRestore(), scratchUrl, arguments);
        recorder.command(restore.describe());
        AtomicInteger started = new AtomicInteger();
        Set<String> inFlight = new LinkedHashSet<>();
        Set<String> named = new LinkedHashSet<>();
        ClientCommand.Result result = restore.run(line -> {
            Matcher processing = PROCESSING.matcher(line);
            Matcher finished = FINISHED.matcher(line);
            if (processing.matches()) {
                synchronized (inFlight) {
                    inFlight.add(processing.group(1));
                }
                recorder.listener().tableDone(phase, processing.group(1), started.incrementAndGet(),
                        contents.tableDataEntries());
            } else if (finished.matches()) {
                String table = contents.tableData().get(Integer.parseInt(finished.group(1)));
                synchronized (inFlight) {
                    inFlight.remove(table);
                }
            } else if (line.contains("error: ") || line.startsWith("Command was:") || line.contains("TOC entry")) {
                Matcher item = ITEM.matcher(line);
                while (item.find()) {
                    String id = item.group(1) != null ? item.group(1) : item.group(2);
                    String table = contents.tableData().get(Integer.parseInt(id));
                    if (table != null) {
                        synchronized (inFlight) {
                            named.add(table);
                        }
                    }
                }
            }
        }, Optional.empty());
        if (result.succeeded()) {
            return true;
        }
        if (result.killed()) {
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "pg_restore was killed (exit code "
                    + result.exitCode() + ") during " + phase.label() + " after "
                    + DrillReportText.duration(java.time.Duration.ofNanos(result.nanos()))
                    + "; the restore is incomplete and nothing was verified. Its last output: "
                    + String.join(" | ", result.tail().subList(Math.max(0, result.tail().size() - 3),
                            result.tail().size())));
        }
        String object;
        synchronized (inFlight) {
            // The tables pg_restore's errors point at; else those whose data was being restored.
            Set<String> suspects = named.isEmpty() ? inFlight : named;
            object = suspects.isEmpty() ? archive.toString() : String.join(", ", suspects);
        }
        recorder.mismatches(List.of(new Mismatch(Mismatch.Kind.RESTORE_ERROR, object, "", "",
                "pg_restore --section=" + section + " exited with " + result.exitCode() + ": "
                        + result.explanation().replace('\n', ' '))));
        return false;
    }

    private void verify(PostgresUrl scratchUrl, DataFingerprint expected, boolean compareSequences) {
        BackupDrill.FingerprintSettings settings = drill.fingerprintSettings();
        List<Mismatch> data = recorder.phase(DrillPhase.FINGERPRINT_RESTORED, () -> {
            try (Connection connection = PostgresConnector.open(scratchUrl)) {
                FingerprintSession.begin(connection, Optional.empty(), settings.statementTimeout(),
                        settings.lockTimeout());
                Fingerprinter.Relations relations = Fingerprinter.relations(connection);
                Map<String, FingerprintMethod> methods = new HashMap<>();
                expected.tables().forEach(t -> methods.put(t.qualifiedName(), t.method()));
                Map<String, SequenceFingerprint.State> sequences =
                        Fingerprinter.sequenceStates(connection, relations.sequences());
                connection.rollback();
                List<TableFingerprint> tables = new TableHashing(scratchUrl, Optional.empty(), settings.jobs(),
                        settings.statementTimeout(), settings.lockTimeout())
                        .hash(relations.tables(), methods, DrillPhase.FINGERPRINT_RESTORED, recorder.listener());
                return FingerprintComparison.data(expected, tables, sequences, compareSequences);
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
