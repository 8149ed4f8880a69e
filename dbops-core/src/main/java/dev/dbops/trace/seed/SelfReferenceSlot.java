package dev.dbops.trace.seed;

import java.util.SplittableRandom;

/**
 * A foreign key column that references the table's own key column: it takes the key value of a
 * row written in the same COPY (foreign keys are checked at the end of the statement, so any row
 * will do). A NOT NULL reference picks a row up to and including its own, so the first row
 * references itself; a nullable one is NULL one time in ten.
 */
final class SelfReferenceSlot extends Slot {

    private final TableKeys.ForeignKey key;
    private final boolean nullable;
    private Slot.Values target;
    private long rows;

    SelfReferenceSlot(TableKeys.ForeignKey key, boolean nullable) {
        super(key.columns());
        this.key = key;
        this.nullable = nullable;
    }

    TableKeys.ForeignKey key() {
        return key;
    }

    boolean nullable() {
        return nullable;
    }

    /** References the values the target slot writes in its injective sequence, in rows {@code [0, rows)}. */
    void bind(Slot.Values target, long rows) {
        this.target = target;
        this.rows = rows;
    }

    @Override
    long cardinality() {
        return 0;
    }

    @Override
    void write(long row, long index, SplittableRandom random, CopyBuffer out) {
        if (nullable) {
            if (random.nextInt(10) == 0) {
                out.nul();
            } else {
                target.nth(random.nextLong(rows), out);
            }
        } else {
            target.nth(random.nextLong(row + 1), out);
        }
    }

    @Override
    void random(SplittableRandom random, CopyBuffer out) {
        throw new IllegalStateException("a self-reference is written with its row number");
    }

    @Override
    void nth(long n, CopyBuffer out) {
        throw new IllegalStateException("a self-reference is written with its row number");
    }
}
