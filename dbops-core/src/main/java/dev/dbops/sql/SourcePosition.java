package dev.dbops.sql;

/**
 * A place in a SQL source text: a character offset plus the line and column an editor shows.
 *
 * <p>Lines end at {@code \n}, {@code \r\n} or a lone {@code \r}. Columns count UTF-16 chars (the
 * unit of {@link String#length()} and of SARIF's default {@code utf16CodeUnits}), so a character
 * outside the Basic Multilingual Plane takes two columns.
 *
 * @param offset the 0-based char offset into the source text
 * @param line the 1-based line number
 * @param column the 1-based column within the line
 */
public record SourcePosition(int offset, int line, int column) {

    /** Creates a position, rejecting a negative offset and a line or column below 1. */
    public SourcePosition {
        if (offset < 0 || line < 1 || column < 1) {
            throw new IllegalArgumentException("a source position needs offset >= 0, line >= 1 and column >= 1"
                    + " but got offset " + offset + ", line " + line + ", column " + column);
        }
    }

    /** The position as {@code line:column}, the form diagnostics use, for example {@code 3:7}. */
    @Override
    public String toString() {
        return line + ":" + column;
    }
}
