package dev.dbops.schema;

import java.util.List;
import java.util.Set;

/**
 * Names and option lists written the way the connected server's deparser writes them, so that a
 * definition rendered here is character for character what {@code pg_get_indexdef} or
 * {@code pg_get_constraintdef} would have returned. This is not {@link Identifiers}, which always
 * quotes: definitions read from the catalog must compare equal whoever rendered them.
 *
 * @param keywords the keywords the server's parser does not accept as bare names somewhere
 *     ({@code pg_get_keywords()} with a category other than unreserved)
 * @param quoteAll the session's {@code quote_all_identifiers}
 * @param standardStrings the session's {@code standard_conforming_strings}
 */
record ServerQuoting(Set<String> keywords, boolean quoteAll, boolean standardStrings) {

    ServerQuoting {
        keywords = Set.copyOf(keywords);
    }

    /**
     * PostgreSQL's {@code quote_identifier}: bare when the name is lower-case letters, digits and
     * underscores, does not start with a digit and is not a keyword; otherwise in double quotes.
     */
    String identifier(String name) {
        return needsQuotes(name) ? '"' + name.replace("\"", "\"\"") + '"' : name;
    }

    /** {@code quote_qualified_identifier}: {@code schema.name}, each part quoted as needed. */
    String qualified(String schema, String name) {
        return identifier(schema) + "." + identifier(name);
    }

    /**
     * {@code get_reloptions}: {@code name=value} pairs joined by {@code ", "}; a value stays bare when
     * it would not need quoting as an identifier and is a string literal otherwise.
     */
    String options(List<String> options) {
        StringBuilder out = new StringBuilder();
        for (String option : options) {
            int separator = option.indexOf('=');
            String name = separator < 0 ? option : option.substring(0, separator);
            String value = separator < 0 ? "" : option.substring(separator + 1);
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(identifier(name)).append('=');
            if (needsQuotes(value)) {
                literal(out, value);
            } else {
                out.append(value);
            }
        }
        return out.toString();
    }

    /** {@code simple_quote_literal}: doubles quotes, and backslashes too unless strings are standard. */
    private void literal(StringBuilder out, String value) {
        out.append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'' || (c == '\\' && !standardStrings)) {
                out.append(c);
            }
            out.append(c);
        }
        out.append('\'');
    }

    private boolean needsQuotes(String name) {
        if (quoteAll || name.isEmpty()) {
            return true;
        }
        char first = name.charAt(0);
        if (!((first >= 'a' && first <= 'z') || first == '_')) {
            return true;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
                return true;
            }
        }
        return keywords.contains(name);
    }
}
