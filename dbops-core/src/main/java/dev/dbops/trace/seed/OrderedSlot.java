package dev.dbops.trace.seed;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Two columns of the same unit that a CHECK orders ({@code starts_at < ends_at}): each row draws both
 * and swaps them when they come out the wrong way round; a nullable column is NULL one time in ten
 * (which satisfies the check).
 */
final class OrderedSlot extends Slot {

    private final UnitValues lesser;
    private final UnitValues greater;
    private final boolean strict;
    private final boolean lesserNullable;
    private final boolean greaterNullable;

    OrderedSlot(List<String> columns, UnitValues lesser, UnitValues greater, boolean strict, boolean lesserNullable,
            boolean greaterNullable) {
        super(columns);
        this.lesser = lesser;
        this.greater = greater;
        this.strict = strict;
        this.lesserNullable = lesserNullable;
        this.greaterNullable = greaterNullable;
    }

    @Override
    long cardinality() {
        return 0;
    }

    @Override
    void random(SplittableRandom random, CopyBuffer out) {
        long low = lesser.randomUnits(random);
        long high = greater.randomUnits(random);
        for (int attempt = 0; attempt < 32 && !inOrder(low, high); attempt++) {
            if (lesser.allows(high) && greater.allows(low) && inOrder(high, low)) {
                long swap = low;
                low = high;
                high = swap;
            } else if (greater.allows(low + 1) && low < Long.MAX_VALUE) {
                high = low + (strict ? 1 : 0) + random.nextLong(1 + Math.abs(high - low) / 2);
                high = greater.allows(high) ? high : low + 1;
            } else {
                low = lesser.randomUnits(random);
                high = greater.randomUnits(random);
            }
        }
        if (lesserNullable && random.nextInt(10) == 0) {
            out.nul();
        } else {
            lesser.writeUnits(low, out);
        }
        out.tab();
        if (greaterNullable && random.nextInt(10) == 0) {
            out.nul();
        } else {
            greater.writeUnits(high, out);
        }
    }

    private boolean inOrder(long low, long high) {
        return strict ? low < high : low <= high;
    }

    @Override
    void nth(long n, CopyBuffer out) {
        throw new IllegalStateException("ordered columns are never a sequence of their own");
    }
}
