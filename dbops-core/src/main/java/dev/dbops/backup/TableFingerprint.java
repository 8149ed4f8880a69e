package dev.dbops.backup;

import java.util.Objects;

/**
 * The fingerprint of one table: its row count and an order-independent hash of its content,
 * computed in the server in one snapshot.
 *
 * @param schema the table's schema
 * @param name the table's name
 * @param rows the number of rows ({@code SELECT count(*) FROM ONLY …})
 * @param hash the content hash, as the decimal text of the sum of 64-bit row hashes; {@code 0} for an
 *     empty table
 * @param method how {@link #hash()} was computed
 */
public record TableFingerprint(String schema, String name, long rows, String hash, FingerprintMethod method) {

    /** Checks that every part is present and the row count is not negative. */
    public TableFingerprint {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(method, "method");
        if (rows < 0) {
            throw new IllegalArgumentException("rows cannot be negative: " + rows);
        }
    }

    /** {@code schema.name}, unquoted, for messages and lookups. */
    public String qualifiedName() {
        return schema + "." + name;
    }
}
