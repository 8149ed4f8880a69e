package dev.dbops.sql;

/**
 * Where PostgreSQL's delimited tokens end: strings (with their continued segments), quoted
 * identifiers, dollar quotes and nested block comments. Each method returns the end offset
 * (exclusive) of a closed token, or a negative number when the input ends first.
 */
final class QuotedTokens {

    private static final char VERTICAL_TAB = 0x0B;

    /** How each kind of single-quoted string is scanned and reported. */
    enum StringFlavour {
        STANDARD(true, false, "quoted string", "'"),
        EXTENDED(true, true, "quoted string",
                "' (in an E'…' string a backslash escapes the next character, so \\' does not end it)"),
        BIT(false, false, "bit-string literal", "'"),
        HEX(false, false, "hexadecimal string literal", "'");

        final boolean doubledQuotes;
        final boolean backslashEscapes;
        final String description;
        final String closer;

        StringFlavour(boolean doubledQuotes, boolean backslashEscapes, String description, String closer) {
            this.doubledQuotes = doubledQuotes;
            this.backslashEscapes = backslashEscapes;
            this.description = description;
            this.closer = closer;
        }
    }

    private QuotedTokens() {
    }

    /**
     * The end of the string whose opening quote is at {@code quote}, taking in every continued segment
     * (scanned in the same flavour, as PostgreSQL does), or -1.
     */
    static int stringEnd(char[] chars, int quote, StringFlavour flavour) {
        int i = quote + 1;
        while (true) {
            while (i < chars.length) {
                char c = chars[i];
                if (c == '\'') {
                    if (flavour.doubledQuotes && i + 1 < chars.length && chars[i + 1] == '\'') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i += c == '\\' && flavour.backslashEscapes ? 2 : 1;
            }
            if (i >= chars.length) {
                return -1;
            }
            int continued = continuedQuote(chars, i + 1);
            if (continued < 0) {
                return i + 1;
            }
            i = continued + 1;
        }
    }

    /**
     * The index of the quote that continues a string ending just before {@code from}, or -1: SQL joins
     * {@code 'a'} and {@code 'b'} when only whitespace holding a newline, and {@code --} comments,
     * separate them.
     */
    private static int continuedQuote(char[] chars, int from) {
        boolean newline = false;
        int k = from;
        while (k < chars.length) {
            char c = chars[k];
            if (c == '\n' || c == '\r') {
                newline = true;
                k++;
            } else if (c == ' ' || c == '\t' || c == '\f' || c == VERTICAL_TAB) {
                k++;
            } else if (c == '-' && k + 1 < chars.length && chars[k + 1] == '-') {
                k += 2;
                while (k < chars.length && chars[k] != '\n' && chars[k] != '\r') {
                    k++;
                }
            } else {
                break;
            }
        }
        return newline && k < chars.length && chars[k] == '\'' ? k : -1;
    }

    /** The end of the quoted identifier whose opening {@code "} is at {@code quote}, or -1. */
    static int quotedIdentifierEnd(char[] chars, int quote) {
        int i = quote + 1;
        while (i < chars.length) {
            if (chars[i] == '"') {
                if (i + 1 < chars.length && chars[i + 1] == '"') {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return -1;
    }

    /** The end of the opening delimiter {@code $$} or {@code $tag$} that starts at {@code start}, or -1. */
    static int dollarDelimiterEnd(char[] chars, int start) {
        int end = start + 1;
        if (end < chars.length && SqlLexer.isIdentifierStart(chars[end])) {
            end++;
            while (end < chars.length && isTagPart(chars[end])) {
                end++;
            }
        }
        return end < chars.length && chars[end] == '$' ? end + 1 : -1;
    }

    /**
     * The end of a dollar quote whose opening delimiter is {@code chars[start, bodyStart)}, or -1. Like
     * {@code scan.l}, every {@code $} starts a candidate delimiter; one that does not match hands its
     * closing {@code $} back as the next candidate's start, so each char is looked at about once.
     */
    static int dollarQuoteEnd(char[] chars, int start, int bodyStart) {
        int delimiterLength = bodyStart - start;
        int i = bodyStart;
        while (i < chars.length) {
            if (chars[i] != '$') {
                i++;
                continue;
            }
            int j = i + 1;
            if (j < chars.length && SqlLexer.isIdentifierStart(chars[j])) {
                j++;
                while (j < chars.length && isTagPart(chars[j])) {
                    j++;
                }
            }
            if (j < chars.length && chars[j] == '$' && j + 1 - i == delimiterLength
                    && regionEquals(chars, i, start, delimiterLength)) {
                return j + 1;
            }
            i = j;
        }
        return -1;
    }

    /**
     * The end of the block comment that starts at {@code start}; when the input ends inside it,
     * minus the number of comments still open (comments nest).
     */
    static int blockCommentEnd(char[] chars, int start) {
        int depth = 1;
        int i = start + 2;
        while (i < chars.length) {
            char c = chars[i];
            if (c == '/' && i + 1 < chars.length && chars[i + 1] == '*') {
                depth++;
                i += 2;
            } else if (c == '*' && i + 1 < chars.length && chars[i + 1] == '/') {
                i += 2;
                if (--depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        return -depth;
    }

    private static boolean isTagPart(char c) {
        return SqlLexer.isIdentifierStart(c) || SqlLexer.isDigit(c);
    }

    private static boolean regionEquals(char[] chars, int a, int b, int length) {
        for (int k = 0; k < length; k++) {
            if (chars[a + k] != chars[b + k]) {
                return false;
            }
        }
        return true;
    }
}
