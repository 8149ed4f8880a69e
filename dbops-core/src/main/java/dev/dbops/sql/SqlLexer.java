package dev.dbops.sql;

import dev.dbops.sql.QuotedTokens.StringFlavour;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Splits SQL text into tokens exactly where PostgreSQL's own scanner ({@code scan.l}) does.
 *
 * <p>One forward pass over a char array, no regular expressions, time linear in the input. Any
 * input is accepted: an unterminated string, quoted identifier, dollar quote or comment becomes one
 * token that runs to the end of the input (and a diagnostic when lexed through {@link SqlScript}).
 * The rules are described in the {@linkplain dev.dbops.sql package documentation}.
 */
public final class SqlLexer {

    private static final char BYTE_ORDER_MARK = 0xFEFF;
    private static final char VERTICAL_TAB = 0x0B;

    private final String text;
    private final char[] chars;
    private final int length;
    private final LineCursor cursor;
    private final OperatorRun operators;
    private final List<Token> tokens = new ArrayList<>();
    private final List<SqlDiagnostic> diagnostics = new ArrayList<>(1);
    private int pos;

    private SqlLexer(String text) {
        this.text = text;
        this.chars = text.toCharArray();
        this.length = chars.length;
        this.cursor = new LineCursor(chars);
        this.operators = new OperatorRun(chars);
    }

    /**
     * Splits {@code sql} into tokens, comments included, in source order; never throws for a
     * non-null input.
     *
     * @return an unmodifiable list; whitespace is not a token
     */
    public static List<Token> tokenize(String sql) {
        return Collections.unmodifiableList(lex(sql).tokens);
    }

    /** Lexes {@code sql}, keeping the diagnostics for {@link SqlScript}. */
    static SqlLexer lex(String sql) {
        Objects.requireNonNull(sql, "sql");
        SqlLexer lexer = new SqlLexer(sql);
        lexer.run();
        return lexer;
    }

    List<Token> tokens() {
        return tokens;
    }

    List<SqlDiagnostic> diagnostics() {
        return diagnostics;
    }

    char[] chars() {
        return chars;
    }

    private void run() {
        if (length > 0 && chars[0] == BYTE_ORDER_MARK) {
            pos = 1;
        }
        while (pos < length) {
            char c = chars[pos];
            if (isSpace(c)) {
                pos++;
            } else {
                scanToken(c);
            }
        }
    }

    private void scanToken(char c) {
        int start = pos;
        char next = start + 1 < length ? chars[start + 1] : 0;
        switch (c) {
            case '-' -> {
                if (next == '-') {
                    lineComment(start);
                } else {
                    emit(TokenKind.OPERATOR, start, operators.end(start));
                }
            }
            case '/' -> {
                if (next == '*') {
                    blockComment(start);
                } else {
                    emit(TokenKind.OPERATOR, start, operators.end(start));
                }
            }
            case '\'' -> quoted(start, start, StringFlavour.STANDARD);
            case '"' -> quotedIdentifier(start, start);
            case '$' -> dollar(start, next);
            case '.' -> {
                if (isDigit(next)) {
                    number(start);
                } else {
                    emit(TokenKind.PUNCTUATION, start, next == '.' ? start + 2 : start + 1);
                }
            }
            case ':' -> {
                if (next == ':') {
                    emit(TokenKind.PUNCTUATION, start, start + 2);
                } else if (next == '=') {
                    emit(TokenKind.OPERATOR, start, start + 2);
                } else {
                    emit(TokenKind.PUNCTUATION, start, start + 1);
                }
            }
            case ',', '(', ')', '[', ']', ';' -> emit(TokenKind.PUNCTUATION, start, start + 1);
            default -> {
                if (isDigit(c)) {
                    number(start);
                } else if (OperatorRun.isOperatorChar(c)) {
                    emit(TokenKind.OPERATOR, start, operators.end(start));
                } else if (isIdentifierStart(c)) {
                    word(start, c, next);
                } else {
                    emit(TokenKind.PUNCTUATION, start, start + 1);
                }
            }
        }
    }

    /** An identifier or keyword, unless it is the prefix of {@code E'}, {@code N'}, {@code B'}, {@code X'}, {@code U&'} or {@code U&"}. */
    private void word(int start, char c, char next) {
        if (next == '\'') {
            switch (c) {
                case 'e', 'E' -> {
                    quoted(start, start + 1, StringFlavour.EXTENDED);
                    return;
                }
                case 'n', 'N' -> {
                    quoted(start, start + 1, StringFlavour.STANDARD);
                    return;
                }
                case 'b', 'B' -> {
                    quoted(start, start + 1, StringFlavour.BIT);
                    return;
                }
                case 'x', 'X' -> {
                    quoted(start, start + 1, StringFlavour.HEX);
                    return;
                }
                default -> {
                }
            }
        }
        if ((c == 'u' || c == 'U') && next == '&' && start + 2 < length) {
            if (chars[start + 2] == '\'') {
                quoted(start, start + 2, StringFlavour.STANDARD);
                return;
            }
            if (chars[start + 2] == '"') {
                quotedIdentifier(start, start + 2);
                return;
            }
        }
        int i = start + 1;
        while (i < length && isIdentifierPart(chars[i])) {
            i++;
        }
        emit(TokenKind.WORD, start, i);
    }

    private void lineComment(int start) {
        int i = start + 2;
        while (i < length && chars[i] != '\n' && chars[i] != '\r') {
            i++;
        }
        emit(TokenKind.COMMENT, start, i);
    }

    private void blockComment(int start) {
        int end = QuotedTokens.blockCommentEnd(chars, start);
        if (end >= 0) {
            emit(TokenKind.COMMENT, start, end);
        } else {
            int open = -end;
            unterminated(emit(TokenKind.COMMENT, start, length), "/* comment", "*/ (comments nest: every /* inside"
                    + " it needs its own */, and " + open + (open == 1 ? " is" : " are") + " still open)");
        }
    }

    /** A string from its opening quote at {@code quote}, with continued segments; {@code start} includes any prefix. */
    private void quoted(int start, int quote, StringFlavour flavour) {
        int end = QuotedTokens.stringEnd(chars, quote, flavour);
        emitDelimited(TokenKind.STRING, start, end, flavour.description, flavour.closer);
    }

    private void quotedIdentifier(int start, int quote) {
        emitDelimited(TokenKind.QUOTED_IDENTIFIER, start, QuotedTokens.quotedIdentifierEnd(chars, quote),
                "quoted identifier", "\" (write \"\" for a \" inside the name)");
    }

    /** A parameter {@code $1}, a dollar quote {@code $tag$…$tag$}, or a lone {@code $}. */
    private void dollar(int start, char next) {
        if (isDigit(next)) {
            int i = start + 1;
            while (i < length && isDigit(chars[i])) {
                i++;
            }
            emit(TokenKind.PARAMETER, start, i);
            return;
        }
        int bodyStart = QuotedTokens.dollarDelimiterEnd(chars, start);
        if (bodyStart < 0) {
            emit(TokenKind.PUNCTUATION, start, start + 1);
        } else {
            emitDelimited(TokenKind.STRING, start, QuotedTokens.dollarQuoteEnd(chars, start, bodyStart),
                    "dollar-quoted string", text.substring(start, bodyStart));
        }
    }

    /** Emits a delimited token that ends at {@code end}, or, when {@code end} is negative, runs to the end of the input. */
    private void emitDelimited(TokenKind kind, int start, int end, String what, String closer) {
        if (end >= 0) {
            emit(kind, start, end);
        } else {
            unterminated(emit(kind, start, length), what, closer);
        }
    }

    private void number(int start) {
        int i = start;
        if (chars[i] == '0' && i + 1 < length) {
            int radix = switch (chars[i + 1]) {
                case 'x', 'X' -> 16;
                case 'o', 'O' -> 8;
                case 'b', 'B' -> 2;
                default -> 0;
            };
            if (radix != 0) {
                int end = digitGroups(i + 2, radix);
                if (end > i + 2) {
                    emit(TokenKind.NUMBER, start, end);
                    return;
                }
            }
        }
        if (chars[i] == '.') {
            i = digitGroups(i + 1, 10);
        } else {
            i = digitGroups(i, 10);
            if (i < length && chars[i] == '.') {
                if (i + 1 < length && chars[i + 1] == '.') {
                    emit(TokenKind.NUMBER, start, i);
                    return;
                }
                i = digitGroups(i + 1, 10);
            }
        }
        if (i < length && (chars[i] == 'e' || chars[i] == 'E')) {
            int k = i + 1;
            if (k < length && (chars[k] == '+' || chars[k] == '-')) {
                k++;
            }
            if (k < length && isDigit(chars[k])) {
                i = digitGroups(k, 10);
            }
        }
        emit(TokenKind.NUMBER, start, i);
    }

    /**
     * The end of the digits in {@code radix} from {@code from}, each optionally preceded by one
     * underscore ({@code (_?digit)*}); in radix 10 the first digit takes no underscore, as
     * {@code {decinteger}} requires, while {@code 0x_1F} is valid.
     */
    private int digitGroups(int from, int radix) {
        int i = from;
        while (true) {
            int k = i;
            if (k < length && chars[k] == '_' && (radix != 10 || k > from)) {
                k++;
            }
            if (k < length && chars[k] < 0x80 && Character.digit(chars[k], radix) >= 0) {
                i = k + 1;
            } else {
                return i;
            }
        }
    }

    private Token emit(TokenKind kind, int start, int end) {
        cursor.moveTo(start);
        Token token = new Token(kind, text.substring(start, end), start, end, cursor.line(), cursor.column());
        tokens.add(token);
        pos = end;
        return token;
    }

    private void unterminated(Token token, String what, String closer) {
        diagnostics.add(new SqlDiagnostic("unterminated " + what + " starting at " + token.line() + ":"
                + token.column() + " runs to the end of the input; close it with " + closer, token.position()));
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == VERTICAL_TAB;
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** {@code [A-Za-z_]} or any non-ASCII char, which PostgreSQL (reading UTF-8 bytes) takes as letters. */
    static boolean isIdentifierStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || c == '$';
    }
}
