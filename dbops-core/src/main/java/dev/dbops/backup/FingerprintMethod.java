package dev.dbops.backup;

/**
 * How a table's content hash is computed in the server. Both sides of a comparison use the same
 * method, recorded per table in the fingerprint.
 *
 * <p>Each method sums, as an exact numeric, one 64-bit hash per row. The sum does not depend on row
 * order and counts duplicate rows. The output settings of the session are pinned on both sides
 * ({@code DateStyle}, {@code TimeZone}, {@code IntervalStyle}, {@code extra_float_digits},
 * {@code bytea_output}, {@code lc_monetary}, an empty {@code search_path}).
 */
public enum FingerprintMethod {

    /**
     * The default since fingerprint format 2, on every supported version: each column is hashed by an
     * exact encoding of its type (the type's own 64-bit hash where that is exact, the value's binary or
     * text form where it is not), and each column's hash is seeded with the hash of the columns before it.
     * Two rows hash equal only if every value is the same, up to a 64-bit hash collision. About twice as
     * fast as {@link #ROW_TEXT}, because most columns skip the text conversion.
     */
    COLUMN_HASH("sum(column hashes chained in column order)"),

    /**
     * {@code sum(hashtextextended(row::text, 0))}: the hash of the row's exact text form. Exact for every
     * type and version, and the slowest. Chosen for every table with {@code --row-text}.
     */
    ROW_TEXT("sum(hashtextextended(row::text, 0))"),

    /**
     * {@code sum(hash_record_extended(row, 0))}, the default of fingerprint format 1 (PostgreSQL 14+).
     * Only read from format-1 files, so that their archives can still be verified; new fingerprints never
     * use it, because it is not exact. {@code hash_record_extended} combines the column hashes linearly,
     * so a value swapped between two rows of one column goes unseen; the type hashes ignore the sign and
     * scale of numerics, fold 64-bit integers and timestamps into 32 bits, and hash enums and {@code reg*}
     * values by OIDs, which differ in a restored copy (a false mismatch).
     */
    TYPE_HASH("sum(hash_record_extended(row, 0))");

    private final String expression;

    FingerprintMethod(String expression) {
        this.expression = expression;
    }

    /** The aggregate this method computes, for reports and docs. */
    public String expression() {
        return expression;
    }
}
