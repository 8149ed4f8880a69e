package dev.dbops.lint.rules;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

/**
 * The names PostgreSQL gives indexes and constraints declared without one ({@code orders_pkey},
 * {@code orders_code_key}, {@code orders_customer_id_fkey}, {@code orders_price_check},
 * {@code orders_created_at_idx}), so that a fix can name the object PostgreSQL created.
 *
 * <p>Like PostgreSQL's {@code makeObjectName}, the table and column parts are shortened (the longer one
 * first) so the name fits in 63 bytes, and a number is appended to the label when the name is taken.
 */
final class GeneratedNames {

    private static final int MAX_NAME_BYTES = 63;

    private GeneratedNames() {
    }

    /** The index {@code CREATE INDEX ON table (elements)} creates, e.g. {@code orders_created_at_idx}. */
    static String index(String table, List<String> elements, Predicate<String> taken) {
        return choose(table, indexColumns(elements), "idx", taken);
    }

    /** The column part of a generated index name: {@code customer_id_created_at}. */
    static String indexColumns(List<String> elements) {
        StringBuilder columns = new StringBuilder();
        for (String element : elements) {
            columns.append(columns.isEmpty() ? "" : "_").append(IndexElements.nameOf(element));
        }
        return columns.toString();
    }

    /** A constraint's name: {@code table_cols_key}, {@code table_cols_fkey}, {@code table_col_check}… */
    static String constraint(String table, List<String> columns, String label, Predicate<String> taken) {
        return choose(table, String.join("_", columns), label, taken);
    }

    /** {@code table_pkey}. */
    static String primaryKey(String table) {
        return choose(table, "", "pkey", name -> false);
    }

    private static String choose(String table, String columns, String label, Predicate<String> taken) {
        String name = make(table, columns, label);
        for (int pass = 1; taken.test(name); pass++) {
            name = make(table, columns, label + pass);
        }
        return name;
    }

    private static String make(String first, String second, String label) {
        int overhead = label.length() + 1 + (second.isEmpty() ? 0 : 1);
        int available = MAX_NAME_BYTES - overhead;
        int firstBytes = bytes(first);
        int secondBytes = bytes(second);
        while (firstBytes + secondBytes > available) {
            if (firstBytes > secondBytes) {
                firstBytes--;
            } else {
                secondBytes--;
            }
        }
        String name = clip(first, firstBytes);
        if (!second.isEmpty()) {
            name += "_" + clip(second, secondBytes);
        }
        return name + "_" + label;
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String clip(String text, int maxBytes) {
        StringBuilder clipped = new StringBuilder();
        int used = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int size = bytes(new String(Character.toChars(codePoint)));
            if (used + size > maxBytes) {
                break;
            }
            clipped.appendCodePoint(codePoint);
            used += size;
            i += Character.charCount(codePoint);
        }
        return clipped.toString();
    }
}
