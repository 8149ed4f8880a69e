package dev.dbops.schema;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The text forms of the catalog's number lists: arrays ({@code {1,2}}, as {@code int2[]} and
 * {@code oid[]} print) and vectors ({@code 1 2}, as {@code int2vector} and {@code oidvector}
 * print). Reading them as text keeps the queries simple and is cheaper than {@code getArray}.
 */
final class CatalogArrays {

    private CatalogArrays() {
    }

    /** {@code {1,2}} or {@code 1 2} → [1, 2]; {@code null} and {@code {}} → []. */
    static List<Long> longs(String text) {
        List<Long> values = new ArrayList<>();
        if (text == null) {
            return values;
        }
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c == '-' || (c >= '0' && c <= '9')) {
                int start = i;
                i++;
                while (i < length && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                values.add(Long.parseLong(text, start, i, 10));
            } else {
                i++;
            }
        }
        return values;
    }

    /** As {@link #longs} for attribute numbers and option bits, which fit an {@code int}. */
    static int[] ints(String text) {
        return longs(text).stream().mapToInt(Long::intValue).toArray();
    }

    /** As {@link #longs}, as an array of OIDs. */
    static long[] oids(String text) {
        return longs(text).stream().mapToLong(Long::longValue).toArray();
    }

    /** The {@code oid[]} literal of these OIDs, for a query parameter: {@code {1,2}}. */
    static String literal(Collection<Long> oids) {
        return oids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
