package dev.dbops.audit;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and writes threshold values as text, with PostgreSQL's units for sizes and times. */
final class ThresholdText {

    private static final Pattern NUMBER_AND_UNIT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z%]*)");
    private static final Map<String, Long> BYTE_UNITS = Map.of("b", 1L, "kb", 1L << 10, "mb", 1L << 20,
            "gb", 1L << 30, "tb", 1L << 40);
    private static final Map<String, Long> NANOS_PER_UNIT = Map.of("us", 1_000L, "ms", 1_000_000L,
            "s", 1_000_000_000L, "min", 60_000_000_000L, "h", 3_600_000_000_000L, "d", 86_400_000_000_000L);

    private ThresholdText() {
    }

    /** Parses a value of a kind; the exception's message says what is accepted. */
    static Object parse(AuditThreshold.Kind kind, String text) {
        return switch (kind) {
            case COUNT -> count(text);
            case BYTES -> bytes(text);
            case RATIO -> ratio(text);
            case FACTOR -> decimal(text, "a number such as 1.5");
            case DURATION -> duration(text);
        };
    }

    /** Writes a value the way {@link #parse} reads it back, in the largest unit that keeps it exact. */
    static String format(AuditThreshold.Kind kind, Object value) {
        return switch (kind) {
            case COUNT, RATIO, FACTOR -> String.valueOf(value);
            case BYTES -> largestUnit((Long) value, new String[] {"TB", "GB", "MB", "kB"},
                    new long[] {1L << 40, 1L << 30, 1L << 20, 1L << 10}, "B");
            case DURATION -> largestUnit(((Duration) value).toNanos(), new String[] {"d", "h", "min", "s", "ms"},
                    new long[] {86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L},
                    null);
        };
    }

    private static String largestUnit(long amount, String[] units, long[] sizes, String smallest) {
        for (int i = 0; i < units.length; i++) {
            if (amount != 0 && amount % sizes[i] == 0) {
                return amount / sizes[i] + units[i];
            }
        }
        return smallest == null ? amount / 1_000_000.0 + "ms" : amount + smallest;
    }

    private static long count(String text) {
        if (!text.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("expected a whole number such as 100");
        }
        return Long.parseLong(text);
    }

    private static long bytes(String text) {
        Matcher matcher = NUMBER_AND_UNIT.matcher(text);
        String unit = matcher.matches() ? matcher.group(2).toLowerCase(Locale.ROOT) : "?";
        Long multiplier = unit.isEmpty() ? Long.valueOf(1L) : BYTE_UNITS.get(unit);
        if (multiplier == null) {
            throw new IllegalArgumentException("expected a size such as 512kB, 10MB, 1GB, 2TB or 100B");
        }
        return exact(new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(multiplier)));
    }

    private static double ratio(String text) {
        if (text.endsWith("%")) {
            return decimal(text.substring(0, text.length() - 1).strip(), "a share such as 0.9 or 90%") / 100;
        }
        return decimal(text, "a share such as 0.9 or 90%");
    }

    private static double decimal(String text, String expected) {
        if (!text.matches("\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("expected " + expected);
        }
        return Double.parseDouble(text);
    }

    private static Duration duration(String text) {
        if (text.startsWith("P") || text.startsWith("p")) {
            try {
                return Duration.parse(text);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration such as PT30S");
            }
        }
        Matcher matcher = NUMBER_AND_UNIT.matcher(text);
        Long nanos = matcher.matches() ? NANOS_PER_UNIT.get(matcher.group(2).toLowerCase(Locale.ROOT)) : null;
        if (nanos == null) {
            throw new IllegalArgumentException("expected a time with a unit such as 500ms, 30s, 5min, 2h or 1d");
        }
        return Duration.ofNanos(exact(new BigDecimal(matcher.group(1)).multiply(BigDecimal.valueOf(nanos))));
    }

    private static long exact(BigDecimal value) {
        try {
            return value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("too large");
        }
    }
}
