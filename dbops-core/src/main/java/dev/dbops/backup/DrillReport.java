package dev.dbops.backup;

import dev.dbops.ErrorCode;
import dev.dbops.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a backup drill: whether the backup restores and equals its source, how long each
 * phase took (the restore phases add up to the measured {@link #rto()}), how old the backup is (the
 * {@link #rpo()} once verified), every mismatch found, and what the drill did not cover.
 *
 * <p>A mismatch or a backup that fails to restore is a finding ({@link Outcome#MISMATCH}); a drill
 * that could not run to its end is {@link Outcome#FAILED}, with the {@link #failure()}. The JSON
 * form ({@link #toJson()}) is documented in {@code docs/backup-verification.md}.
 *
 * @param formatVersion the version of the JSON form; always {@link #FORMAT_VERSION}
 * @param outcome verified, mismatch, or failed
 * @param mode a full drill or the verification of an existing archive
 * @param source the source database, masked (no password)
 * @param archive the archive restored, when it was kept or given
 * @param scratchDatabase the database restored into (dropped at the end)
 * @param startedAt when the drill started
 * @param finishedAt when the drill ended
 * @param backupTakenAt when the backup's snapshot was taken, when known
 * @param phases the timed phases, in the order they ran
 * @param tablesCompared the number of tables whose count and content hash were compared
 * @param rowsCompared the number of source rows in those tables
 * @param sequencesCompared the number of sequences compared
 * @param sourceBytes the size of the source database ({@code pg_database_size}); 0 when not read
 * @param archiveBytes the size of the archive on disk
 * @param mismatches every difference found
 * @param notCovered what the drill did not verify, each in one sentence
 * @param notes what else happened that a reader should know (leftovers removed, approximations)
 * @param commands the client program command lines run (never with a password)
 * @param failure why the drill could not finish, when {@link Outcome#FAILED}
 */
public record DrillReport(
        int formatVersion,
        Outcome outcome,
        Mode mode,
        String source,
        Optional<String> archive,
        Optional<String> scratchDatabase,
        Instant startedAt,
        Instant finishedAt,
        Optional<Instant> backupTakenAt,
        List<PhaseTiming> phases,
        int tablesCompared,
        long rowsCompared,
        int sequencesCompared,
        long sourceBytes,
        long archiveBytes,
        List<Mismatch> mismatches,
        List<String> notCovered,
        List<String> notes,
        List<String> commands,
        Optional<Failure> failure) {

    /** The version of the JSON form this build writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** Checks every part and copies the lists. */
    public DrillReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(archive, "archive");
        Objects.requireNonNull(scratchDatabase, "scratchDatabase");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
        Objects.requireNonNull(backupTakenAt, "backupTakenAt");
        phases = List.copyOf(phases);
        mismatches = List.copyOf(mismatches);
        notCovered = List.copyOf(notCovered);
        notes = List.copyOf(notes);
        commands = List.copyOf(commands);
        Objects.requireNonNull(failure, "failure");
        if ((outcome == Outcome.FAILED) != failure.isPresent()) {
            throw new IllegalArgumentException("a failure is given exactly when the outcome is FAILED");
        }
    }

    /** The measured recovery time: the wall time of the restore phases (scratch database, pre-data, data, post-data). */
    public Duration rto() {
        return phases.stream().filter(p -> p.phase().partOfRestore()).map(PhaseTiming::elapsed)
                .reduce(Duration.ZERO, Duration::plus);
    }

    /** The wall time of one phase, when it ran. */
    public Optional<Duration> elapsed(DrillPhase phase) {
        return phases.stream().filter(p -> p.phase() == phase).map(PhaseTiming::elapsed).findFirst();
    }

    /** The whole drill's wall time. */
    public Duration total() {
        return Duration.between(startedAt, finishedAt);
    }

    /** How old the backup was when the drill ended, when its time is known. */
    public Optional<Duration> backupAge() {
        return backupTakenAt.map(taken -> Duration.between(taken, finishedAt));
    }

    /**
     * The recovery point this drill proves: the age of the backup, present only when it was verified
     * (a backup that does not restore or differs from its source proves no recovery point).
     */
    public Optional<Duration> rpo() {
        return outcome == Outcome.VERIFIED ? backupAge() : Optional.empty();
    }

    /** The report as pretty-printed JSON with a trailing newline. */
    public String toJson() {
        return Json.writePretty(DrillReportCodec.encode(this));
    }

    /** The report as one line of JSON, as drill history files hold it. */
    public String toJsonLine() {
        return Json.write(DrillReportCodec.encode(this));
    }

    /**
     * Reads a report from its JSON form.
     *
     * @throws dev.dbops.DbopsException with {@link ErrorCode#INVALID_FINGERPRINT} when the text is not a
     *     drill report of this format version
     */
    public static DrillReport fromJson(String json, String label) {
        return DrillReportCodec.decode(json, label);
    }

    /** The report for people, as {@code dbops verify-backup} prints it. */
    public String toText() {
        return DrillReportText.render(this);
    }

    /** How a drill ended; each maps to the CLI's exit code. */
    public enum Outcome {
        /** The backup restored and the copy equals the source: exit code 0. */
        VERIFIED(0),
        /** The backup did not restore, or the copy differs from the source: exit code 1. */
        MISMATCH(1),
        /** The drill could not run to its end; nothing was proven: exit code 2. */
        FAILED(2);

        private final int exitCode;

        Outcome(int exitCode) {
            this.exitCode = exitCode;
        }

        /** The exit code of {@code dbops verify-backup} for this outcome. */
        public int exitCode() {
            return exitCode;
        }
    }

    /** What a drill did. */
    public enum Mode {
        /** Dump the live source, restore, compare with the fingerprint taken in the dump's snapshot. */
        DRILL,
        /** Restore an existing archive and compare with its saved fingerprint, or the live source. */
        ARCHIVE,
        /** Start a physical base backup as a scratch cluster and compare it with the live source. */
        PHYSICAL
    }

    /**
     * Why a drill could not finish.
     *
     * @param code the stable error code
     * @param phase the phase that failed, when it failed in one
     * @param message what failed, what was observed, and how to fix it
     */
    public record Failure(ErrorCode code, Optional<DrillPhase> phase, String message) {

        /** Checks that every part is present. */
        public Failure {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(message, "message");
        }
    }
}
