package dev.dbops.lint.rules;

import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a statement's own text at its tokens, so that a fix keeps everything the user wrote (INCLUDE,
 * WITH, TABLESPACE, comments, quoting) and changes only what it must.
 */
final class StatementText {

    private StatementText() {
    }

    /** The text with {@code insertion} right after the first top-level token that is the word {@code word}. */
    static Optional<String> insertAfterWord(SqlStatement statement, String word, String insertion) {
        int index = firstWord(statement.tokens(), word, 0);
        if (index < 0) {
            return Optional.empty();
        }
        return offsetAfter(statement, statement.tokens().get(index))
                .map(at -> statement.text().substring(0, at) + insertion + statement.text().substring(at));
    }

    /** The text from the first top-level token that is the word {@code word} to the end. */
    static Optional<String> fromWord(SqlStatement statement, String word) {
        int index = firstWord(statement.tokens(), word, 0);
        if (index < 0) {
            return Optional.empty();
        }
        return offsetOf(statement, statement.tokens().get(index)).map(at -> statement.text().substring(at));
    }

    /**
     * What follows the table name of {@code CREATE INDEX … ON [ONLY] table}: the method, the element list,
     * INCLUDE, WITH, TABLESPACE and WHERE, as written.
     */
    static Optional<String> afterIndexTable(SqlStatement statement) {
        List<Token> tokens = statement.tokens();
        int on = firstWord(tokens, "on", 0);
        if (on < 0) {
            return Optional.empty();
        }
        int i = on + 1;
        if (i < tokens.size() && tokens.get(i).is("only")) {
            i++;
        }
        while (i + 2 < tokens.size() && tokens.get(i + 1).isPunctuation(".")) {
            i += 2;
        }
        if (i + 1 >= tokens.size()) {
            return Optional.empty();
        }
        return offsetOf(statement, tokens.get(i + 1)).map(at -> statement.text().substring(at));
    }

    private static int firstWord(List<Token> tokens, String word, int from) {
        int depth = 0;
        for (int i = from; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunctuation("(")) {
                depth++;
            } else if (token.isPunctuation(")")) {
                depth--;
            } else if (depth == 0 && token.kind() == TokenKind.WORD && token.is(word)) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<Integer> offsetOf(SqlStatement statement, Token token) {
        int at = token.start() - statement.start().offset();
        return at >= 0 && at <= statement.text().length() ? Optional.of(at) : Optional.empty();
    }

    private static Optional<Integer> offsetAfter(SqlStatement statement, Token token) {
        int at = token.end() - statement.start().offset();
        return at >= 0 && at <= statement.text().length() ? Optional.of(at) : Optional.empty();
    }
}
