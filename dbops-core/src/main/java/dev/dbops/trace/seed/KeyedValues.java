package dev.dbops.trace.seed;

import java.util.SplittableRandom;

/**
 * Values of types whose injective sequence comes from scrambling a 64-bit number: {@code uuid},
 * {@code bytea}, {@code json}/{@code jsonb}, {@code xml} and {@code tsvector}. The scrambler is a
 * bijection, so distinct numbers give distinct values, and the values look random in any order.
 */
final class KeyedValues implements ValueGenerator {

    /** The types this class writes. */
    enum Kind {
        UUID, BYTEA, JSON, XML, TSVECTOR
    }

    private static final String[] WORDS = {"alpha", "bravo", "delta", "echo", "gamma", "kilo", "lima", "nova",
        "orbit", "pixel", "quartz", "sierra", "tango", "vector", "zulu"};

    private final Kind kind;
    private final long salt;

    KeyedValues(Kind kind, long salt) {
        this.kind = kind;
        this.salt = salt;
    }

    /** A bijection of the 64-bit integers that scatters consecutive inputs (SplitMix64's finaliser). */
    static long scramble(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public long cardinality() {
        return UNBOUNDED;
    }

    @Override
    public void random(SplittableRandom random, CopyBuffer out) {
        long bits = random.nextLong();
        switch (kind) {
            case UUID -> uuid(random.nextLong(), bits, out);
            case BYTEA -> {
                out.backslash().ascii('x');
                int words = 1 + random.nextInt(4);
                for (int i = 0; i < words; i++) {
                    out.hex(random.nextLong(), 16);
                }
            }
            case JSON -> out.ascii("{\"id\": ").decimal(random.nextInt(1_000_000)).ascii(", \"name\": \"")
                    .ascii(WORDS[random.nextInt(WORDS.length)]).ascii("\", \"active\": ")
                    .ascii(random.nextBoolean() ? "true" : "false").ascii(", \"score\": ")
                    .decimal(random.nextInt(100)).ascii('}');
            case XML -> out.ascii("<item id=\"").decimal(random.nextInt(1_000_000)).ascii("\">")
                    .ascii(WORDS[random.nextInt(WORDS.length)]).ascii("</item>");
            case TSVECTOR -> {
                int words = 1 + random.nextInt(4);
                for (int i = 0; i < words; i++) {
                    out.ascii(i == 0 ? "" : " ").ascii(WORDS[random.nextInt(WORDS.length)]);
                }
            }
        }
    }

    @Override
    public void nth(long n, CopyBuffer out) {
        long key = scramble(n ^ salt);
        switch (kind) {
            case UUID -> uuid(salt, key, out);
            case BYTEA -> out.backslash().ascii('x').hex(key, 16);
            case JSON -> out.ascii("{\"key\": \"").hex(key, 16).ascii("\"}");
            case XML -> out.ascii("<item key=\"").hex(key, 16).ascii("\"/>");
            case TSVECTOR -> out.ascii("k").hex(key, 16);
        }
    }

    /** A version-4 UUID; the low 64 bits carry {@code low} unchanged, so distinct {@code low} stay distinct. */
    private static void uuid(long high, long low, CopyBuffer out) {
        long versioned = (high & 0xFFFFFFFFFFFF0FFFL) | 0x4000L;
        out.hex(versioned >>> 32, 8).ascii('-').hex(versioned >>> 16, 4).ascii('-').hex(versioned, 4).ascii('-')
                .hex(low >>> 48, 4).ascii('-').hex(low, 12);
    }
}
