package dev.dbops.backup;

import java.util.Map;

/**
 * How one column's value enters the row hash of {@link FingerprintMethod#COLUMN_HASH}: an exact
 * (injective) encoding of the value and the PostgreSQL function that hashes it with a 64-bit seed.
 *
 * <p>Every encoding is exact: two values get the same input to the hash function only when they are
 * the same value in every detail their text form shows. PostgreSQL's own type hash functions are used
 * only where that holds. Where it does not, the value is hashed through a form that is exact:
 * {@code hash_numeric} ignores the sign and the scale, {@code jsonb_hash} ignores the sign and scale of
 * numbers and the nesting of arrays, {@code interval_hash} equates {@code 1 day} and {@code 24 hours},
 * {@code hash_array} ignores the dimensions, {@code hashfloat8} equates {@code -0} and {@code 0}, and
 * {@code hashint8} (and the timestamp hashes built on it) folds 64 bits into 32. Enums and {@code reg*}
 * types are hashed by their labels and names, never by OIDs, which differ in a restored copy. Every
 * type not listed here is hashed by its text form under the pinned session settings.
 */
enum ColumnEncoding {

    /** {@code smallint}: its 32-bit hash input is the value. */
    INT2("pg_catalog.int2", "0::pg_catalog.int2", "pg_catalog.hashint2extended({x}, {s})"),
    /** {@code integer}. */
    INT4("pg_catalog.int4", "0", "pg_catalog.hashint4extended({x}, {s})"),
    /** {@code bigint}: the high half goes into the seed, because {@code hashint8extended} folds it into the low half. */
    INT8("pg_catalog.int8", "0::pg_catalog.int8", "pg_catalog.hashint8extended({x}, {s} # ({x} >> 32))"),
    /** {@code oid} stored as data. */
    OID("pg_catalog.oid", "0::pg_catalog.oid", "pg_catalog.hashoidextended({x}, {s})"),
    /** {@code boolean}, as 0 or 1. */
    BOOL("pg_catalog.int4", "0", "pg_catalog.hashint4extended({x}, {s})"),
    /** {@code real}: {@code -0} and {@code 0} (which the type hash equates) are told apart by the seed. */
    FLOAT4("pg_catalog.float4", "0::pg_catalog.float4", floatHash("pg_catalog.hashfloat4extended")),
    /** {@code double precision}, as {@link #FLOAT4}. */
    FLOAT8("pg_catalog.float8", "0::pg_catalog.float8", floatHash("pg_catalog.hashfloat8extended")),
    /** {@code text} and {@code varchar}: the bytes, whatever the column's collation. */
    TEXT("pg_catalog.text", "''", "pg_catalog.hashtextextended({x} collate pg_catalog.\"C\", {s})"),
    /** {@code uuid}: its 16 bytes. */
    UUID("pg_catalog.uuid", "'00000000-0000-0000-0000-000000000000'::pg_catalog.uuid",
            "pg_catalog.uuid_hash_extended({x}, {s})"),
    /** {@code bytea}: its bytes, hashed as the only element of an array because bytea's own hash is not callable. */
    BYTEA("pg_catalog.bytea", "''::pg_catalog.bytea", "pg_catalog.hash_array_extended(array[{x}], {s})"),
    /** {@code date}: the day number; {@code ±infinity} map to the two integers no finite date uses. */
    DATE("pg_catalog.int4", "0", "pg_catalog.hashint4extended({x}, {s})"),
    /** {@code timestamp}: the 8 bytes of its binary form (microseconds), not the folding timestamp hash. */
    TIMESTAMP("pg_catalog.bytea", "''::pg_catalog.bytea", "pg_catalog.hash_array_extended(array[{x}], {s})"),
    /** {@code timestamptz}, as {@link #TIMESTAMP}. */
    TIMESTAMPTZ("pg_catalog.bytea", "''::pg_catalog.bytea", "pg_catalog.hash_array_extended(array[{x}], {s})"),
    /** {@code character(n)}: its output form, padding included (a cast to text would trim it). */
    BPCHAR("pg_catalog.text", "''", "pg_catalog.hashtextextended({x} collate pg_catalog.\"C\", {s})"),
    /** Every other type: its text form ({@code numeric}, {@code jsonb}, {@code json}, arrays, enums, ranges, …). */
    TEXT_FORM("pg_catalog.text", "''", "pg_catalog.hashtextextended({x} collate pg_catalog.\"C\", {s})");

    /** XORed into the seed of a NULL; its high half is neither 0 nor all ones, so no bigint's high half equals it. */
    static final long NULL_SEED = 0x5bd1e9955bd1e995L;
    private static final long POSITIVE_ZERO_SEED = 0x27d4eb2f165667c5L;
    private static final long NEGATIVE_ZERO_SEED = 0x165667b19e3779f9L;

    /** Built-in type OIDs, which are the same in every PostgreSQL version. */
    private static final Map<Long, ColumnEncoding> BY_TYPE_OID = Map.ofEntries(
            Map.entry(21L, INT2), Map.entry(23L, INT4), Map.entry(20L, INT8), Map.entry(26L, OID),
            Map.entry(16L, BOOL), Map.entry(700L, FLOAT4), Map.entry(701L, FLOAT8), Map.entry(25L, TEXT),
            Map.entry(1043L, TEXT), Map.entry(2950L, UUID), Map.entry(17L, BYTEA), Map.entry(1082L, DATE),
            Map.entry(1114L, TIMESTAMP), Map.entry(1184L, TIMESTAMPTZ), Map.entry(1042L, BPCHAR));

    private final String inputType;
    private final String nullInput;
    private final String hash;

    ColumnEncoding(String inputType, String nullInput, String hash) {
        this.inputType = inputType;
        this.nullInput = nullInput;
        this.hash = hash;
    }

    private static String floatHash(String function) {
        // hashfloatNextended returns the seed itself for 0 and -0; 1 with a distinct seed is hashed instead.
        return function + "(case when {x} = 0 then 1 else {x} end, {s} # case when {x} <> 0 then 0"
                + " when ({x})::pg_catalog.text like '-%' then " + NEGATIVE_ZERO_SEED
                + " else " + POSITIVE_ZERO_SEED + " end)";
    }

    /** The encoding of a column whose type, domains resolved, has this OID. */
    static ColumnEncoding forBaseType(long typeOid) {
        return BY_TYPE_OID.getOrDefault(typeOid, TEXT_FORM);
    }

    /** The encoding's input computed from a column reference (a non-null value of the column). */
    String input(String column) {
        return switch (this) {
            case BOOL -> "(" + column + ")::pg_catalog.bool::pg_catalog.int4";
            case DATE -> "case when (" + column + ")::pg_catalog.date = 'infinity' then 2147483647"
                    + " when (" + column + ")::pg_catalog.date = '-infinity' then -2147483648"
                    + " else (" + column + ")::pg_catalog.date - pg_catalog.date '2000-01-01' end";
            case TIMESTAMP -> "pg_catalog.timestamp_send((" + column + ")::pg_catalog.timestamp)";
            case TIMESTAMPTZ -> "pg_catalog.timestamptz_send((" + column + ")::pg_catalog.timestamptz)";
            case BPCHAR -> "pg_catalog.textin(pg_catalog.bpcharout((" + column + ")::pg_catalog.bpchar))";
            default -> "(" + column + ")::" + inputType;
        };
    }

    /**
     * The hash of the column chained onto {@code seed}: a 64-bit value that depends on the seed and
     * the value, NULL included. {@code seed} appears once in the result, so chaining stays linear in size.
     *
     * @param notNull whether the column cannot hold NULL, which saves the NULL test
     */
    String hash(String column, String seed, boolean notNull) {
        String x = input(column);
        String s = seed;
        if (!notNull) {
            x = "coalesce(" + x + ", " + nullInput + ")";
            s = "(" + seed + ") # case when (" + column + ") is null then " + NULL_SEED + " else 0 end";
        }
        return hash.replace("{x}", x).replace("{s}", "(" + s + ")");
    }
}
