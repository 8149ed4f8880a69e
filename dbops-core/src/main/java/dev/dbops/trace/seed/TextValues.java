package dev.dbops.trace.seed;

import java.util.Set;
import java.util.SplittableRandom;

/**
 * Character strings ({@code text}, {@code varchar(n)}, {@code char(n)}, {@code name}, {@code citext}):
 * random values are lower-case words separated by spaces, between 5 and 24 characters unless the
 * column's length or a length CHECK says otherwise; the injective sequence is base-36 numbers
 * ({@code 0-9a-z}) in a scrambled order, zero-padded to the least length, so they stay distinct under
 * {@code lower()}.
 */
final class TextValues implements ValueGenerator {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz";
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

    private final int minLength;
    private final int maxLength;
    private final int randomMin;
    private final int randomMax;
    private final Set<String> excluded;
    private final long cardinality;
    private final int blockWidth;
    private final long blockSize;
    private final long multiplier;
    private final long offset;

    private TextValues(int minLength, int maxLength, Set<String> excluded, long salt) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.excluded = excluded;
        this.blockWidth = Math.max(1, Math.min(5, maxLength));
        this.blockSize = (long) Math.pow(36, blockWidth);
        // Coprime with 36 (neither even nor a multiple of 3), so n -> (a·n + 7) mod 36^w is a bijection.
        long a = 1_299_709 % blockSize;
        while (a % 2 == 0 || a % 3 == 0) {
            a++;
        }
        this.multiplier = a;
        this.offset = Math.floorMod(salt, blockSize);
        int lo = Math.max(minLength, Math.min(5, maxLength));
        int hi = Math.min(maxLength, Math.max(24, lo));
        this.randomMin = Math.max(1, lo);
        this.randomMax = Math.max(randomMin, hi);
        this.cardinality = cardinality(maxLength) - excluded.size();
    }

    /**
     * A text column.
     *
     * @param typeLength the declared length ({@code varchar(n)}, {@code char(n)}), or {@link Integer#MAX_VALUE}
     * @param salt moves the permutation of the injective sequence, so that columns differ
     */
    static TextValues of(ColumnRules rules, int typeLength, long salt) {
        int max = Math.min(typeLength, rules.maxLength());
        int min = rules.minLength();
        return new TextValues(min, max, rules.excluded(), salt);
    }

    boolean empty() {
        return minLength > maxLength || maxLength == 0 && excluded.contains("");
    }

    /** How many values of at most {@code length} characters the sequence has: a block and its prefixed copies. */
    private static long cardinality(int length) {
        int width = Math.max(1, Math.min(5, length));
        long count = 1;
        for (int i = width; i < length; i++) {
            if (count > ValueGenerator.UNBOUNDED / 36 / 60_466_176L) {
                return ValueGenerator.UNBOUNDED;
            }
            count *= 36;
        }
        return length == 0 ? 0 : count * (long) Math.pow(36, width);
    }

    @Override
    public long cardinality() {
        return minLength > maxLength ? 0 : Math.max(0, cardinality);
    }

    @Override
    public void random(SplittableRandom random, CopyBuffer out) {
        if (maxLength == 0) {
            return;
        }
        int length = randomMin == randomMax ? randomMin : randomMin + random.nextInt(randomMax - randomMin + 1);
        StringBuilder text = new StringBuilder(length);
        int word = 0;
        for (int i = 0; i < length; i++) {
            boolean space = word >= 3 && i < length - 1 && i > 0 && random.nextInt(6) == 0;
            text.append(space ? ' ' : LETTERS.charAt(random.nextInt(26)));
            word = space ? 0 : word + 1;
        }
        String value = text.toString();
        if (excluded.contains(value)) {
            nth(random.nextLong(Math.max(1, Math.min(cardinality(), 1 << 20))), out);
            return;
        }
        out.ascii(value);
    }

    @Override
    public void nth(long n, CopyBuffer out) {
        // An excluded value is skipped by moving on to the next number; the few excluded values a CHECK
        // lists are rarely base-36 numbers of the lengths the sequence reaches.
        String value = encode(n);
        while (excluded.contains(value)) {
            value = encode(++n);
        }
        out.ascii(value);
    }

    /**
     * The {@code n}-th value: for {@code n} below {@code 36^w} (w = the block width, at most 5), a
     * permutation of the {@code w}-character base-36 strings, so values look random in row order; above
     * that, the quotient in base 36 (never starting with 0) in front. Values shorter than the least
     * length get leading zeros: only {@code w}-character values can start with 0, so this stays injective.
     */
    private String encode(long n) {
        StringBuilder value = new StringBuilder(16);
        long low = n % blockSize;
        long high = n / blockSize;
        if (high > 0) {
            base36(high, value);
        }
        long permuted = (multiplier * low + offset) % blockSize;
        int at = value.length();
        for (int i = 0; i < blockWidth; i++) {
            value.insert(at, DIGITS.charAt((int) (permuted % 36)));
            permuted /= 36;
        }
        while (value.length() < minLength) {
            value.insert(0, '0');
        }
        return value.toString();
    }

    private static void base36(long n, StringBuilder out) {
        int at = out.length();
        while (n > 0) {
            out.insert(at, DIGITS.charAt((int) (n % 36)));
            n /= 36;
        }
    }
}
