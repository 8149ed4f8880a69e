package dev.dbops.trace.seed;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates, timestamps (with and without time zone), times of day and intervals, drawn as whole days
 * or seconds. Random values fall between 2015 and 2025 unless a CHECK or a partition bound says
 * otherwise, so that a seeded database looks the same whenever it is seeded; timestamps with time
 * zone are written in UTC ({@code +00}).
 */
final class TimeValues implements UnitValues {

    /** The kinds of temporal column. */
    enum Kind {
        DATE, TIMESTAMP, TIMESTAMPTZ, TIME, TIMETZ, INTERVAL
    }

    private static final long DAY = 86_400;
    private static final long FIRST_DAY = LocalDate.of(1, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();
    private static final long WINDOW_START = LocalDate.of(2015, 1, 1).toEpochDay();
    private static final long WINDOW_END = LocalDate.of(2025, 12, 31).toEpochDay();
    private static final Pattern TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(\\.\\d+)?)?)?\\s*(?:([+-])(\\d{2})(?::?(\\d{2}))?)?");

    private final Kind kind;
    private final LongRange range;

    private TimeValues(Kind kind, LongRange range) {
        this.kind = kind;
        this.range = range;
    }

    /** A column of this kind under these rules; throws {@link IllegalArgumentException} for an unreadable bound. */
    static TimeValues of(Kind kind, ColumnRules rules) {
        LongRange range = switch (kind) {
            case DATE -> LongRange.of(rules, FIRST_DAY, LAST_DAY, WINDOW_START, WINDOW_END, TimeValues::days);
            case TIMESTAMP, TIMESTAMPTZ -> LongRange.of(rules, FIRST_DAY * DAY, LAST_DAY * DAY + DAY - 1,
                    WINDOW_START * DAY, WINDOW_END * DAY + DAY - 1, literal -> seconds(literal, kind == Kind.TIMESTAMPTZ));
            case TIME, TIMETZ -> LongRange.of(rules, 0, DAY - 1, 0, DAY - 1, TimeValues::secondOfDay);
            case INTERVAL -> LongRange.of(rules, 0, Long.MAX_VALUE / 2, 0, 30 * DAY, literal -> {
                throw new IllegalArgumentException("interval bounds are not read: " + literal);
            });
        };
        return new TimeValues(kind, range);
    }

    boolean empty() {
        return range.empty();
    }

    @Override
    public long cardinality() {
        return range.cardinality();
    }

    @Override
    public void random(SplittableRandom random, CopyBuffer out) {
        write(range.random(random), out);
    }

    @Override
    public void nth(long n, CopyBuffer out) {
        write(range.nth(n), out);
    }

    @Override
    public ValueGenerator above(String existingMax) {
        return switch (kind) {
            case DATE -> new TimeValues(kind, range.above(days(existingMax).longValue()));
            case TIMESTAMP, TIMESTAMPTZ -> new TimeValues(kind,
                    range.above(seconds(existingMax, kind == Kind.TIMESTAMPTZ).setScale(0, java.math.RoundingMode.FLOOR)
                            .longValue()));
            default -> this;
        };
    }

    @Override
    public boolean ordered() {
        return kind == Kind.DATE || kind == Kind.TIMESTAMP || kind == Kind.TIMESTAMPTZ;
    }

    @Override
    public String unit() {
        return kind.name();
    }

    @Override
    public long randomUnits(SplittableRandom random) {
        return range.random(random);
    }

    @Override
    public boolean allows(long units) {
        return range.contains(units);
    }

    @Override
    public void writeUnits(long units, CopyBuffer out) {
        write(units, out);
    }

    /** Writes a value of this kind from its number of days or seconds. */
    void write(long units, CopyBuffer out) {
        switch (kind) {
            case DATE -> date(units, out);
            case TIMESTAMP, TIMESTAMPTZ -> {
                date(Math.floorDiv(units, DAY), out);
                out.ascii(' ');
                time(Math.floorMod(units, DAY), out);
                if (kind == Kind.TIMESTAMPTZ) {
                    out.ascii("+00");
                }
            }
            case TIME, TIMETZ -> {
                time(units, out);
                if (kind == Kind.TIMETZ) {
                    out.ascii("+00");
                }
            }
            case INTERVAL -> out.decimal(units).ascii(" seconds");
        }
    }

    /** {@code yyyy-mm-dd} from days since 1970-01-01, by the civil-from-days algorithm. */
    static void date(long epochDay, CopyBuffer out) {
        long z = epochDay + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long shiftedMonth = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        long month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        out.padded(year, 4).ascii('-').padded(month, 2).ascii('-').padded(day, 2);
    }

    private static void time(long secondOfDay, CopyBuffer out) {
        out.padded(secondOfDay / 3600, 2).ascii(':').padded(secondOfDay / 60 % 60, 2).ascii(':')
                .padded(secondOfDay % 60, 2);
    }

    static BigDecimal days(String literal) {
        Matcher m = TIMESTAMP.matcher(literal.trim());
        if (!m.matches() || m.group(4) != null) {
            throw new IllegalArgumentException("not a date: " + literal);
        }
        return BigDecimal.valueOf(LocalDate.of(num(m, 1), num(m, 2), num(m, 3)).toEpochDay());
    }

    /** Seconds since 1970-01-01 00:00 (UTC for a timestamp with time zone), fractions kept. */
    static BigDecimal seconds(String literal, boolean withZone) {
        Matcher m = TIMESTAMP.matcher(literal.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a timestamp: " + literal);
        }
        long day = LocalDate.of(num(m, 1), num(m, 2), num(m, 3)).toEpochDay();
        long second = m.group(4) == null ? 0 : num(m, 4) * 3600L + num(m, 5) * 60L + (m.group(6) == null ? 0 : num(m, 6));
        if (m.group(8) != null) {
            if (!withZone) {
                throw new IllegalArgumentException("a time zone in a timestamp without time zone: " + literal);
            }
            long offset = num(m, 9) * 3600L + (m.group(10) == null ? 0 : num(m, 10) * 60L);
            second -= "+".equals(m.group(8)) ? offset : -offset;
        }
        BigDecimal fraction = m.group(7) == null ? BigDecimal.ZERO : new BigDecimal("0" + m.group(7));
        return BigDecimal.valueOf(day * DAY + second).add(fraction);
    }

    private static BigDecimal secondOfDay(String literal) {
        LocalTime time = LocalTime.parse(literal.trim());
        return BigDecimal.valueOf(time.toSecondOfDay()).add(BigDecimal.valueOf(time.getNano(), 9));
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
