package dev.dbops.backup;

/**
 * How a table's content hash is computed in the server. Both sides of a comparison use the same
 * method, recorded per table in the fingerprint.
 *
 * <p>Either way the hash is the sum, as an exact numeric, of one 64-bit hash per row, so it does
 * not depend on row order, counts duplicate rows, and changes when any value of any row changes
 * (equality up to a 64-bit hash collision). The output settings of the session are pinned on both
 * sides ({@code DateStyle}, {@code TimeZone}, {@code IntervalStyle}, {@code extra_float_digits},
 * {@code bytea_output}, {@code lc_monetary}, an empty {@code search_path}).
 */
public enum FingerprintMethod {

    /**
     * {@code sum(hash_record_extended(row, 0))} (PostgreSQL 14+): each column is hashed by its type's
     * own extended hash function, as hash partitioning does, without turning the row into text. About
     * 3 to 4 times faster than {@link #ROW_TEXT}. Values equal by their type's equality hash equal, so
     * it does not see differences that type equality ignores: the scale of a numeric ({@code 1.0} vs
     * {@code 1.00}), {@code -0} vs {@code 0} in floats, case in {@code citext} or under a
     * nondeterministic collation. Used only for tables where every column type has an extended hash
     * function (not {@code json}, {@code xml}, geometric types and some extension types).
     */
    TYPE_HASH("sum(hash_record_extended(row, 0))"),

    /**
     * {@code sum(hashtextextended(row::text, 0))}: the hash of the row's exact text form under the
     * pinned output settings. Sees every difference a text dump would show; works for every type and
     * every supported version.
     */
    ROW_TEXT("sum(hashtextextended(row::text, 0))");

    private final String expression;

    FingerprintMethod(String expression) {
        this.expression = expression;
    }

    /** The aggregate this method computes, for reports and docs. */
    public String expression() {
        return expression;
    }
}
