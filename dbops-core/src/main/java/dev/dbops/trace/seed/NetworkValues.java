package dev.dbops.trace.seed;

import java.util.SplittableRandom;

/** Addresses: {@code inet} and {@code cidr} (IPv4), {@code macaddr} and {@code macaddr8}. */
final class NetworkValues implements ValueGenerator {

    /** The types this class writes. */
    enum Kind {
        INET, CIDR, MACADDR, MACADDR8
    }

    private final Kind kind;

    NetworkValues(Kind kind) {
        this.kind = kind;
    }

    @Override
    public long cardinality() {
        return switch (kind) {
            case INET, CIDR -> 1L << 32;
            case MACADDR -> 1L << 48;
            case MACADDR8 -> UNBOUNDED;
        };
    }

    @Override
    public void random(SplittableRandom random, CopyBuffer out) {
        switch (kind) {
            case INET -> ipv4(0x0A000000L | random.nextInt(1 << 24), out);
            case CIDR -> ipv4(0x0A000000L | (long) random.nextInt(1 << 16) << 8, out).ascii("/24");
            case MACADDR -> mac(random.nextLong(), 6, out);
            case MACADDR8 -> mac(random.nextLong(), 8, out);
        }
    }

    @Override
    public void nth(long n, CopyBuffer out) {
        switch (kind) {
            case INET -> ipv4(n, out);
            case CIDR -> ipv4(n, out).ascii("/32");
            case MACADDR -> mac(n, 6, out);
            case MACADDR8 -> mac(n, 8, out);
        }
    }

    private static CopyBuffer ipv4(long address, CopyBuffer out) {
        return out.decimal(address >>> 24 & 0xFF).ascii('.').decimal(address >>> 16 & 0xFF).ascii('.')
                .decimal(address >>> 8 & 0xFF).ascii('.').decimal(address & 0xFF);
    }

    private static void mac(long bits, int octets, CopyBuffer out) {
        for (int i = octets - 1; i >= 0; i--) {
            out.hex(bits >>> (i * 8), 2);
            if (i > 0) {
                out.ascii(':');
            }
        }
    }
}
