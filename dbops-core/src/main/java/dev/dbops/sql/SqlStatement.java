package dev.dbops.sql;

import java.util.List;
import java.util.Objects;

/**
 * One statement of a script, as PostgreSQL would execute it: its exact text, where it stands, its
 * tokens and the comments that belong to it.
 *
 * @param index the statement's 0-based place in {@link SqlScript#statements()}
 * @param text the exact source from the statement's first token to the end of its last token;
 *     the terminating {@code ;} and any comments after the last token are not included
 * @param start the position of the first token
 * @param end the position just past the last token ({@code end.offset() - start.offset() == text.length()})
 * @param tokens the statement's tokens without comments and without the terminating {@code ;}
 *     (never empty when produced by {@link SqlScript#parse(String)})
 * @param comments the comments after the previous statement's terminating {@code ;} (or the start
 *     of the script) up to this statement's own {@code ;} (or the end of the script): those on the
 *     lines before it, such as {@code -- dbops:ignore …}, and those inside it
 */
public record SqlStatement(
        int index, String text, SourcePosition start, SourcePosition end, List<Token> tokens, List<Token> comments) {

    /** Creates a statement; the lists are copied, and the positions must span exactly the text. */
    public SqlStatement {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        tokens = List.copyOf(tokens);
        comments = List.copyOf(comments);
        if (index < 0 || end.offset() - start.offset() != text.length()) {
            throw new IllegalArgumentException("a statement needs index >= 0 and end.offset() - start.offset() =="
                    + " text.length() but got index " + index + ", start " + start.offset() + ", end "
                    + end.offset() + ", text length " + text.length());
        }
    }

    /**
     * Whether the statement's first tokens are the given unquoted words, compared as
     * {@link Token#is(String)} does: {@code startsWith("create", "index")} is true for
     * {@code CREATE INDEX CONCURRENTLY …}.
     */
    public boolean startsWith(String... words) {
        if (words.length > tokens.size()) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!tokens.get(i).is(words[i])) {
                return false;
            }
        }
        return true;
    }
}
