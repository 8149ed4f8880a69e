package dev.dbops.trace.seed;

import java.util.List;
import java.util.SplittableRandom;

/** One of a fixed list of values: an enum's labels, a CHECK's {@code IN (…)} list, a boolean's two values. */
final class ChoiceValues implements ValueGenerator {

    private final List<String> values;

    ChoiceValues(List<String> values) {
        this.values = List.copyOf(values);
    }

    @Override
    public long cardinality() {
        return values.size();
    }

    @Override
    public void random(SplittableRandom random, CopyBuffer out) {
        out.text(values.get(random.nextInt(values.size())));
    }

    @Override
    public void nth(long n, CopyBuffer out) {
        out.text(values.get((int) n));
    }
}
