package dev.dbops.pool;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PgBouncer release, as {@code SHOW VERSION} prints it ({@code PgBouncer 1.18.0}).
 *
 * @param major the major version, 1 for every release so far
 * @param minor the minor version: 21 is the first that tracks prepared statements in transaction mode
 * @param patch the patch level
 */
public record PgBouncerVersion(int major, int minor, int patch) implements Comparable<PgBouncerVersion> {

    /** The first release that supports protocol-level prepared statements in transaction mode. */
    public static final PgBouncerVersion PREPARED_STATEMENTS = new PgBouncerVersion(1, 21, 0);
    /** The first release in which {@code max_prepared_statements} defaults to 200 instead of 0. */
    public static final PgBouncerVersion PREPARED_STATEMENTS_BY_DEFAULT = new PgBouncerVersion(1, 24, 0);

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /** Finds the first {@code N.N[.N]} in a text such as {@code PgBouncer 1.18.0}. */
    public static Optional<PgBouncerVersion> parse(String text) {
        Matcher m = VERSION.matcher(text == null ? "" : text);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new PgBouncerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3))));
    }

    /** Whether this release can keep pgjdbc's named prepared statements working in transaction mode. */
    public boolean supportsPreparedStatements() {
        return compareTo(PREPARED_STATEMENTS) >= 0;
    }

    @Override
    public int compareTo(PgBouncerVersion other) {
        int byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        int byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    /** {@code 1.18.0}. */
    @Override
    public String toString() {
        return major + "." + minor + "." + patch;
    }
}
