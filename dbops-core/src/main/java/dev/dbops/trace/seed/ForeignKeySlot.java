package dev.dbops.trace.seed;

import java.util.SplittableRandom;

/**
 * The columns of a foreign key, filled with key tuples read from the parent table, so that every
 * child row references a parent row that exists; a nullable key is NULL one time in ten.
 */
final class ForeignKeySlot extends Slot {

    private final TableKeys.ForeignKey key;
    private final boolean nullable;
    private ParentKeys parentKeys = ParentKeys.NONE;

    ForeignKeySlot(TableKeys.ForeignKey key, boolean nullable) {
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

    void bind(ParentKeys keys) {
        this.parentKeys = keys;
    }

    ParentKeys parentKeys() {
        return parentKeys;
    }

    @Override
    long cardinality() {
        return parentKeys.size();
    }

    @Override
    void random(SplittableRandom random, CopyBuffer out) {
        if (nullable && random.nextInt(10) == 0) {
            nulls(out);
        } else {
            out.copyText(parentKeys.get(random.nextInt(parentKeys.size())));
        }
    }

    @Override
    void nth(long n, CopyBuffer out) {
        out.copyText(parentKeys.get((int) n));
    }
}
