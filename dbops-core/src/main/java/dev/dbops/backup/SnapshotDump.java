package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dumps the source with {@code pg_dump --snapshot} while its tables are hashed in the same snapshot,
 * both at once; the snapshot stays exported until both are done.
 */
final class SnapshotDump {

    private static final Pattern DUMPING = Pattern.compile("^pg_dump: dumping contents of table \"(.*)\"$");

    private SnapshotDump() {
    }

    /** Runs the dump into {@code archive} and returns the source's fingerprint in the dump's snapshot. */
    static DataFingerprint run(DrillOptions drill, ClientPrograms programs, SourceFacts facts, Path archive,
            DrillRecorder recorder) {
        DrillListener listener = recorder.listener();
        try (SourceFingerprint source = SourceFingerprint.open(drill.source(), facts.versionNum(),
                drill.fingerprintSettings())) {
            recorder.backupTakenAt(source.takenAt());
            List<String> arguments = new ArrayList<>(List.of("--format=" + drill.format().option(),
                    "--file=" + archive, "--snapshot=" + source.snapshot(), "--verbose", "--no-password",
                    "--lock-wait-timeout=" + drill.lockTimeout().toMillis()));
            if (drill.format() == ArchiveFormat.DIRECTORY) {
                arguments.add("--jobs=" + drill.jobs());
            }
            ClientCommand dump = new ClientCommand(programs.pgDump(), drill.source(), arguments);
            recorder.command(dump.describe());
            AtomicInteger dumped = new AtomicInteger();
            AtomicReference<Object> outcome = new AtomicReference<>();
            Instant dumpStarted = recorder.now();
            long dumpNanos = System.nanoTime();
            listener.phaseStarted(DrillPhase.DUMP);
            Thread dumper = new Thread(() -> {
                try {
                    outcome.set(dump.run(line -> {
                        Matcher matcher = DUMPING.matcher(line);
                        if (matcher.matches()) {
                            listener.tableDone(DrillPhase.DUMP, matcher.group(1), dumped.incrementAndGet(), 0);
                        }
                    }, Optional.empty()));
                } catch (RuntimeException e) {
                    outcome.set(e);
                }
            }, "dbops-pg-dump");
            dumper.start();

            Instant hashStarted = recorder.now();
            long hashNanos = System.nanoTime();
            listener.phaseStarted(DrillPhase.FINGERPRINT_SOURCE);
            List<TableFingerprint> tables;
            try {
                tables = source.hashTables(listener);
            } catch (RuntimeException e) {
                dump.stop();
                join(dumper);
                Duration elapsed = Duration.ofNanos(System.nanoTime() - hashNanos);
                recorder.concurrentPhase(DrillPhase.FINGERPRINT_SOURCE, hashStarted, elapsed, false);
                listener.phaseFinished(DrillPhase.FINGERPRINT_SOURCE, elapsed);
                throw e;
            }
            Duration hashElapsed = Duration.ofNanos(System.nanoTime() - hashNanos);
            listener.phaseFinished(DrillPhase.FINGERPRINT_SOURCE, hashElapsed);

            join(dumper);
            Duration dumpElapsed = Duration.ofNanos(System.nanoTime() - dumpNanos);
            boolean dumpSucceeded = outcome.get() instanceof ClientCommand.Result result && result.succeeded();
            recorder.concurrentPhase(DrillPhase.DUMP, dumpStarted, dumpElapsed, dumpSucceeded);
            recorder.concurrentPhase(DrillPhase.FINGERPRINT_SOURCE, hashStarted, hashElapsed, true);
            listener.phaseFinished(DrillPhase.DUMP, dumpElapsed);
            if (outcome.get() instanceof RuntimeException e) {
                throw e;
            }
            ClientCommand.Result result = (ClientCommand.Result) outcome.get();
            if (!result.succeeded()) {
                throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "pg_dump " + (result.killed()
                        ? "was killed (exit code " + result.exitCode() + ")" : "failed with exit code " + result.exitCode())
                        + " after " + DrillReportText.duration(dumpElapsed) + ": " + result.explanation()
                        + " — fix the cause pg_dump names and run the drill again.");
            }
            return source.finish(tables, true);
        }
    }

    private static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbopsException(ErrorCode.BACKUP_DRILL_FAILED, "Interrupted while pg_dump was running.", e);
        }
    }
}
