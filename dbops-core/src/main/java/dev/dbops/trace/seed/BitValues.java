package dev.dbops.trace.seed;

import java.util.SplittableRandom;

/** Bit strings: {@code bit(n)} of exactly {@code n} bits, {@code bit varying(n)} of 1 to {@code n} bits. */
final class BitValues implements ValueGenerator {

    private final int length;
    private final boolean varying;

    BitValues(int length, boolean varying) {
        this.length = length;
        this.varying = varying;
    }

    @Override
    public long cardinality() {
        return length >= 63 ? UNBOUNDED : 1L << length;
    }

    @Override
    public void random(SplittableRandom random, CopyBuffer out) {
        int bits = varying ? 1 + random.nextInt(Math.min(length, 64)) : length;
        for (int i = 0; i < bits; i++) {
            out.ascii(random.nextBoolean() ? '1' : '0');
        }
    }

    @Override
    public void nth(long n, CopyBuffer out) {
        for (int i = length - 1; i >= 0; i--) {
            out.ascii(i < 64 && (n >>> i & 1) == 1 ? '1' : '0');
        }
    }
}
