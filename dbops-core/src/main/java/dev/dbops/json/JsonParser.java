package dev.dbops.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A single-pass recursive-descent parser over one JSON text. Positions are tracked as a plain
 * offset; line and column are computed only when an error is reported.
 */
final class JsonParser {

    private final String in;
    private final int length;
    private final int origin;
    private int pos;

    JsonParser(String text) {
        this.in = text;
        this.length = text.length();
        this.origin = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        this.pos = origin;
    }

    Object parseDocument() {
        skipWhitespace();
        if (pos >= length) {
            throw error("expected a JSON value but the input is empty");
        }
        Object value = parseValue(0);
        skipWhitespace();
        if (pos < length) {
            throw error("expected the end of the input after the JSON value but found " + found(pos) + hint(pos));
        }
        return value;
    }

    /** Parses the value that starts at {@code pos}, which is known to be inside the input. */
    private Object parseValue(int depth) {
        char c = in.charAt(pos);
        switch (c) {
            case '{':
                return parseObject(depth + 1);
            case '[':
                return parseArray(depth + 1);
            case '"':
                return parseString();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", Json.NULL);
            case '-': case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8':
            case '9':
                return parseNumber();
            default:
                throw error(notAValue("expected a JSON value (object, array, string, number, true, false or null)"));
        }
    }

    private Map<String, Object> parseObject(int depth) {
        checkDepth(depth);
        pos++;
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (pos < length && in.charAt(pos) == '}') {
            pos++;
            return members;
        }
        boolean afterComma = false;
        while (true) {
            if (pos >= length || in.charAt(pos) != '"') {
                throw error(badKey(afterComma));
            }
            int keyStart = pos;
            String key = parseString();
            skipWhitespace();
            if (pos >= length || in.charAt(pos) != ':') {
                throw error("expected ':' after object key \"" + key + "\" but found " + found(pos) + hint(pos));
            }
            pos++;
            skipWhitespace();
            if (pos >= length) {
                throw error("expected a value after ':' but found the end of the input");
            }
            Object value = parseValue(depth);
            if (members.putIfAbsent(key, value) != null) {
                throw errorAt(keyStart, "duplicate key \"" + key + "\" in object");
            }
            skipWhitespace();
            if (pos >= length) {
                throw error("expected ',' or '}' after object member but found the end of the input");
            }
            char c = in.charAt(pos);
            if (c == '}') {
                pos++;
                return members;
            }
            if (c != ',') {
                throw error("expected ',' or '}' after object member but found " + found(pos) + hint(pos));
            }
            pos++;
            skipWhitespace();
            afterComma = true;
        }
    }

    private List<Object> parseArray(int depth) {
        checkDepth(depth);
        pos++;
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (pos < length && in.charAt(pos) == ']') {
            pos++;
            return elements;
        }
        while (true) {
            if (pos >= length) {
                throw error("expected an array element or ']' but found the end of the input");
            }
            if (in.charAt(pos) == ']') {
                throw error("expected a JSON value after ',' but found ']' (trailing commas are not allowed)");
            }
            elements.add(parseValue(depth));
            skipWhitespace();
            if (pos >= length) {
                throw error("expected ',' or ']' after array element but found the end of the input");
            }
            char c = in.charAt(pos);
            if (c == ']') {
                pos++;
                return elements;
            }
            if (c != ',') {
                throw error("expected ',' or ']' after array element but found " + found(pos) + hint(pos));
            }
            pos++;
            skipWhitespace();
        }
    }

    private String parseString() {
        int open = pos;
        int start = ++pos;
        while (pos < length) {
            char c = in.charAt(pos);
            if (c == '"') {
                pos++;
                return in.substring(start, pos - 1);
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            pos++;
        }
        StringBuilder out = new StringBuilder(pos - start + 16).append(in, start, pos);
        while (pos < length) {
            char c = in.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            } else if (c == '\\') {
                out.append(escape());
            } else if (c < 0x20) {
                throw error("unescaped control character " + codePoint(c) + " in string (write it as "
                        + escapeHint(c) + ")");
            } else {
                out.append(c);
                pos++;
            }
        }
        throw errorAt(open, "unterminated string: no closing '\"' before the end of the input");
    }

    /** Decodes the escape sequence at {@code pos} (a backslash) and moves past it. */
    private char escape() {
        if (pos + 1 >= length) {
            throw error("unterminated escape sequence at the end of the input");
        }
        char e = in.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            case 'u': return unicodeEscape();
            default:
                pos -= 2;
                throw error("invalid escape sequence '\\" + (e < 0x20 ? codePoint(e) : String.valueOf(e))
                        + "' in string (valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX)");
        }
    }

    private char unicodeEscape() {
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = pos + i < length ? Character.digit(in.charAt(pos + i), 16) : -1;
            if (digit < 0) {
                pos -= 2;
                throw error("invalid \\u escape in string: expected four hexadecimal digits after \\u");
            }
            value = value * 16 + digit;
        }
        pos += 4;
        return (char) value;
    }

    private Object parseNumber() {
        int start = pos;
        boolean negative = in.charAt(pos) == '-';
        if (negative) {
            pos++;
            if (!digitAt(pos)) {
                throw error("expected a digit after '-' but found " + found(pos));
            }
        }
        if (in.charAt(pos) == '0') {
            pos++;
            if (digitAt(pos)) {
                throw errorAt(pos - 1, "leading zeros are not allowed in numbers");
            }
        } else {
            skipDigits();
        }
        boolean integral = true;
        if (pos < length && in.charAt(pos) == '.') {
            pos++;
            if (!digitAt(pos)) {
                throw error("expected a digit after the decimal point but found " + found(pos));
            }
            skipDigits();
            integral = false;
        }
        if (pos < length && (in.charAt(pos) == 'e' || in.charAt(pos) == 'E')) {
            pos++;
            if (pos < length && (in.charAt(pos) == '+' || in.charAt(pos) == '-')) {
                pos++;
            }
            if (!digitAt(pos)) {
                throw error("expected a digit in the exponent but found " + found(pos));
            }
            skipDigits();
            integral = false;
        }
        if (integral) {
            int digits = pos - start - (negative ? 1 : 0);
            if (digits <= 18) {
                long value = 0;
                for (int i = negative ? start + 1 : start; i < pos; i++) {
                    value = value * 10 + (in.charAt(i) - '0');
                }
                return negative ? -value : value;
            }
            try {
                return Long.parseLong(in, start, pos, 10);
            } catch (NumberFormatException tooLarge) {
                return new BigDecimal(in.substring(start, pos));
            }
        }
        try {
            return new BigDecimal(in.substring(start, pos));
        } catch (NumberFormatException outOfRange) {
            throw errorAt(start, "number " + abbreviate(in.substring(start, pos)) + " is out of range (the exponent "
                    + "must fit in 32 bits)");
        }
    }

    private Object literal(String word, Object value) {
        if (in.startsWith(word, pos)) {
            pos += word.length();
            return value;
        }
        int end = pos;
        while (end < length && end - pos < 20 && Character.isLetter(in.charAt(end))) {
            end++;
        }
        throw error("expected the literal " + word + " but found '" + in.substring(pos, end) + "'");
    }

    /** A description for a character that cannot start a value, with a hint for common non-JSON habits. */
    private String notAValue(String expectation) {
        char c = in.charAt(pos);
        String hint = switch (c) {
            case '/', '#' -> hint(pos);
            case '\'' -> " (strings must be enclosed in double quotes)";
            case '+' -> " (numbers must not start with '+')";
            case '.' -> " (numbers must start with a digit)";
            case '}', ']' -> pos > 0 && in.charAt(lastNonWhitespaceBefore(pos)) == ','
                    ? " (trailing commas are not allowed)" : "";
            default -> Character.isLetter(c) ? " (words other than true, false and null must be quoted strings)" : "";
        };
        return expectation + " but found " + found(pos) + hint;
    }

    private String badKey(boolean afterComma) {
        if (pos >= length) {
            return "expected an object key or '}' but found the end of the input";
        }
        char c = in.charAt(pos);
        if (afterComma && c == '}') {
            return "expected an object key after ',' but found '}' (trailing commas are not allowed)";
        }
        String hint = switch (c) {
            case '/', '#' -> hint(pos);
            case '\'' -> " (keys must be enclosed in double quotes, not single quotes)";
            default -> Character.isLetter(c) || c == '_' || c == '$' ? " (object keys must be quoted strings)" : "";
        };
        return "expected '\"' to start an object key but found " + found(pos) + hint;
    }

    /** A hint for a character that often appears where JSON does not allow it, or an empty string. */
    private String hint(int at) {
        if (at >= length) {
            return "";
        }
        return switch (in.charAt(at)) {
            case '/', '#' -> " (comments are not allowed in JSON)";
            case '\'' -> " (strings and keys must be enclosed in double quotes)";
            default -> "";
        };
    }

    private int lastNonWhitespaceBefore(int at) {
        int i = at - 1;
        while (i > origin && isWhitespace(in.charAt(i))) {
            i--;
        }
        return i;
    }

    private void checkDepth(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw error("objects and arrays nest deeper than " + Json.MAX_DEPTH + " levels");
        }
    }

    private void skipWhitespace() {
        while (pos < length && isWhitespace(in.charAt(pos))) {
            pos++;
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }

    private void skipDigits() {
        while (digitAt(pos)) {
            pos++;
        }
    }

    private boolean digitAt(int at) {
        if (at >= length) {
            return false;
        }
        char c = in.charAt(at);
        return c >= '0' && c <= '9';
    }

    /** How the character at {@code at} is shown in a message. */
    private String found(int at) {
        if (at >= length) {
            return "the end of the input";
        }
        int cp = in.codePointAt(at);
        if (cp < 0x20 || cp == 0x7F || Character.isSurrogate((char) cp) || !Character.isDefined(cp)
                || Character.getType(cp) == Character.FORMAT) {
            return "character " + codePoint(cp);
        }
        return "'" + new String(Character.toChars(cp)) + "'";
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    private static String escapeHint(char c) {
        return switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            default -> String.format("\\u%04x", (int) c);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 37) + "...";
    }

    private JsonSyntaxException error(String description) {
        return errorAt(pos, description);
    }

    /** An error at offset {@code at}, with its line and column counted from the start of the text. */
    private JsonSyntaxException errorAt(int at, String description) {
        int line = 1;
        int column = 1;
        int end = Math.min(at, length);
        for (int i = origin; i < end; i++) {
            char c = in.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= length || in.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r' && !(Character.isLowSurrogate(c) && i > origin
                    && Character.isHighSurrogate(in.charAt(i - 1)))) {
                column++;
            }
        }
        return new JsonSyntaxException(description, line, column);
    }
}
