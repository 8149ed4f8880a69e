package dev.dbops.sql;

import java.util.Objects;

/**
 * One lexical token of a SQL text: its kind, its exact source text and where it stands.
 *
 * <p>Two scripts that differ only in whitespace and formatting give the same sequence of
 * {@code (kind, text)} pairs once comments are left out.
 *
 * @param kind what sort of token this is
 * @param text the exact slice of the source, for example {@code E'it\'s'} or {@code "Order"}
 * @param start the 0-based char offset of the token's first character
 * @param end the char offset just past the token's last character ({@code end - start == text.length()})
 * @param line the 1-based line of the first character
 * @param column the 1-based column (in UTF-16 chars) of the first character
 */
public record Token(TokenKind kind, String text, int start, int end, int line, int column) {

    /** Creates a token, checking that the offsets span exactly the text and the position is valid. */
    public Token {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end - start != text.length() || line < 1 || column < 1) {
            throw new IllegalArgumentException("a token needs 0 <= start, end - start == text.length(), line >= 1"
                    + " and column >= 1 but got start " + start + ", end " + end + ", text length "
                    + text.length() + ", line " + line + ", column " + column);
        }
    }

    /**
     * The token's meaning as PostgreSQL reads it.
     *
     * <ul>
     *   <li>{@link TokenKind#WORD}: folded to lower case. Like PostgreSQL in a UTF-8 database, only
     *       {@code A}–{@code Z} are folded; other letters keep their case, and the name is not
     *       truncated to 63 bytes.</li>
     *   <li>{@link TokenKind#QUOTED_IDENTIFIER}: the name between the quotes with {@code ""} read as
     *       {@code "}, case kept; for {@code U&"…"} the Unicode escapes are decoded with the default
     *       escape character {@code \} (a following {@code UESCAPE} clause is the parser's business).</li>
     *   <li>{@link TokenKind#STRING}: the decoded content: {@code ''} read as {@code '}; in
     *       {@code E'…'} the backslash escapes ({@code \n}, {@code \t}, {@code \\}, {@code \'}, octal,
     *       {@code \xHH}, {@code \}{@code uXXXX}, {@code \}{@code UXXXXXXXX}), with byte escapes read as
     *       UTF-8; in {@code U&'…'} the Unicode escapes; continued segments joined; a dollar-quoted
     *       body verbatim; bit strings as their digits. Backslashes in a plain {@code '…'} are literal
     *       ({@code standard_conforming_strings} is on).</li>
     *   <li>every other kind: {@link #text()}.</li>
     * </ul>
     * An unterminated token decodes as far as it goes; this method never throws.
     */
    public String value() {
        return switch (kind) {
            case WORD -> LiteralDecoder.foldIdentifier(text);
            case QUOTED_IDENTIFIER -> LiteralDecoder.quotedIdentifier(text);
            case STRING -> LiteralDecoder.string(text);
            default -> text;
        };
    }

    /**
     * Whether this is the unquoted word {@code word}, compared without regard to ASCII case and
     * without allocating: {@code is("create")} is true for {@code CREATE}, false for {@code "create"}.
     */
    public boolean is(String word) {
        return kind == TokenKind.WORD && LiteralDecoder.equalsIgnoreAsciiCase(text, word);
    }

    /** Whether this is the punctuation {@code p}, such as {@code "("}, {@code ";"} or {@code "::"}. */
    public boolean isPunctuation(String p) {
        return kind == TokenKind.PUNCTUATION && text.equals(p);
    }

    /** The position of the token's first character. */
    public SourcePosition position() {
        return new SourcePosition(start, line, column);
    }
}
