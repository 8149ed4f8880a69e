package dev.dbops.trace.seed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The values a column may take in a type that maps onto whole numbers of some unit (integers,
 * numerics in units of their scale, days, seconds): an inclusive range from the type and the CHECK
 * bounds, minus excluded values; with a preferred window that random values are drawn from, so
 * that an {@code integer} column holds realistic numbers rather than values near two billion.
 */
final class LongRange {

    private final long lo;
    private final long hi;
    private final long windowLo;
    private final long windowHi;
    private final long start;
    private final long[] excluded;

    private LongRange(long lo, long hi, long windowLo, long windowHi, long start, long[] excluded) {
        this.lo = lo;
        this.hi = hi;
        this.windowLo = windowLo;
        this.windowHi = windowHi;
        this.start = start;
        this.excluded = excluded;
    }

    /**
     * The range of a column.
     *
     * @param typeLo the least value of the type, in units
     * @param typeHi the greatest value of the type, in units
     * @param preferredLo the start of the window random values prefer, and of the injective sequence
     * @param preferredHi the end of that window
     * @param units reads a literal of the column's type as a number of units (fractions allowed)
     * @throws IllegalArgumentException when a literal cannot be read in this type
     */
    static LongRange of(ColumnRules rules, long typeLo, long typeHi, long preferredLo, long preferredHi,
            Function<String, BigDecimal> units) {
        long lo = typeLo;
        long hi = typeHi;
        for (ColumnRules.Bound bound : rules.lower()) {
            BigDecimal value = units.apply(bound.literal());
            BigDecimal ceiling = value.setScale(0, RoundingMode.CEILING);
            BigDecimal least = bound.inclusive() || ceiling.compareTo(value) != 0 ? ceiling : ceiling.add(BigDecimal.ONE);
            lo = Math.max(lo, clamp(least, typeLo, typeHi));
            if (least.compareTo(BigDecimal.valueOf(typeHi)) > 0) {
                hi = Long.MIN_VALUE;
            }
        }
        for (ColumnRules.Bound bound : rules.upper()) {
            BigDecimal value = units.apply(bound.literal());
            BigDecimal floor = value.setScale(0, RoundingMode.FLOOR);
            BigDecimal greatest = bound.inclusive() || floor.compareTo(value) != 0 ? floor : floor.subtract(BigDecimal.ONE);
            hi = Math.min(hi, clamp(greatest, typeLo, typeHi));
            if (greatest.compareTo(BigDecimal.valueOf(typeLo)) < 0) {
                lo = Long.MAX_VALUE;
            }
        }
        long[] excluded = rules.excluded().stream().map(units)
                .filter(v -> v.stripTrailingZeros().scale() <= 0)
                .mapToLong(v -> clamp(v, typeLo, typeHi)).distinct().sorted().toArray();
        long width = preferredHi - preferredLo;
        long windowLo;
        long windowHi;
        if (preferredHi < lo) {
            windowLo = lo;
            windowHi = hi - lo > width ? lo + width : hi;
        } else if (preferredLo > hi) {
            windowHi = hi;
            windowLo = hi - lo > width ? hi - width : lo;
        } else {
            windowLo = Math.max(lo, preferredLo);
            windowHi = Math.min(hi, preferredHi);
        }
        // A CHECK's lower bound starts the sequence (so a small range keeps all its values); otherwise
        // the preferred start does (1 for integers, rather than -2147483648).
        long start = lo > typeLo ? lo : Math.min(Math.max(preferredLo, lo), hi);
        return new LongRange(lo, hi, windowLo, windowHi, start, excluded);
    }

    private static long clamp(BigDecimal value, long lo, long hi) {
        if (value.compareTo(BigDecimal.valueOf(lo)) < 0) {
            return lo;
        }
        if (value.compareTo(BigDecimal.valueOf(hi)) > 0) {
            return hi;
        }
        return value.longValueExact();
    }

    /** Whether no value at all satisfies the rules. */
    boolean empty() {
        return lo > hi || cardinality() == 0;
    }

    /** How many distinct values {@link #nth} gives, from the sequence's start to the upper end. */
    long cardinality() {
        if (lo > hi || start > hi) {
            return 0;
        }
        long span = hi - start;
        if (span < 0 || span == Long.MAX_VALUE) {
            return ValueGenerator.UNBOUNDED;
        }
        long count = span + 1;
        for (long value : excluded) {
            if (value >= start && value <= hi) {
                count--;
            }
        }
        return count;
    }

    /** A random allowed value from the preferred window. */
    long random(SplittableRandom random) {
        for (int attempt = 0; attempt < 64; attempt++) {
            long value = windowLo == windowHi ? windowLo : windowLo + random.nextLong(windowHi - windowLo + 1);
            if (excluded.length == 0 || Arrays.binarySearch(excluded, value) < 0) {
                return value;
            }
        }
        return nth(random.nextLong(Math.max(1, Math.min(cardinality(), 1 << 20))));
    }

    /** Whether the value lies in the range and is not excluded. */
    boolean contains(long value) {
        return value >= lo && value <= hi && (excluded.length == 0 || Arrays.binarySearch(excluded, value) < 0);
    }

    /** The {@code n}-th allowed value counting up from the sequence's start. */
    long nth(long n) {
        long value = start + n;
        for (long skip : excluded) {
            if (skip >= start && skip <= value) {
                value++;
            }
        }
        return value;
    }

    /** This range with its injective sequence starting above {@code value}. */
    LongRange above(long value) {
        if (value >= hi) {
            return new LongRange(lo, hi, windowLo, windowHi, hi, new long[] {hi});
        }
        return new LongRange(lo, hi, windowLo, windowHi, Math.max(start, value + 1), excluded);
    }
}
