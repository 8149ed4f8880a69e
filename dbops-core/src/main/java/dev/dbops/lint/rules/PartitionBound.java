package dev.dbops.lint.rules;

import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A partition bound as written ({@code FOR VALUES FROM (…) TO (…)}, {@code FOR VALUES IN (…)},
 * {@code FOR VALUES WITH (…)} or {@code DEFAULT}), read from its tokens: its exact text, the constants
 * it names, and for one-column range and list bounds the {@code CHECK} condition that proves it, so that
 * {@code ATTACH PARTITION} can skip its scan.
 *
 * @param text the bound exactly as written
 * @param kind which form of bound it is
 * @param from the values after {@code FROM}, as written
 * @param to the values after {@code TO}, as written
 * @param in the values after {@code IN}, as written
 * @param constants the decoded string and number constants of the bound
 * @param end the index of the bound's last token in the statement it was read from
 */
record PartitionBound(String text, Kind kind, List<String> from, List<String> to, List<String> in,
        List<String> constants, int end) {

    /** The forms of a partition bound. */
    enum Kind {
        RANGE, LIST, HASH, DEFAULT
    }

    /** Copies the lists. */
    PartitionBound {
        from = List.copyOf(from);
        to = List.copyOf(to);
        in = List.copyOf(in);
        constants = List.copyOf(constants);
    }

    /** Reads a bound given as text, e.g. the bound of an {@code ATTACH PARTITION} subcommand. */
    static Optional<PartitionBound> parse(String bound) {
        List<SqlStatement> statements = SqlScript.parse(bound).statements();
        if (statements.size() != 1) {
            return Optional.empty();
        }
        return read(statements.get(0), 0);
    }

    /** Reads the bound that starts at token {@code index} of {@code source} ({@code FOR}, or {@code DEFAULT}). */
    static Optional<PartitionBound> read(SqlStatement source, int index) {
        List<Token> tokens = source.tokens();
        if (index < 0 || index >= tokens.size()) {
            return Optional.empty();
        }
        if (tokens.get(index).is("default")) {
            return Optional.of(new PartitionBound(ClauseReader.text(source, index, index), Kind.DEFAULT, List.of(),
                    List.of(), List.of(), List.of(), index));
        }
        int at = index;
        if (tokens.get(at).is("for") && at + 1 < tokens.size() && tokens.get(at + 1).is("values")) {
            at += 2;
        }
        if (at + 1 >= tokens.size()) {
            return Optional.empty();
        }
        Token form = tokens.get(at);
        int close = ClauseReader.closingParenthesis(tokens, at + 1);
        if (close < 0) {
            return Optional.empty();
        }
        List<String> constants = new ArrayList<>();
        if (form.is("from")) {
            List<String> from = values(source, at + 1, close, constants);
            int toOpen = close + 2;
            int toClose = close + 1 < tokens.size() && tokens.get(close + 1).is("to")
                    ? ClauseReader.closingParenthesis(tokens, toOpen) : -1;
            if (toClose < 0) {
                return Optional.empty();
            }
            List<String> to = values(source, toOpen, toClose, constants);
            return Optional.of(new PartitionBound(ClauseReader.text(source, index, toClose), Kind.RANGE, from, to,
                    List.of(), constants, toClose));
        }
        if (form.is("in")) {
            List<String> in = values(source, at + 1, close, constants);
            return Optional.of(new PartitionBound(ClauseReader.text(source, index, close), Kind.LIST, List.of(),
                    List.of(), in, constants, close));
        }
        if (form.is("with")) {
            values(source, at + 1, close, constants);
            return Optional.of(new PartitionBound(ClauseReader.text(source, index, close), Kind.HASH, List.of(),
                    List.of(), List.of(), constants, close));
        }
        return Optional.empty();
    }

    /**
     * The {@code CHECK} condition on {@code key} (a column as SQL) that proves this bound to PostgreSQL, for
     * one-column range and list bounds; it includes {@code key IS NOT NULL}, without which PostgreSQL cannot
     * prove a range or list bound on a nullable column and scans anyway.
     */
    Optional<String> checkCondition(String key) {
        if (kind == Kind.RANGE && from.size() == 1 && to.size() == 1) {
            StringBuilder condition = new StringBuilder(key).append(" IS NOT NULL");
            if (!isWord(from.get(0), "minvalue")) {
                condition.append(" AND ").append(key).append(" >= ").append(from.get(0));
            }
            if (!isWord(to.get(0), "maxvalue")) {
                condition.append(" AND ").append(key).append(" < ").append(to.get(0));
            }
            return Optional.of(condition.toString());
        }
        if (kind == Kind.LIST && !in.isEmpty() && in.stream().noneMatch(value -> isWord(value, "null"))) {
            return Optional.of(key + " IS NOT NULL AND " + key + " IN (" + String.join(", ", in) + ")");
        }
        return Optional.empty();
    }

    /**
     * The partition key column, as SQL, of a {@code PARTITION BY} clause such as {@code RANGE (created_at)},
     * when the key is one plain column (not an expression, not several columns).
     */
    static Optional<String> singleKeyColumn(String partitionBy) {
        List<SqlStatement> statements = SqlScript.parse(partitionBy).statements();
        if (statements.size() != 1) {
            return Optional.empty();
        }
        List<Token> tokens = statements.get(0).tokens();
        int open = 0;
        while (open < tokens.size() && !tokens.get(open).isPunctuation("(")) {
            open++;
        }
        boolean oneColumn = open + 2 < tokens.size() && ClauseReader.isIdentifier(tokens.get(open + 1))
                && tokens.get(open + 2).isPunctuation(")") && open + 3 == tokens.size();
        return oneColumn ? Optional.of(MaintenanceWording.identifier(tokens.get(open + 1).value())) : Optional.empty();
    }

    private static boolean isWord(String value, String word) {
        return value.strip().equalsIgnoreCase(word);
    }

    private static List<String> values(SqlStatement source, int open, int close, List<String> constants) {
        List<Token> tokens = source.tokens();
        List<String> values = new ArrayList<>();
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i <= close; i++) {
            Token token = tokens.get(i);
            if (token.kind() == TokenKind.STRING || token.kind() == TokenKind.NUMBER) {
                constants.add(token.value());
            }
            if (token.isPunctuation("(")) {
                depth++;
            } else if (token.isPunctuation(")") && depth > 0) {
                depth--;
            } else if ((token.isPunctuation(",") && depth == 0) || i == close) {
                if (i > start) {
                    values.add(ClauseReader.text(source, start, i - 1));
                }
                start = i + 1;
            }
        }
        return values;
    }
}
