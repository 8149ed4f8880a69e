package dev.dbops.lint;

/**
 * Escapes text for XML 1.0: characters XML cannot carry at all (most control characters, lone surrogates,
 * U+FFFE and U+FFFF) are dropped, markup characters become entities, and in attributes line breaks and
 * tabs become character references so that attribute-value normalization keeps them.
 */
final class Xml {

    private Xml() {
    }

    /** {@code value} for use between {@code "…"} in an attribute. */
    static String attribute(String value) {
        return escape(value, true);
    }

    /** {@code value} for use as element content. */
    static String text(String value) {
        return escape(value, false);
    }

    private static String escape(String value, boolean attribute) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                out.append(c).append(value.charAt(++i));
                continue;
            }
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (isAllowed(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Whether XML 1.0 allows {@code c}, a char that is not part of a surrogate pair. */
    private static boolean isAllowed(char c) {
        return (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
    }
}
