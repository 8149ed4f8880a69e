package dev.dbops.trace.seed;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One or more adjacent columns of a COPY row that are filled together: a column's own values, a
 * foreign key's parent tuple, the partition key, or NULLs. A slot writes random values unless a
 * unique key needs it to write its injective sequence (alone, or as one digit of a combined key).
 */
abstract class Slot {

    /** How a slot chooses its values. */
    enum Mode {
        /** Random values (and NULLs, for nullable columns, one time in ten). */
        RANDOM,
        /** The {@code r}-th value of the injective sequence in row {@code r}. */
        SEQUENCE,
        /** One digit of a combined key: distinct rows get distinct combinations. */
        COMPOSITE
    }

    private final List<String> columns;
    private Mode mode = Mode.RANDOM;

    Slot(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    List<String> columns() {
        return columns;
    }

    Mode mode() {
        return mode;
    }

    void mode(Mode mode) {
        this.mode = mode;
    }

    /** How many distinct values {@link #nth} gives; 0 when the slot cannot take part in a unique key. */
    abstract long cardinality();

    abstract void random(SplittableRandom random, CopyBuffer out);

    abstract void nth(long n, CopyBuffer out);

    /**
     * Writes the slot's columns for one row.
     *
     * @param row the row's number in this COPY
     * @param index the value's index in the injective sequence when the mode is not {@link Mode#RANDOM}
     */
    void write(long row, long index, SplittableRandom random, CopyBuffer out) {
        if (mode == Mode.RANDOM) {
            random(random, out);
        } else {
            nth(index, out);
        }
    }

    /** Writes NULL into every column of the slot. */
    final void nulls(CopyBuffer out) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.tab();
            }
            out.nul();
        }
    }

    /** A column of its own values; nullable columns get a NULL one time in ten in random mode. */
    static final class Values extends Slot {

        private ValueGenerator generator;
        private final boolean nullable;

        Values(String column, ValueGenerator generator, boolean nullable) {
            super(List.of(column));
            this.generator = generator;
            this.nullable = nullable;
        }

        ValueGenerator generator() {
            return generator;
        }

        /** Moves the injective sequence above the column's current maximum. */
        void above(String existingMax) {
            generator = generator.above(existingMax);
        }

        @Override
        long cardinality() {
            return generator.cardinality();
        }

        @Override
        void random(SplittableRandom random, CopyBuffer out) {
            if (nullable && random.nextInt(10) == 0) {
                out.nul();
            } else {
                generator.random(random, out);
            }
        }

        @Override
        void nth(long n, CopyBuffer out) {
            generator.nth(n, out);
        }
    }

    /** Columns that are always NULL. */
    static final class Nulls extends Slot {

        Nulls(List<String> columns) {
            super(columns);
        }

        @Override
        long cardinality() {
            return 0;
        }

        @Override
        void random(SplittableRandom random, CopyBuffer out) {
            nulls(out);
        }

        @Override
        void nth(long n, CopyBuffer out) {
            nulls(out);
        }
    }
}
