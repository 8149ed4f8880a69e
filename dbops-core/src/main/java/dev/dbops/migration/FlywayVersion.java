package dev.dbops.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Flyway migration version, ordered the way Flyway's {@code MigrationVersion} orders them: numeric
 * parts compared one by one ({@code 1.10 > 1.9}), missing parts read as zero ({@code 1.0 == 1}),
 * leading zeros ignored ({@code 01 == 1}).
 */
final class FlywayVersion implements Comparable<FlywayVersion> {

    private static final Pattern VALID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private final String text;
    private final List<BigInteger> parts;

    private FlywayVersion(String text, List<BigInteger> parts) {
        this.text = text;
        this.parts = parts;
    }

    /**
     * Reads the version part of a file name; underscores separate parts like dots do
     * ({@code 1_1} is {@code 1.1}). Empty when it is not a version.
     */
    static Optional<FlywayVersion> parse(String raw) {
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
