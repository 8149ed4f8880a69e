package dev.dbops.backup;

import dev.dbops.DbopsException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects what a drill does while it runs (timed phases, mismatches, notes, command lines) and
 * turns it into a {@link DrillReport} at the end. Used by one drill thread.
 */
final class DrillRecorder {

    /** A step of a phase that may fail. */
    interface Step<T> {
        T run();
    }

    private final Clock clock;
    private final DrillListener listener;
    private final DrillReport.Mode mode;
    private final String source;
    private final Instant startedAt;
    private final List<PhaseTiming> phases = new ArrayList<>();
    private final List<Mismatch> mismatches = new ArrayList<>();
    private final List<String> notCovered = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private Optional<String> archive = Optional.empty();
    private Optional<String> scratchDatabase = Optional.empty();
    private Optional<Instant> backupTakenAt = Optional.empty();
    private int tablesCompared;
    private long rowsCompared;
    private int sequencesCompared;
    private long sourceBytes;
    private long archiveBytes;
    private DrillPhase failedPhase;

    DrillRecorder(Clock clock, DrillListener listener, DrillReport.Mode mode, String source) {
        this.clock = clock;
        this.listener = listener;
        this.mode = mode;
        this.source = source;
        this.startedAt = clock.instant();
    }

    /** Runs a step as a timed phase; a failure is timed too and passed on. */
    <T> T phase(DrillPhase phase, Step<T> step) {
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        listener.phaseStarted(phase);
        boolean succeeded = false;
        try {
            T result = step.run();
            succeeded = true;
            return result;
        } finally {
            Duration elapsed = Duration.ofNanos(System.nanoTime() - nanos);
            phases.add(new PhaseTiming(phase, started, millis(elapsed), succeeded));
            if (!succeeded && failedPhase == null) {
                failedPhase = phase;
            }
            listener.phaseFinished(phase, elapsed);
        }
    }

    /** Records a phase that ran alongside another one and was timed by the caller. */
    void concurrentPhase(DrillPhase phase, Instant started, Duration elapsed, boolean succeeded) {
        phases.add(new PhaseTiming(phase, started, millis(elapsed), succeeded));
        if (!succeeded && failedPhase == null) {
            failedPhase = phase;
        }
    }

    /** The first phase that failed, if one did. */
    Optional<DrillPhase> failedPhase() {
        return Optional.ofNullable(failedPhase);
    }

    /** Reports keep whole milliseconds, as their JSON form does. */
    private static Duration millis(Duration elapsed) {
        return elapsed.truncatedTo(ChronoUnit.MILLIS);
    }

    void mismatches(List<Mismatch> found) {
        mismatches.addAll(found);
    }

    void notCovered(String sentence) {
        if (!notCovered.contains(sentence)) {
            notCovered.add(sentence);
        }
    }

    void note(String sentence) {
        notes.add(sentence);
    }

    void command(String line) {
        commands.add(line);
    }

    void archive(Optional<String> path, long bytes) {
        archive = path;
        archiveBytes = bytes;
    }

    void scratchDatabase(String name) {
        scratchDatabase = Optional.of(name);
    }

    void backupTakenAt(Instant taken) {
        backupTakenAt = Optional.of(taken);
    }

    void sourceBytes(long bytes) {
        sourceBytes = bytes;
    }

    void compared(int tables, long rows, int sequences) {
        tablesCompared = tables;
        rowsCompared = rows;
        sequencesCompared = sequences;
    }

    Instant now() {
        return clock.instant();
    }

    DrillListener listener() {
        return listener;
    }

    /** The report of a drill that ran to its end: verified when nothing differs. */
    DrillReport finished() {
        return report(mismatches.isEmpty() ? DrillReport.Outcome.VERIFIED : DrillReport.Outcome.MISMATCH,
                Optional.empty());
    }

    /** The report of a drill that could not finish; the failure is placed in the first phase that failed. */
    DrillReport failed(DbopsException failure) {
        return report(DrillReport.Outcome.FAILED, Optional.of(new DrillReport.Failure(failure.code(),
                Optional.ofNullable(failedPhase), failure.getMessage())));
    }

    private DrillReport report(DrillReport.Outcome outcome, Optional<DrillReport.Failure> failure) {
        return new DrillReport(DrillReport.FORMAT_VERSION, outcome, mode, source, archive, scratchDatabase, startedAt,
                clock.instant(), backupTakenAt, phases, tablesCompared, rowsCompared, sequencesCompared, sourceBytes,
                archiveBytes, mismatches, notCovered, notes, commands, failure);
    }
}
