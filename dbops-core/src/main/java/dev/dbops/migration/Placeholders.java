package dev.dbops.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replaces Flyway placeholders ({@code ${name}}) the way Flyway's placeholder reader does.
 *
 * <p>Names are case-insensitive and end at the first {@code }}; values are inserted as they are, never
 * replaced again. A {@code $} directly before {@code ${} keeps it literal: Flyway's reader consumes
 * dollar signs in pairs, so {@code $${name}} stays as written and {@code $$${name}} is {@code $$}
 * followed by the value. Replacement covers the whole text, comments and string literals included.
 */
final class Placeholders {

    private static final String PREFIX = "${";
    private static final char SUFFIX = '}';

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    Placeholders(Map<String, String> values) {
        this.values.putAll(values);
    }

    /** A placeholder that has no value, at the 1-based line where it starts; unterminated when no {@code }} follows. */
    record Missing(String name, int line, boolean unterminated) {
    }

    /** The text with every known placeholder replaced, and the placeholders that have no value. */
    record Result(String text, List<Missing> missing) {
    }

    Result replace(String text) {
        StringBuilder out = new StringBuilder(text.length());
        List<Missing> missing = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '$') {
                line += c == '\n' ? 1 : 0;
                out.append(c);
                i++;
                continue;
            }
            int run = i;
            while (run < text.length() && text.charAt(run) == '$') {
                run++;
            }
            int dollars = run - i;
            boolean opens = run < text.length() && text.charAt(run) == '{' && dollars % 2 == 1;
            out.append(text, i, opens ? run - 1 : run);
            i = opens ? run - 1 : run;
            if (!opens) {
                continue;
            }
            int end = text.indexOf(SUFFIX, i + PREFIX.length());
            if (end < 0) {
                missing.add(new Missing(text.substring(i + PREFIX.length()), line, true));
                out.append(text, i, text.length());
                break;
            }
            String name = text.substring(i + PREFIX.length(), end);
            String value = values.get(name);
            String placeholder = text.substring(i, end + 1);
            if (value == null) {
                missing.add(new Missing(name, line, false));
            }
            out.append(value == null ? placeholder : value);
            line += (int) placeholder.chars().filter(ch -> ch == '\n').count();
            i = end + 1;
        }
        return new Result(out.toString(), List.copyOf(missing));
    }
}
