package dev.dbops.trace.seed;

import java.util.SplittableRandom;

/**
 * A generator whose values are whole numbers of a unit (numbers in units of their scale, days,
 * seconds), so two columns of the same unit can be drawn in order for {@code CHECK (a < b)}.
 */
interface UnitValues extends ValueGenerator {

    /** Names the unit; two generators with equal units compare their numbers meaningfully. */
    String unit();

    /** A random allowed value, in units. */
    long randomUnits(SplittableRandom random);

    /** Whether the value (in units) is allowed. */
    boolean allows(long units);

    /** Writes a value given in units. */
    void writeUnits(long units, CopyBuffer out);
}
