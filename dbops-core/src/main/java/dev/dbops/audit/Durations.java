package dev.dbops.audit;

import java.time.Duration;

/** Durations in words for messages: {@code 45s}, {@code 12min 5s}, {@code 3h 2min}, {@code 2d 4h}. */
final class Durations {

    private Durations() {
    }

    static String words(Duration duration) {
        long seconds = Math.max(0, duration.getSeconds());
        if (seconds < 60) {
            return duration.toMillis() < 10_000 ? String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0)
                    : seconds + "s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + "min " + seconds % 60 + "s";
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + "h " + seconds % 3_600 / 60 + "min";
        }
        return seconds / 86_400 + "d " + seconds % 86_400 / 3_600 + "h";
    }

    /** Seconds as a duration, for values read from SQL as {@code extract(epoch …)}. */
    static Duration ofSeconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
