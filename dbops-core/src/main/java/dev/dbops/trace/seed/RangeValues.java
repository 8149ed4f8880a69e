package dev.dbops.trace.seed;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The built-in range types, as half-open ranges {@code [a,b)}. The injective sequence gives ranges
 * that do not overlap ({@code [s+2n, s+2n+1)} in the subtype's unit), which is what an exclusion
 * constraint {@code WITH &&} needs.
 */
final class RangeValues implements ValueGenerator {

    /** The range types this class writes, with the unit of their bounds. */
    enum Kind {
        INT4RANGE, INT8RANGE, NUMRANGE, DATERANGE, TSRANGE, TSTZRANGE
    }

    private static final long DAY = 86_400;
    private static final long WINDOW_DAY = LocalDate.of(2015, 1, 1).toEpochDay();

    private final Kind kind;
    private final long start;
    private final long window;
    private final long step;
    private final long cardinality;

    RangeValues(Kind kind) {
        this.kind = kind;
        long end;
        switch (kind) {
            case INT4RANGE -> {
                start = 1;
                window = 1_000_000;
                step = 10;
                end = Integer.MAX_VALUE - 1;
            }
            case INT8RANGE, NUMRANGE -> {
                start = 1;
                window = 1_000_000;
                step = 10;
                end = Long.MAX_VALUE / 4;
            }
            case DATERANGE -> {
                start = WINDOW_DAY;
                window = 11 * 365;
                step = 7;
                end = LocalDate.of(9999, 12, 30).toEpochDay();
            }
            default -> {
                start = WINDOW_DAY * DAY;
                window = 11 * 365 * DAY;
                step = 3600;
                end = LocalDate.of(9999, 12, 30).toEpochDay() * DAY;
            }
        }
        this.cardinality = (end - start) / (2 * step);
    }

    @Override
    public long cardinality() {
        return cardinality;
    }

    @Override
    public void random(SplittableRandom random, CopyBuffer out) {
        long lower = start + random.nextLong(window);
        long length = 1 + random.nextLong(step * 10);
        write(lower, lower + length, out);
    }

    @Override
    public void nth(long n, CopyBuffer out) {
        long lower = start + 2 * step * n;
        write(lower, lower + step, out);
    }

    private void write(long lower, long upper, CopyBuffer out) {
        out.ascii('[');
        bound(lower, out);
        out.ascii(',');
        bound(upper, out);
        out.ascii(')');
    }

    private void bound(long units, CopyBuffer out) {
        switch (kind) {
            case INT4RANGE, INT8RANGE, NUMRANGE -> out.decimal(units);
            case DATERANGE -> TimeValues.date(units, out);
            case TSRANGE, TSTZRANGE -> {
                out.ascii('"');
                TimeValues.date(Math.floorDiv(units, DAY), out);
                long second = Math.floorMod(units, DAY);
                out.ascii(' ').padded(second / 3600, 2).ascii(':').padded(second / 60 % 60, 2).ascii(':')
                        .padded(second % 60, 2);
                out.ascii(kind == Kind.TSTZRANGE ? "+00\"" : "\"");
            }
        }
    }
}
