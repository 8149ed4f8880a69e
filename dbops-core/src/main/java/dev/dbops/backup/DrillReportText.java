package dev.dbops.backup;

import java.time.Duration;
import java.util.Locale;

/** Renders a {@link DrillReport} for people. */
final class DrillReportText {

    private DrillReportText() {
    }

    static String render(DrillReport report) {
        StringBuilder out = new StringBuilder();
        out.append(headline(report)).append('\n');
        out.append("  source:  ").append(report.source()).append('\n');
        report.archive().ifPresent(archive -> out.append("  archive: ").append(archive)
                .append(report.archiveBytes() > 0 ? " (" + bytes(report.archiveBytes()) + ")" : "").append('\n'));
        report.backupTakenAt().ifPresent(taken -> out.append("  backup taken at ").append(taken)
                .append(report.backupAge().map(age -> ", " + duration(age) + " ago").orElse("")).append('\n'));
        if (!report.phases().isEmpty()) {
            out.append("\nPhases (wall time):\n");
            for (PhaseTiming timing : report.phases()) {
                out.append(String.format(Locale.ROOT, "  %-28s %10s%s%n", timing.phase().label(),
                        duration(timing.elapsed()), timing.succeeded() ? "" : "  FAILED"));
            }
            out.append(String.format(Locale.ROOT, "  %-28s %10s%n", "RTO (restore phases)", duration(report.rto())));
            report.rpo().ifPresent(rpo -> out.append(String.format(Locale.ROOT, "  %-28s %10s%n",
                    "RPO (age of verified backup)", duration(rpo))));
            out.append(String.format(Locale.ROOT, "  %-28s %10s%n", "whole drill", duration(report.total())));
        }
        out.append('\n').append("Compared: ").append(report.tablesCompared()).append(" tables, ")
                .append(report.rowsCompared()).append(" rows, ").append(report.sequencesCompared())
                .append(" sequences, and the schema.\n");
        if (!report.mismatches().isEmpty()) {
            out.append("\nMismatches (").append(report.mismatches().size()).append("):\n");
            report.mismatches().forEach(m -> out.append("  - ").append(m.describe()).append('\n'));
        }
        report.failure().ifPresent(failure -> out.append("\nFailure").append(failure.phase()
                .map(p -> " in " + p.label()).orElse("")).append(" (").append(failure.code()).append("): ")
                .append(failure.message()).append('\n'));
        if (!report.notes().isEmpty()) {
            out.append("\nNotes:\n");
            report.notes().forEach(note -> out.append("  - ").append(note).append('\n'));
        }
        if (!report.notCovered().isEmpty()) {
            out.append("\nNot covered:\n");
            report.notCovered().forEach(item -> out.append("  - ").append(item).append('\n'));
        }
        return out.toString();
    }

    private static String headline(DrillReport report) {
        String what = switch (report.mode()) {
            case DRILL -> "Backup drill";
            case ARCHIVE -> "Archive verification";
            case PHYSICAL -> "Physical backup drill";
        };
        return switch (report.outcome()) {
            case VERIFIED -> what + ": VERIFIED — the backup restores and equals its source.";
            case MISMATCH -> what + ": MISMATCH — " + report.mismatches().size()
                    + " difference(s) between the restored copy and the source.";
            case FAILED -> what + ": FAILED — the drill could not finish; nothing was proven.";
        };
    }

    /** {@code 850 ms}, {@code 12.4 s}, {@code 3 min 05 s}, {@code 2 h 10 min}, {@code 3 d 4 h}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%d h %02d min", seconds / 3_600, seconds % 3_600 / 60);
        }
        return String.format(Locale.ROOT, "%d d %d h", seconds / 86_400, seconds % 86_400 / 3_600);
    }

    /** {@code 512 B}, {@code 1.5 MiB}, {@code 2.0 GiB}. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
