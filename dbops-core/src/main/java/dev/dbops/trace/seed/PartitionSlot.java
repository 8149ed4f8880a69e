package dev.dbops.trace.seed;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The partition key columns of a partitioned table: each row picks a leaf partition at random and
 * takes key values inside that partition's bounds, so every row has a partition to go to.
 */
final class PartitionSlot extends Slot {

    private final List<ValueGenerator[]> leaves;

    /**
     * @param leaves for each reachable leaf partition, one generator per column, in column order
     */
    PartitionSlot(List<String> columns, List<ValueGenerator[]> leaves) {
        super(columns);
        this.leaves = List.copyOf(leaves);
    }

    int leafCount() {
        return leaves.size();
    }

    @Override
    long cardinality() {
        return 0;
    }

    @Override
    void random(SplittableRandom random, CopyBuffer out) {
        ValueGenerator[] leaf = leaves.get(leaves.size() == 1 ? 0 : random.nextInt(leaves.size()));
        for (int i = 0; i < leaf.length; i++) {
            if (i > 0) {
                out.tab();
            }
            leaf[i].random(random, out);
        }
    }

    @Override
    void nth(long n, CopyBuffer out) {
        throw new IllegalStateException("a partition key is never a sequence of its own");
    }
}
