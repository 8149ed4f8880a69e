package dev.dbops.schema;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The current row of a catalog query, read by column position from the bytes the server sent.
 *
 * <p>The catalog queries return tens of thousands of rows of OIDs, numbers, flags and names. Going
 * through {@link ResultSet}'s getters by name costs a column lookup and a conversion per value and,
 * worse, makes every row reader a large method that the JIT compiler takes long to compile. Here
 * one shared loop takes each row's raw values ({@link ResultSet#getBytes}, the server's text form,
 * UTF-8 since pgjdbc always sets {@code client_encoding}) and small accessors decode only what a
 * reader asks for. A reader looks its columns up by name once, before the first row
 * ({@link #column}).
 */
final class CatalogRow {

    private static final long[] NO_NUMBERS = new long[0];

    private final ResultSet resultSet;
    private final String[] names;
    private final byte[][] values;

    CatalogRow(ResultSet resultSet) throws SQLException {
        this.resultSet = resultSet;
        ResultSetMetaData metaData = resultSet.getMetaData();
        this.names = new String[metaData.getColumnCount()];
        for (int i = 0; i < names.length; i++) {
            names[i] = metaData.getColumnLabel(i + 1);
        }
        this.values = new byte[names.length][];
    }

    /** Moves to the next row; false after the last one. */
    boolean next() throws SQLException {
        if (!resultSet.next()) {
            return false;
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = resultSet.getBytes(i + 1);
        }
        return true;
    }

    /**
     * The position of the column with this label, for the accessors.
     *
     * @throws IllegalStateException when the query has no such column: the query and its reader disagree
     */
    int column(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("catalog query has no column " + name + " (it has " + List.of(names) + ")");
    }

    /** Whether the value is SQL NULL. */
    boolean isNull(int column) {
        return values[column] == null;
    }

    /** The value as text, of a column that is never SQL NULL. */
    String text(int column) {
        return new String(values[column], StandardCharsets.UTF_8);
    }

    /** The value as text; null for SQL NULL. */
    String nullableText(int column) {
        byte[] value = values[column];
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }

    /** The value as text; empty for SQL NULL. */
    Optional<String> optionalText(int column) {
        return Optional.ofNullable(nullableText(column));
    }

    private static final long LIMIT = Long.MIN_VALUE / 10;

    /** An integer, OID or other whole number; 0 for SQL NULL. */
    long number(int column) {
        byte[] value = values[column];
        if (value == null) {
            return 0;
        }
        // As Long.parseLong does, adding up negatively, so that Long.MIN_VALUE fits; one loop for every length.
        boolean negative = value.length > 1 && value[0] == '-';
        long result = 0;
        for (int i = negative ? 1 : 0; i < value.length; i++) {
            int digit = value[i] - '0';
            if (digit < 0 || digit > 9 || result < LIMIT) {
                return Long.parseLong(nullableText(column));
            }
            result = result * 10 - digit;
            if (result > 0) {
                return Long.parseLong(nullableText(column));
            }
        }
        if (negative) {
            return result;
        }
        if (result == Long.MIN_VALUE || value.length == 0) {
            return Long.parseLong(nullableText(column));
        }
        return -result;
    }

    /** A number that fits an {@code int} (attribute numbers, counts, type modifiers); 0 for SQL NULL. */
    int integer(int column) {
        return Math.toIntExact(number(column));
    }

    /** A {@code boolean}; false for SQL NULL. */
    boolean bool(int column) {
        byte[] value = values[column];
        return value != null && value.length > 0 && value[0] == 't';
    }

    /** A {@code "char"} code such as {@code relkind}; a space for SQL NULL or the empty code. */
    char character(int column) {
        byte[] value = values[column];
        if (value == null || value.length == 0) {
            return ' ';
        }
        return value[0] >= 0 ? (char) value[0] : nullableText(column).charAt(0);
    }

    /**
     * The numbers of an array ({@code {1,2}}) or vector ({@code 1 2}) as {@code int}s: attribute
     * numbers, option flags; empty for SQL NULL.
     */
    int[] ints(int column) {
        long[] numbers = numbers(column);
        int[] result = new int[numbers.length];
        for (int i = 0; i < numbers.length; i++) {
            result[i] = Math.toIntExact(numbers[i]);
        }
        return result;
    }

    /** The numbers of an OID array or vector; empty for SQL NULL. */
    long[] numbers(int column) {
        byte[] value = values[column];
        if (value == null) {
            return NO_NUMBERS;
        }
        // One pass into room for the most numbers the text can hold (each takes a digit and a separator).
        // The loop is small on purpose: every reader inlines it, once per vector column it reads.
        long[] result = new long[(value.length + 1) >> 1];
        int n = 0;
        long number = 0;
        int sign = 0;
        for (byte b : value) {
            if (b >= '0' && b <= '9') {
                number = number * 10 + (b - '0');
                sign |= 1;
            } else if (b == '-') {
                sign = 2;
            } else if (sign != 0) {
                result[n++] = (sign & 2) != 0 ? -number : number;
                number = 0;
                sign = 0;
            }
        }
        if (sign != 0) {
            result[n++] = (sign & 2) != 0 ? -number : number;
        }
        return n == result.length ? result : Arrays.copyOf(result, n);
    }

    /**
     * The elements of a one-dimensional array in its text form ({@code {a,"b c"}}); empty for SQL
     * NULL. Catalog arrays of names, options and ACL items never hold NULL elements.
     *
     * @throws IllegalStateException for a NULL element or text that is not an array
     */
    List<String> textArray(int column) {
        byte[] value = values[column];
        if (value == null) {
            return List.of();
        }
        String text = new String(value, StandardCharsets.UTF_8);
        int i = text.startsWith("[") ? text.indexOf('=') + 1 : 0;
        if (i >= text.length() || text.charAt(i) != '{' || text.charAt(text.length() - 1) != '}') {
            throw new IllegalStateException("not an array: " + text);
        }
        i++;
        int end = text.length() - 1;
        if (i == end) {
            return List.of();
        }
        List<String> elements = new ArrayList<>();
        while (i <= end) {
            if (i < end && text.charAt(i) == '"') {
                i = quotedElement(text, i + 1, elements) + 1;
            } else {
                int comma = text.indexOf(',', i);
                int stop = comma < 0 || comma > end ? end : comma;
                String element = text.substring(i, stop);
                if (element.equalsIgnoreCase("NULL")) {
                    throw new IllegalStateException("unexpected NULL element in " + text);
                }
                elements.add(element);
                i = stop + 1;
            }
        }
        return Collections.unmodifiableList(elements);
    }

    /** Adds the element that starts after an opening quote; returns the position after its closing quote. */
    private static int quotedElement(String text, int start, List<String> elements) {
        StringBuilder element = new StringBuilder();
        int i = start;
        while (text.charAt(i) != '"') {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
                c = text.charAt(i);
            }
            element.append(c);
            i++;
        }
        elements.add(element.toString());
        return i + 1;
    }

    /** The grants of an {@code aclitem[]}; none for SQL NULL. */
    List<Grant> acl(int column) {
        return AclItems.parse(textArray(column));
    }
}
