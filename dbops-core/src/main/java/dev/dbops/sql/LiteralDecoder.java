package dev.dbops.sql;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes the text of a word, quoted identifier or string token into its value, as
 * {@link Token#value()} documents. Works on any text, even one the lexer did not produce: what does
 * not look like the expected form is kept as it is, and nothing here throws.
 */
final class LiteralDecoder {

    private enum Mode { STANDARD, EXTENDED, UNICODE, BITS }

    private LiteralDecoder() {
    }

    /** ASCII-only lower-casing, as PostgreSQL's {@code downcase_identifier} does in a UTF-8 database. */
    static String foldIdentifier(String text) {
        int i = 0;
        while (i < text.length() && !isAsciiUpper(text.charAt(i))) {
            i++;
        }
        if (i == text.length()) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (; i < chars.length; i++) {
            if (isAsciiUpper(chars[i])) {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    static boolean equalsIgnoreAsciiCase(String a, String b) {
        if (b == null || a.length() != b.length()) {
            return false;
        }
        for (int i = 0; i < a.length(); i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y && toAsciiLower(x) != toAsciiLower(y)) {
                return false;
            }
        }
        return true;
    }

    static String quotedIdentifier(String text) {
        boolean unicode = text.length() >= 3 && (text.charAt(0) == 'u' || text.charAt(0) == 'U')
                && text.charAt(1) == '&' && text.charAt(2) == '"';
        int open = unicode ? 2 : 0;
        if (text.length() <= open || text.charAt(open) != '"') {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    i++;
                } else {
                    break;
                }
            }
            out.append(c);
        }
        return unicode ? unicodeEscapes(out) : out.toString();
    }

    static String string(String text) {
        if (text.isEmpty()) {
            return text;
        }
        if (text.charAt(0) == '$') {
            return dollarBody(text);
        }
        char first = toAsciiLower(text.charAt(0));
        Mode mode = Mode.STANDARD;
        int open = 0;
        if (first == 'e' || first == 'n' || first == 'b' || first == 'x') {
            mode = first == 'e' ? Mode.EXTENDED : first == 'n' ? Mode.STANDARD : Mode.BITS;
            open = 1;
        } else if (first == 'u' && text.length() > 1 && text.charAt(1) == '&') {
            mode = Mode.UNICODE;
            open = 2;
        }
        if (text.length() <= open || text.charAt(open) != '\'') {
            return text;
        }
        int nextQuote = text.indexOf('\'', open + 1);
        if ((mode == Mode.STANDARD || mode == Mode.BITS) && (nextQuote < 0 || nextQuote == text.length() - 1)) {
            return text.substring(open + 1, nextQuote < 0 ? text.length() : nextQuote);
        }
        Content out = new Content(text.length());
        int i = open + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                if (mode != Mode.BITS && i + 1 < text.length() && text.charAt(i + 1) == '\'') {
                    out.append('\'');
                    i += 2;
                    continue;
                }
                i = nextSegment(text, i + 1);
            } else if (c == '\\' && mode == Mode.EXTENDED) {
                i = backslashEscape(text, i, out);
            } else {
                out.append(c);
                i++;
            }
        }
        return mode == Mode.UNICODE ? unicodeEscapes(out.toString()) : out.toString();
    }

    /** The index just after the opening quote of the next continued segment, or the text's length. */
    private static int nextSegment(String text, int i) {
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\'') {
                return i + 1;
            }
            if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
            } else {
                i++;
            }
        }
        return i;
    }

    /** Decodes the escape at {@code text[i] == '\\'} of an E'' string; returns the index after it. */
    private static int backslashEscape(String text, int i, Content out) {
        if (i + 1 >= text.length()) {
            out.append('\\');
            return i + 1;
        }
        char c = text.charAt(i + 1);
        if (c >= '0' && c <= '7') {
            int end = i + 1;
            int value = 0;
            while (end < text.length() && end < i + 4 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
                value = value * 8 + text.charAt(end) - '0';
                end++;
            }
            out.appendByte(value & 0xFF);
            return end;
        }
        if (c == 'x' && i + 2 < text.length() && hexDigit(text.charAt(i + 2)) >= 0) {
            int value = hexDigit(text.charAt(i + 2));
            int end = i + 3;
            if (end < text.length() && hexDigit(text.charAt(end)) >= 0) {
                value = value * 16 + hexDigit(text.charAt(end));
                end++;
            }
            out.appendByte(value);
            return end;
        }
        if (c == 'u' || c == 'U') {
            int digits = c == 'u' ? 4 : 8;
            int codePoint = hex(text, i + 2, digits);
            if (codePoint >= 0 && Character.isValidCodePoint(codePoint)) {
                out.appendCodePoint(codePoint);
                return i + 2 + digits;
            }
        }
        out.append(switch (c) {
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            default -> c;
        });
        return i + 2;
    }

    /** Decodes {@code \XXXX}, {@code \+XXXXXX} and {@code \\} in the content of a U&amp; literal. */
    private static String unicodeEscapes(CharSequence content) {
        StringBuilder out = new StringBuilder(content.length());
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (c != '\\' || i + 1 >= content.length()) {
                out.append(c);
                continue;
            }
            if (content.charAt(i + 1) == '\\') {
                out.append('\\');
                i++;
                continue;
            }
            boolean plus = content.charAt(i + 1) == '+';
            int digits = plus ? 6 : 4;
            int codePoint = hex(content, plus ? i + 2 : i + 1, digits);
            if (codePoint >= 0 && Character.isValidCodePoint(codePoint)) {
                out.appendCodePoint(codePoint);
                i += digits + (plus ? 1 : 0);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String dollarBody(String text) {
        int close = text.indexOf('$', 1);
        if (close < 0) {
            return text;
        }
        int tagLength = close + 1;
        boolean terminated = text.length() >= 2 * tagLength && text.endsWith(text.substring(0, tagLength));
        return text.substring(tagLength, terminated ? text.length() - tagLength : text.length());
    }

    /** The value of {@code digits} hex digits at {@code from}, or -1 when they are not all there. */
    private static int hex(CharSequence text, int from, int digits) {
        if (from + digits > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int digit = hexDigit(text.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }

    /** Decoded characters, where runs of byte escapes ({@code \303\251}) are read as UTF-8. */
    private static final class Content {
        private final StringBuilder chars;
        private ByteArrayOutputStream bytes;

        Content(int capacity) {
            chars = new StringBuilder(capacity);
        }

        void append(char c) {
            flushBytes();
            chars.append(c);
        }

        void appendCodePoint(int codePoint) {
            flushBytes();
            chars.appendCodePoint(codePoint);
        }

        void appendByte(int value) {
            if (bytes == null) {
                bytes = new ByteArrayOutputStream();
            }
            bytes.write(value);
        }

        private void flushBytes() {
            if (bytes != null && bytes.size() > 0) {
                chars.append(new String(bytes.toByteArray(), StandardCharsets.UTF_8));
                bytes.reset();
            }
        }

        @Override
        public String toString() {
            flushBytes();
            return chars.toString();
        }
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = toAsciiLower(c);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    private static boolean isAsciiUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static char toAsciiLower(char c) {
        return isAsciiUpper(c) ? (char) (c + ('a' - 'A')) : c;
    }
}
