package dev.dbops.sql;

/**
 * Cuts operators out of a run of operator characters the way PostgreSQL's {@code {operator}} rule
 * does, in linear time.
 *
 * <p>PostgreSQL takes the longest run of {@code ~ ! @ # ^ & | ` ? + - * / % < > =}, cuts it before
 * the first {@code /*} or {@code --} (a comment starts there), and then drops trailing {@code +} and
 * {@code -} unless the operator also holds one of {@code ~ ! @ # ^ & | ` ? %}; the dropped characters
 * are scanned again. Done naively that is quadratic in the run's length ({@code +-+-+-…}), so this
 * class remembers, per run, the run's end, the next comment start, the next qualifying character and
 * the trailing {@code +}/{@code -} stretch, and each search resumes where the last one stopped.
 */
final class OperatorRun {

    private final char[] chars;
    private int runStart;
    private int runEnd;
    private int commentAt;
    private int qualifyingAt;
    private int tailEnd;
    private int tailStart;

    OperatorRun(char[] chars) {
        this.chars = chars;
    }

    static boolean isOperatorChar(char c) {
        return switch (c) {
            case '~', '!', '@', '#', '^', '&', '|', '`', '?', '+', '-', '*', '/', '%', '<', '>', '=' -> true;
            default -> false;
        };
    }

    /**
     * The end of the operator that starts at {@code pos}, an operator character that does not start
     * a comment; calls must come with non-decreasing {@code pos}.
     */
    int end(int pos) {
        if (pos < runStart || pos >= runEnd) {
            runStart = pos;
            runEnd = pos;
            while (runEnd < chars.length && isOperatorChar(chars[runEnd])) {
                runEnd++;
            }
            commentAt = -1;
            qualifyingAt = -1;
            tailEnd = -1;
        }
        if (commentAt <= pos) {
            commentAt = findCommentStart(pos + 1);
        }
        int end = commentAt;
        if (end - pos > 1 && isPlusOrMinus(chars[end - 1])) {
            if (qualifyingAt < pos) {
                qualifyingAt = findQualifying(pos);
            }
            if (qualifyingAt > end - 2) {
                if (tailEnd != end) {
                    tailEnd = end;
                    tailStart = end - 1;
                    while (tailStart > runStart && isPlusOrMinus(chars[tailStart - 1])) {
                        tailStart--;
                    }
                }
                end = Math.max(pos + 1, tailStart);
            }
        }
        return end;
    }

    private int findCommentStart(int from) {
        for (int k = from; k + 1 < runEnd; k++) {
            char c = chars[k];
            char next = chars[k + 1];
            if (c == '/' && next == '*' || c == '-' && next == '-') {
                return k;
            }
        }
        return runEnd;
    }

    private int findQualifying(int from) {
        for (int k = from; k < runEnd; k++) {
            switch (chars[k]) {
                case '~', '!', '@', '#', '^', '&', '|', '`', '?', '%':
                    return k;
                default:
                    break;
            }
        }
        return runEnd;
    }

    private static boolean isPlusOrMinus(char c) {
        return c == '+' || c == '-';
    }
}
