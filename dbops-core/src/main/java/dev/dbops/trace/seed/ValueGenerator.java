package dev.dbops.trace.seed;

import java.util.SplittableRandom;

/**
 * Produces the values of one column in COPY text: random ones, and for unique keys an injective
 * sequence of distinct ones ({@link #nth}).
 */
interface ValueGenerator {

    /** Stands for "more distinct values than any seeding can ask for". */
    long UNBOUNDED = Long.MAX_VALUE;

    /** How many distinct values {@link #nth} produces; {@link #UNBOUNDED} when it is effectively unlimited. */
    long cardinality();

    /** Writes a random value. */
    void random(SplittableRandom random, CopyBuffer out);

    /**
     * Writes the {@code n}-th value of this generator's injective sequence: different {@code n} in
     * {@code [0, cardinality())} give different values (and, for range types, non-overlapping ones).
     */
    void nth(long n, CopyBuffer out);

    /**
     * This generator with its injective sequence moved above a value that a table already holds, so
     * that new unique values do not collide with existing ones; generators whose values cannot be
     * ordered that way return themselves.
     *
     * @param existingMax the column's current maximum, as the server prints it
     */
    default ValueGenerator above(String existingMax) {
        return this;
    }

    /** Whether {@link #above} means something for this generator, so reading the maximum is worth a query. */
    default boolean ordered() {
        return false;
    }
}
