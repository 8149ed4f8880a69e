package dev.dbops.sql;

/**
 * The kinds of token the PostgreSQL lexer produces; keywords are not told apart from identifiers.
 *
 * <p>PostgreSQL's keywords are context-dependent (most of them are not reserved), so which
 * {@link #WORD} is a keyword is the parser's decision, made with {@link Token#is(String)}.
 */
public enum TokenKind {

    /** An unquoted identifier or keyword, such as {@code CREATE}, {@code orders} or {@code a$b}. */
    WORD,

    /** A double-quoted identifier, {@code "Order Lines"}, or its Unicode form {@code U&"d\0061t"}. */
    QUOTED_IDENTIFIER,

    /**
     * A string constant: {@code '…'}, {@code E'…'}, {@code U&'…'}, {@code N'…'}, the bit strings
     * {@code B'…'} and {@code X'…'}, and dollar-quoted {@code $tag$…$tag$}. Quoted segments separated
     * by whitespace that holds a newline ({@code 'a'}, newline, {@code 'b'}) are one constant, as
     * PostgreSQL reads them, so one token.
     */
    STRING,

    /** A numeric constant: {@code 42}, {@code 1.5e3}, {@code .5}, {@code 0x1F}, {@code 0o17}, {@code 0b101}, {@code 1_000}. */
    NUMBER,

    /** An operator: a run of {@code + - * / < > = ~ ! @ # % ^ & | ` ?} cut as PostgreSQL cuts it, and {@code :=}. */
    OPERATOR,

    /**
     * One of {@code ( ) [ ] , ; . : :: ..}, or a single character no other rule takes (for example a
     * lone {@code $} or a {@code \}), which PostgreSQL's grammar then rejects.
     */
    PUNCTUATION,

    /** A positional parameter such as {@code $1}. */
    PARAMETER,

    /** A {@code -- …} comment up to the end of its line, or a (possibly nested) <code>/* … *&#47;</code> comment. */
    COMMENT
}
