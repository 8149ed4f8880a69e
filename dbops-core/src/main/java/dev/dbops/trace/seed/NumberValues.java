package dev.dbops.trace.seed;

import java.math.BigDecimal;
import java.util.SplittableRandom;

/**
 * Integers, numerics, floating-point numbers and money, all drawn as whole numbers of units of
 * {@code 10^-scale} and printed with that many decimals: {@code smallint}, {@code integer} and
 * {@code bigint} have scale 0, {@code numeric(p,s)} scale {@code s} and at most {@code p - s}
 * integer digits, {@code real} and {@code double precision} scale 3, {@code money} scale 2.
 */
final class NumberValues implements UnitValues {

    private final LongRange range;
    private final int scale;
    private final long unit;

    private NumberValues(LongRange range, int scale) {
        this.range = range;
        this.scale = scale;
        this.unit = BigDecimal.ONE.scaleByPowerOfTen(scale).longValueExact();
    }

    /** An integer column of the given bounds (e.g. {@code Integer.MIN_VALUE..Integer.MAX_VALUE}). */
    static NumberValues integer(ColumnRules rules, long typeLo, long typeHi) {
        return of(rules, typeLo, typeHi, 0, 1, 1_000_000);
    }

    /**
     * A fixed-point column.
     *
     * @param integerDigits how many digits may stand before the point (capped so values fit in a long)
     */
    static NumberValues decimal(ColumnRules rules, int integerDigits, int scale) {
        int digits = Math.min(integerDigits + scale, 18);
        long limit = BigDecimal.ONE.scaleByPowerOfTen(digits).longValueExact() - 1;
        long unit = BigDecimal.ONE.scaleByPowerOfTen(scale).longValueExact();
        long preferredHi = Math.min(limit, 100_000 * unit);
        // Random values from 1 upwards (from 1 unit of 10^-scale when the type holds no whole number).
        return of(rules, -limit, limit, scale, unit <= limit ? unit : 1, preferredHi);
    }

    private static NumberValues of(ColumnRules rules, long typeLo, long typeHi, int scale, long preferredLo,
            long preferredHi) {
        LongRange range = LongRange.of(rules, typeLo, typeHi, preferredLo, preferredHi,
                literal -> new BigDecimal(literal.trim()).scaleByPowerOfTen(scale));
        return new NumberValues(range, scale);
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
        BigDecimal max = new BigDecimal(existingMax.trim().replace("$", "").replace(",", ""))
                .scaleByPowerOfTen(scale);
        BigDecimal floor = max.setScale(0, java.math.RoundingMode.FLOOR);
        if (floor.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) {
            return new NumberValues(range.above(Long.MAX_VALUE), scale);
        }
        return new NumberValues(range.above(floor.longValue()), scale);
    }

    @Override
    public boolean ordered() {
        return true;
    }

    @Override
    public String unit() {
        return "number/" + scale;
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

    private void write(long units, CopyBuffer out) {
        if (scale == 0) {
            out.decimal(units);
            return;
        }
        if (units < 0) {
            out.ascii('-');
            units = -units;
        }
        out.decimal(units / unit).ascii('.').padded(units % unit, scale);
    }
}
