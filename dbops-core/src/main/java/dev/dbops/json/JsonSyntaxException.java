package dev.dbops.json;

/**
 * Thrown by {@link Json#parse} when the text is not valid JSON; says what was expected, what was
 * found, and where.
 *
 * <p>The message reads like {@code expected ',' or '}' after object member but found '"' at line 12,
 * column 5}. Lines and columns count from 1; a line ends at {@code \n}, {@code \r\n} or a lone
 * {@code \r}, and columns count Unicode code points, so an emoji is one column. This exception is
 * deliberately not a {@link dev.dbops.DbopsException}: JSON is generic, and the caller that knows
 * which file was read wraps it with the file name, the right error code and a fix.
 */
public final class JsonSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String description;
    private final int line;
    private final int column;

    JsonSyntaxException(String description, int line, int column) {
        super(description + " at line " + line + ", column " + column);
        this.description = description;
        this.line = line;
        this.column = column;
    }

    /** What is wrong, without the position, e.g. {@code trailing commas are not allowed}. */
    public String description() {
        return description;
    }

    /** The 1-based line of the offending character. */
    public int line() {
        return line;
    }

    /** The 1-based column, in code points, of the offending character within its line. */
    public int column() {
        return column;
    }
}
