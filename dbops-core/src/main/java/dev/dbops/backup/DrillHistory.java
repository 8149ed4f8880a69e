package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A drill history file: one {@link DrillReport} per line as JSON (JSON Lines), oldest first, so that
 * the trend of the measured RTO and the age of the newest verified backup can be shown.
 */
public final class DrillHistory {

    private DrillHistory() {
    }

    /**
     * Appends a report as one line, creating the file when needed.
     *
     * @throws DbopsException with {@link ErrorCode#IO_FAILED} when the file cannot be written
     */
    public static void append(Path file, DrillReport report) {
        Objects.requireNonNull(report, "report");
        try {
            Files.writeString(file, report.toJsonLine() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "Cannot append to the drill history " + file + ": "
                    + e.getMessage() + " — check that its directory exists and is writable.", e);
        }
    }

    /**
     * Reads every report of a history file; blank lines are skipped.
     *
     * @throws DbopsException with {@link ErrorCode#IO_FAILED} when the file cannot be read, and
     *     {@link ErrorCode#INVALID_FINGERPRINT} naming the line that is not a drill report
     */
    public static List<DrillReport> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "The drill history " + file + " does not exist — run a"
                    + " drill with --history " + file + " to start it.", e);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "Cannot read the drill history " + file + ": "
                    + e.getMessage(), e);
        }
        List<DrillReport> reports = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                reports.add(DrillReport.fromJson(lines.get(i), "drill history " + file + " line " + (i + 1)));
            }
        }
        return reports;
    }

    /**
     * The trend as a table for people: one row per drill (outcome, RTO, restore data, restore post-data,
     * verification, whole drill, backup age), then the newest verified backup and its age at {@code now}
     * (the current recovery point), and the RTO of the latest verified drill against the median of all.
     */
    public static String trend(List<DrillReport> reports, Instant now) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-20s %-8s %-9s %10s %10s %10s %10s %10s%n", "started (UTC)", "mode",
                "outcome", "RTO", "data", "post-data", "verify", "total"));
        for (DrillReport report : reports) {
            Duration verify = report.elapsed(DrillPhase.FINGERPRINT_RESTORED).orElse(Duration.ZERO)
                    .plus(report.elapsed(DrillPhase.COMPARE_SCHEMA).orElse(Duration.ZERO));
            out.append(String.format(Locale.ROOT, "%-20s %-8s %-9s %10s %10s %10s %10s %10s%n",
                    report.startedAt().truncatedTo(ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", ""),
                    report.mode().name().toLowerCase(Locale.ROOT), report.outcome().name().toLowerCase(Locale.ROOT),
                    DrillReportText.duration(report.rto()), phase(report, DrillPhase.RESTORE_DATA),
                    phase(report, DrillPhase.RESTORE_POST_DATA), DrillReportText.duration(verify),
                    DrillReportText.duration(report.total())));
        }
        List<DrillReport> verified = reports.stream().filter(r -> r.outcome() == DrillReport.Outcome.VERIFIED).toList();
        Optional<Instant> newest = verified.stream().flatMap(r -> r.backupTakenAt().stream())
                .max(Comparator.naturalOrder());
        out.append('\n');
        if (newest.isEmpty()) {
            out.append("No verified backup in this history: no recovery point is proven.\n");
            return out.toString();
        }
        out.append("Newest verified backup: taken at ").append(newest.get()).append(", ")
                .append(DrillReportText.duration(Duration.between(newest.get(), now))).append(" ago (the RPO now).\n");
        List<Duration> rtos = verified.stream().map(DrillReport::rto).sorted().toList();
        Duration median = rtos.get(rtos.size() / 2);
        Duration latest = verified.get(verified.size() - 1).rto();
        out.append("RTO of the latest verified drill: ").append(DrillReportText.duration(latest)).append("; median of ")
                .append(rtos.size()).append(": ").append(DrillReportText.duration(median)).append(", min ")
                .append(DrillReportText.duration(rtos.get(0))).append(", max ")
                .append(DrillReportText.duration(rtos.get(rtos.size() - 1)));
        if (!median.isZero()) {
            out.append(String.format(Locale.ROOT, " (latest = %.2f × median)", (double) latest.toMillis()
                    / Math.max(1, median.toMillis())));
        }
        return out.append(".\n").toString();
    }

    private static String phase(DrillReport report, DrillPhase phase) {
        return report.elapsed(phase).map(DrillReportText::duration).orElse("-");
    }
}
