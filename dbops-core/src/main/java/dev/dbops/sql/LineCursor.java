package dev.dbops.sql;

/**
 * Turns char offsets into lines and columns while moving forward only, so that positioning every
 * token of a text costs one pass over it in total.
 */
final class LineCursor {

    private final char[] chars;
    private int offset;
    private int line = 1;
    private int lineStart;

    LineCursor(char[] chars) {
        this.chars = chars;
    }

    /** Moves to {@code target}, which must not lie before the previous target. */
    void moveTo(int target) {
        if (target < offset) {
            throw new IllegalStateException("the line cursor only moves forward: at " + offset + ", asked for " + target);
        }
        for (int i = offset; i < target; i++) {
            char c = chars[i];
            if (c == '\n' || c == '\r' && (i + 1 >= chars.length || chars[i + 1] != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        offset = target;
    }

    /** The 1-based line of the current offset. */
    int line() {
        return line;
    }

    /** The 1-based column of the current offset. */
    int column() {
        return offset - lineStart + 1;
    }

    /** Moves to {@code target} and returns its position. */
    SourcePosition positionOf(int target) {
        moveTo(target);
        return new SourcePosition(target, line, column());
    }
}
