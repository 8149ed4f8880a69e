package dev.dbops.backup;

import dev.dbops.schema.Identifiers;
import java.util.List;

/**
 * The SQL expression of {@link FingerprintMethod#COLUMN_HASH}'s row hash: each column's hash is seeded
 * with the hash of the columns before it, so the row hash depends on every value, on its column and
 * on its row (a sum of independent column hashes would not see values swapped between rows).
 *
 * <p>Chaining nests the expression one level per column; PostgreSQL's parser runs out of stack at a
 * depth of some hundreds. Wide tables are therefore hashed in groups of {@value #GROUP} columns, each
 * chained from its own seed, and the groups chained by hashing each group's hash (as exact text) with
 * the chain so far.
 */
final class RowHash {

    /** Columns per chained group. */
    static final int GROUP = 64;

    /** The seed of the first column; any constant serves, as long as both sides use it. */
    private static final long FIRST_SEED = 0x2545f4914f6cdd1dL;

    private RowHash() {
    }

    /** A column of a table, in the order of its attribute number. */
    record Column(String name, ColumnEncoding encoding, boolean notNull) {
    }

    /**
     * The row hash of a table aliased {@code alias}.
     *
     * @param columns the live (not dropped) columns in attribute-number order; may be empty
     */
    static String expression(String alias, List<Column> columns) {
        if (columns.size() <= GROUP) {
            return chain(alias, columns, Long.toString(FIRST_SEED));
        }
        String result = null;
        for (int from = 0; from < columns.size(); from += GROUP) {
            List<Column> group = columns.subList(from, Math.min(columns.size(), from + GROUP));
            String groupHash = chain(alias, group, Long.toString(FIRST_SEED + from));
            result = result == null ? groupHash
                    : "pg_catalog.hashtextextended((" + groupHash + ")::pg_catalog.text collate pg_catalog.\"C\", "
                            + result + ")";
        }
        return result;
    }

    private static String chain(String alias, List<Column> columns, String firstSeed) {
        if (columns.isEmpty()) {
            return "pg_catalog.hashint4extended(0, " + firstSeed + ")";
        }
        String seed = firstSeed + "::pg_catalog.int8";
        for (Column column : columns) {
            seed = column.encoding().hash(alias + "." + Identifiers.quote(column.name()), seed, column.notNull());
        }
        return seed;
    }
}
