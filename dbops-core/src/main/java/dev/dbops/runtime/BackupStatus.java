package dev.dbops.runtime;

import dev.dbops.DbopsException;
import dev.dbops.backup.DrillHistory;
import dev.dbops.backup.DrillReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What is known about the application's backups: the drills of the history file ({@code dbops.backup.history}) and
 * those this application ran, the newest of each, and the age of the newest verified backup now.
 */
public final class BackupStatus {

    private final Optional<Path> history;
    private final Duration maxAge;
    private final Clock clock;
    private final List<DrillReport> ranHere = new CopyOnWriteArrayList<>();
    private volatile Cached cached;

    /**
     * Creates the status.
     *
     * @param history the drill history file, when configured
     * @param maxAge the oldest the newest verified backup may be
     * @param clock the clock ages are measured with
     */
    public BackupStatus(Optional<Path> history, Duration maxAge, Clock clock) {
        this.history = Objects.requireNonNull(history, "history");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Records a drill this application ran (the drill runner appends it to the history file, when configured). */
    public void record(DrillReport report) {
        ranHere.add(Objects.requireNonNull(report, "report"));
    }

    /** The oldest the newest verified backup may be ({@code dbops.backup.max-age}). */
    public Duration maxAge() {
        return maxAge;
    }

    /** Reads the history file (if any; again only when it changed) and combines it with the drills run here. */
    public State read() {
        List<DrillReport> reports = new ArrayList<>(ranHere);
        Optional<String> problem = Optional.empty();
        if (history.isPresent()) {
            if (Files.exists(history.get())) {
                try {
                    reports.addAll(readHistory(history.get()));
                } catch (DbopsException | IOException e) {
                    problem = Optional.of(e.getMessage());
                }
            } else if (ranHere.isEmpty()) {
                problem = Optional.of("the drill history " + history.get() + " does not exist yet: no drill has been"
                        + " recorded there");
            }
        }
        Optional<DrillReport> last = reports.stream().max(Comparator.comparing(DrillReport::finishedAt));
        Optional<DrillReport> verified = reports.stream().filter(r -> r.outcome() == DrillReport.Outcome.VERIFIED)
                .filter(r -> r.backupTakenAt().isPresent()).max(Comparator.comparing(r -> r.backupTakenAt().get()));
        Optional<Duration> age = verified.map(r -> Duration.between(r.backupTakenAt().get(), clock.instant()));
        return new State(last, verified, age, problem);
    }

    private List<DrillReport> readHistory(Path file) throws IOException {
        FileTime modified = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        Cached current = cached;
        if (current != null && current.modified().equals(modified) && current.size() == size) {
            return current.reports();
        }
        List<DrillReport> reports = DrillHistory.read(file);
        cached = new Cached(modified, size, reports);
        return reports;
    }

    private record Cached(FileTime modified, long size, List<DrillReport> reports) {
    }

    /**
     * What is known now.
     *
     * @param lastDrill the drill that ended last, whatever its outcome
     * @param newestVerified the drill that verified the newest backup
     * @param backupAge the age of that backup now: the recovery point if the database were lost now
     * @param problem why the history could not be read, when it could not
     */
    public record State(Optional<DrillReport> lastDrill, Optional<DrillReport> newestVerified,
            Optional<Duration> backupAge, Optional<String> problem) {

        /** Checks that nothing is null. */
        public State {
            Objects.requireNonNull(lastDrill, "lastDrill");
            Objects.requireNonNull(newestVerified, "newestVerified");
            Objects.requireNonNull(backupAge, "backupAge");
            Objects.requireNonNull(problem, "problem");
        }

        /** Whether the backup health is down: the last drill did not verify, or the newest verified one is too old. */
        public boolean isDown(Duration maxAge) {
            return lastDrill.isPresent() && (lastDrill.get().outcome() != DrillReport.Outcome.VERIFIED
                    || backupAge.map(age -> age.compareTo(maxAge) > 0).orElse(true));
        }
    }
}
