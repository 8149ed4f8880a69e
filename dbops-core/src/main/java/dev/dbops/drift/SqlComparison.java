package dev.dbops.drift;

import dev.dbops.sql.SqlLexer;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntUnaryOperator;

/**
 * Tells a formatting-only edit from a content change by comparing SQL token sequences, and lists the
 * statements that changed.
 *
 * <p>Two texts are the same SQL when their tokens, comments left out, are the same: unquoted words
 * compared as PostgreSQL folds them ({@code CREATE} = {@code create}), string constants by their decoded
 * value, and the body of a dollar-quoted constant (a function body) by its own tokens, so reindenting a
 * PL/pgSQL body is formatting too. Whitespace, line breaks and comments are formatting.
 */
final class SqlComparison {

    private static final char SEPARATOR = '\u0001';

    private SqlComparison() {
    }

    /** Whether the two texts hold the same SQL tokens in the same order. */
    static boolean sameTokens(String a, String b) {
        return key(SqlLexer.tokenize(a)).equals(key(SqlLexer.tokenize(b)));
    }

    /**
     * The statements that differ between the text that ran and the file today, in file order.
     *
     * @param fileLine maps a 1-based line of {@code current} to the line of the file it stands on
     */
    static List<StatementChange> statementChanges(String applied, String current, IntUnaryOperator fileLine) {
        List<SqlStatement> before = SqlScript.parse(applied).statements();
        List<SqlStatement> after = SqlScript.parse(current).statements();
        List<String> a = before.stream().map(s -> key(s.tokens())).toList();
        List<String> b = after.stream().map(s -> key(s.tokens())).toList();
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<StatementChange> changes = new ArrayList<>();
        List<SqlStatement> removed = new ArrayList<>();
        List<SqlStatement> added = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                flush(removed, added, j < after.size() ? after.get(j) : null, fileLine, changes);
                i++;
                j++;
            } else if (j < b.size() && (i == a.size() || lcs[i][j + 1] >= lcs[i + 1][j])) {
                added.add(after.get(j++));
            } else {
                removed.add(before.get(i++));
            }
        }
        flush(removed, added, null, fileLine, changes);
        return changes;
    }

    /** Pairs a run of removed statements with the run of added ones at the same place as changes. */
    private static void flush(List<SqlStatement> removed, List<SqlStatement> added, SqlStatement next,
            IntUnaryOperator fileLine, List<StatementChange> changes) {
        int paired = Math.min(removed.size(), added.size());
        for (int k = 0; k < paired; k++) {
            changes.add(new StatementChange(StatementChange.Change.CHANGED, Optional.of(removed.get(k).text()),
                    Optional.of(added.get(k).text()), line(added.get(k), fileLine)));
        }
        for (int k = paired; k < added.size(); k++) {
            changes.add(new StatementChange(StatementChange.Change.ADDED, Optional.empty(),
                    Optional.of(added.get(k).text()), line(added.get(k), fileLine)));
        }
        for (int k = paired; k < removed.size(); k++) {
            changes.add(new StatementChange(StatementChange.Change.REMOVED, Optional.of(removed.get(k).text()),
                    Optional.empty(), next == null ? OptionalInt.empty() : line(next, fileLine)));
        }
        removed.clear();
        added.clear();
    }

    private static OptionalInt line(SqlStatement statement, IntUnaryOperator fileLine) {
        return OptionalInt.of(fileLine.applyAsInt(statement.start().line()));
    }

    private static String key(List<Token> tokens) {
        StringBuilder key = new StringBuilder();
        for (Token token : tokens) {
            if (token.kind() == TokenKind.COMMENT) {
                continue;
            }
            key.append(token.kind().ordinal());
            if (token.kind() == TokenKind.STRING && token.text().startsWith("$")) {
                key.append('[').append(key(SqlLexer.tokenize(token.value()))).append(']');
            } else if (token.kind() == TokenKind.WORD || token.kind() == TokenKind.STRING) {
                key.append(token.value());
            } else {
                key.append(token.text());
            }
            key.append(SEPARATOR);
        }
        return key.toString();
    }
}
