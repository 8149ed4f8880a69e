package dev.dbops.pool;

import java.time.Duration;
import java.util.Locale;

/** Conversions between {@link Duration} and seconds as {@code double}, and short human-readable times. */
final class Durations {

    private Durations() {
    }

    /** The duration in seconds, with nanosecond precision. */
    static double seconds(Duration duration) {
        return duration.getSeconds() + duration.getNano() / 1e9;
    }

    /** A duration of this many seconds, rounded to the nearest nanosecond; negative values become zero. */
    static Duration ofSeconds(double seconds) {
        if (!(seconds > 0)) {
            return Duration.ZERO;
        }
        if (seconds >= Long.MAX_VALUE / 1e9) {
            return Duration.ofSeconds(Long.MAX_VALUE / 1_000_000_000L);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** Rounds up to a whole multiple of {@code unit}. */
    static Duration ceil(Duration duration, Duration unit) {
        long units = (duration.toNanos() + unit.toNanos() - 1) / unit.toNanos();
        return unit.multipliedBy(units);
    }

    /** Rounds down to three significant digits, so that {@link #text} never shows more than the value. */
    static Duration floorSignificant(Duration duration) {
        long nanos = duration.toNanos();
        if (nanos < 1000) {
            return duration;
        }
        long scale = 1;
        while (nanos / scale >= 1000) {
            scale *= 10;
        }
        return Duration.ofNanos(nanos / scale * scale);
    }

    /** "0 ms", "250 µs", "3.4 ms", "20 ms", "1.5 s", "2 min", "1 h 30 min". */
    static String text(Duration duration) {
        if (duration.isNegative()) {
            return "-" + text(duration.negated());
        }
        double s = seconds(duration);
        if (s == 0) {
            return "0 ms";
        }
        if (s < 0.001) {
            return trim(s * 1e6) + " µs";
        }
        if (s < 1) {
            return trim(s * 1e3) + " ms";
        }
        if (s < 60 || duration.toMillis() % 60_000 != 0) {
            return s < 600 ? trim(s) + " s" : Math.round(s) + " s";
        }
        long minutes = duration.toMinutes();
        if (minutes < 60 || minutes % 60 != 0 && minutes < 600) {
            return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min" : minutes + " min";
        }
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    /** Three significant digits at most, without trailing zeros: 20, 3.4, 0.125 → "0.125", 12.34 → "12.3". */
    static String trim(double value) {
        String text;
        if (value >= 100) {
            text = String.format(Locale.ROOT, "%.0f", value);
        } else if (value >= 10) {
            text = String.format(Locale.ROOT, "%.1f", value);
        } else if (value >= 1) {
            text = String.format(Locale.ROOT, "%.2f", value);
        } else {
            text = String.format(Locale.ROOT, "%.3f", value);
        }
        if (text.contains(".")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }
}
