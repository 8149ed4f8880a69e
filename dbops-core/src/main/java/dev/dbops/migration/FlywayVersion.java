package dev.dbops.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Flyway migration version, ordered the way Flyway's {@code MigrationVersion} orders them: numeric
 * parts compared one by one ({@code 1.10 > 1.9}), missing parts read as zero ({@code 1.0 == 1}),
 * leading zeros ignored ({@code 01 == 1}), underscores read as dots ({@code 1_1 == 1.1}).
 *
 * <p>The one version order of dbops: the migration sources sort by it, and the drift check, the replays and
 * the testkit compare the versions they read from history tables and file names with {@link #ORDER}.
 */
public final class FlywayVersion implements Comparable<FlywayVersion> {

    /**
     * Flyway's order on version texts as they appear in file names and history rows; a text that is not a
     * version sorts after every version, and such texts among themselves by their characters.
     */
    public static final Comparator<String> ORDER = FlywayVersion::compare;

    private static final Pattern VALID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final String text;
    private final List<BigInteger> parts;

    private FlywayVersion(String text, List<BigInteger> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Reads the version part of a file name or a history row; underscores separate parts like dots do
     * ({@code 1_1} is {@code 1.1}). Empty when it is not a version.
     */
    public static Optional<FlywayVersion> parse(String raw) {
        String text = raw.replace('_', '.');
        if (!VALID.matcher(text).matches()) {
            return Optional.empty();
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String part : text.split("\\.")) {
            parts.add(new BigInteger(part));
        }
        // Trailing zeros do not count, so that 1.0 equals 1 in compareTo, equals and hashCode alike.
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return Optional.of(new FlywayVersion(text, List.copyOf(parts)));
    }

    /** Compares two version texts by {@link #ORDER}. */
    public static int compare(String a, String b) {
        Optional<FlywayVersion> x = parse(a);
        Optional<FlywayVersion> y = parse(b);
        if (x.isPresent() && y.isPresent()) {
            return x.get().compareTo(y.get());
        }
        if (x.isPresent() != y.isPresent()) {
            return x.isPresent() ? -1 : 1;
        }
        return a.replace('_', '.').compareTo(b.replace('_', '.'));
    }

    /** Whether two version texts name the same version ({@code 1.0} and {@code 1_0} and {@code 1}). */
    public static boolean same(String a, String b) {
        return compare(a, b) == 0;
    }

    /**
     * The version after this one, one more in its last written part: {@code 7 → 8}, {@code 1.9 → 1.10},
     * {@code 2024_01_15 → 2024.01.16}.
     */
    public FlywayVersion next() {
        int dot = text.lastIndexOf('.');
        String last = new BigInteger(text.substring(dot + 1)).add(BigInteger.ONE).toString();
        return parse(text.substring(0, dot + 1) + last).orElseThrow();
    }

    @Override
    public int compareTo(FlywayVersion other) {
        int length = Math.max(parts.size(), other.parts.size());
        for (int i = 0; i < length; i++) {
            int order = part(i).compareTo(other.part(i));
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    private BigInteger part(int index) {
        return index < parts.size() ? parts.get(index) : BigInteger.ZERO;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlywayVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    /** The version as Flyway displays and records it: with dots, leading zeros kept ({@code 01.1}). */
    @Override
    public String toString() {
        return text;
    }
}
