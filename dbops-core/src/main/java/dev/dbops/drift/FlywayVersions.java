package dev.dbops.drift;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.regex.Pattern;

/**
 * Orders Flyway versions as Flyway's {@code MigrationVersion} does: numeric parts one by one
 * ({@code 1.10 > 1.9}), missing parts read as zero ({@code 1.0 == 1}), underscores read as dots.
 */
final class FlywayVersions {

    /** Flyway's order; text that is not a version sorts after every version, by its text. */
    static final Comparator<String> ORDER = FlywayVersions::compare;

    private static final Pattern VALID = Pattern.compile("[0-9]+(\\.[0-9]+)*");

    private FlywayVersions() {
    }

    static int compare(String a, String b) {
        String x = a.replace('_', '.');
        String y = b.replace('_', '.');
        boolean validX = VALID.matcher(x).matches();
        boolean validY = VALID.matcher(y).matches();
        if (!validX || !validY) {
            return validX != validY ? (validX ? -1 : 1) : x.compareTo(y);
        }
        String[] p = x.split("\\.");
        String[] q = y.split("\\.");
        for (int i = 0; i < Math.max(p.length, q.length); i++) {
            BigInteger left = i < p.length ? new BigInteger(p[i]) : BigInteger.ZERO;
            BigInteger right = i < q.length ? new BigInteger(q[i]) : BigInteger.ZERO;
            int order = left.compareTo(right);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    static boolean same(String a, String b) {
        return compare(a, b) == 0;
    }

    /** The version after the highest one, one more in its last part: {@code 7 → 8}, {@code 1.9 → 1.10}. */
    static String next(String highest) {
        String text = highest.replace('_', '.');
        int dot = text.lastIndexOf('.');
        String last = text.substring(dot + 1);
        return text.substring(0, dot + 1) + new BigInteger(last).add(BigInteger.ONE);
    }
}
