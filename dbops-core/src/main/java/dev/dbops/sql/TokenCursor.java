package dev.dbops.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A position in one statement's tokens with the small vocabulary the parsers need: look ahead for key
 * words, consume them, read names, and capture balanced spans as {@link Expression}s. Parsers never
 * throw on bad SQL: they ask {@link #fail} for a reason and return {@code Statement.Unparsed}.
 */
final class TokenCursor {

    private final SqlStatement statement;
    private final List<Token> tokens;
    private int position;

    TokenCursor(SqlStatement statement) {
        this.statement = statement;
        this.tokens = statement.tokens();
    }

    SqlStatement statement() {
        return statement;
    }

    int position() {
        return position;
    }

    void reset(int to) {
        position = to;
    }

    boolean atEnd() {
        return position >= tokens.size();
    }

    Optional<Token> peek() {
        return peek(0);
    }

    Optional<Token> peek(int ahead) {
        int index = position + ahead;
        return index < tokens.size() ? Optional.of(tokens.get(index)) : Optional.empty();
    }

    /** Whether the next tokens are the given key words, in order (case-insensitive). */
    boolean peekWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            int index = position + i;
            if (index >= tokens.size() || !tokens.get(index).is(words[i])) {
                return false;
            }
        }
        return true;
    }

    boolean peekPunctuation(String punctuation) {
        return position < tokens.size() && tokens.get(position).isPunctuation(punctuation);
    }

    /** Consumes the given key words if they come next, in order; otherwise consumes nothing. */
    boolean accept(String... words) {
        if (peekWords(words)) {
            position += words.length;
            return true;
        }
        return false;
    }

    boolean acceptPunctuation(String punctuation) {
        if (peekPunctuation(punctuation)) {
            position++;
            return true;
        }
        return false;
    }

    Token next() {
        return tokens.get(position++);
    }

    /** Whether the next token can be a name: an unquoted word or a quoted identifier. */
    boolean peekName() {
        return position < tokens.size() && isName(tokens.get(position));
    }

    /** Reads one identifier (folded as PostgreSQL folds it), or nothing when the next token is not one. */
    Optional<String> name() {
        if (!peekName()) {
            return Optional.empty();
        }
        return Optional.of(next().value());
    }

    /** Reads {@code name} or {@code schema.name}; {@code database.schema.name} keeps the last two parts. */
    Optional<QualifiedName> qualifiedName() {
        List<String> parts = new ArrayList<>(3);
        Optional<String> first = name();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        parts.add(first.get());
        while (peekPunctuation(".") && peek(1).filter(TokenCursor::isName).isPresent()) {
            position++;
            parts.add(next().value());
        }
        int size = parts.size();
        return Optional.of(size == 1 ? QualifiedName.of(parts.get(0))
                : QualifiedName.of(parts.get(size - 2), parts.get(size - 1)));
    }

    /** Reads a comma-separated list of qualified names (at least one). */
    List<QualifiedName> qualifiedNames() {
        List<QualifiedName> names = new ArrayList<>();
        do {
            accept("only");
            qualifiedName().ifPresent(names::add);
            acceptPunctuation("*");
        } while (acceptPunctuation(","));
        return names;
    }

    /** Reads {@code (a, b, c)} as a list of names; empty when no parenthesis follows. */
    List<String> nameList() {
        List<String> names = new ArrayList<>();
        if (!acceptPunctuation("(")) {
            return names;
        }
        while (!atEnd() && !peekPunctuation(")")) {
            int start = position;
            Expression element = until(",", ")");
            if (element.tokens().size() == 1 && isName(element.tokens().get(0))) {
                names.add(element.tokens().get(0).value());
            } else if (position == start) {
                position++;
            } else {
                names.add(element.text());
            }
            acceptPunctuation(",");
        }
        acceptPunctuation(")");
        return names;
    }

    /**
     * Captures tokens up to (not including) the first of {@code stops} at parenthesis depth zero: each
     * stop is a punctuation mark like {@code ","} or a lower-case key word like {@code "using"}.
     */
    Expression until(String... stops) {
        int start = position;
        int depth = 0;
        while (position < tokens.size()) {
            Token token = tokens.get(position);
            if (depth == 0 && isStop(token, stops)) {
                break;
            }
            if (token.isPunctuation("(") || token.isPunctuation("[")) {
                depth++;
            } else if (token.isPunctuation(")") || token.isPunctuation("]")) {
                if (depth == 0) {
                    break;
                }
                depth--;
            }
            position++;
        }
        return expression(start, position);
    }

    /** Captures a parenthesised span, parentheses excluded; empty when no parenthesis follows. */
    Optional<Expression> parenthesized() {
        if (!acceptPunctuation("(")) {
            return Optional.empty();
        }
        Expression inner = until(")");
        acceptPunctuation(")");
        return Optional.of(inner);
    }

    /** The rest of the statement as an expression. */
    Expression rest() {
        int start = position;
        position = tokens.size();
        return expression(start, position);
    }

    Expression expression(int from, int to) {
        if (from >= to) {
            return new Expression("", List.of());
        }
        return new Expression(text(from, to), tokens.subList(from, to));
    }

    /** The source text from token {@code from} to just after token {@code to - 1}. */
    String text(int from, int to) {
        if (from >= to) {
            return "";
        }
        int base = statement.start().offset();
        return statement.text().substring(tokens.get(from).start() - base, tokens.get(to - 1).end() - base);
    }

    /** Whether any remaining token (at any depth) is the given key word. */
    boolean remainingContains(String word) {
        for (int i = position; i < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a remaining token outside parentheses is the given key word. */
    boolean remainingContainsAtTopLevel(String word) {
        int depth = 0;
        for (int i = position; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunctuation("(")) {
                depth++;
            } else if (token.isPunctuation(")")) {
                depth--;
            } else if (depth == 0 && token.is(word)) {
                return true;
            }
        }
        return false;
    }

    /** Consumes tokens up to the next comma at depth zero (or the end), for subcommands dbops skips. */
    void skipToComma() {
        until(",");
    }

    /** Upper-case key words of the next {@code count} word tokens, for {@code Other} descriptions. */
    String keywords(int from, int count) {
        StringBuilder words = new StringBuilder();
        for (int i = from; i < tokens.size() && i < from + count && tokens.get(i).kind() == TokenKind.WORD; i++) {
            words.append(words.isEmpty() ? "" : " ").append(tokens.get(i).value().toUpperCase(Locale.ROOT));
        }
        return words.toString();
    }

    /** A reason for {@code Unparsed} that names what was expected and where. */
    String fail(String expected) {
        if (atEnd()) {
            return "expected " + expected + " but the statement ended";
        }
        Token token = tokens.get(position);
        return "expected " + expected + " at " + token.line() + ":" + token.column() + " but found '" + token.text()
                + "'";
    }

    static boolean isName(Token token) {
        return token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER;
    }

    private static boolean isStop(Token token, String[] stops) {
        for (String stop : stops) {
            if (token.isPunctuation(stop) || token.is(stop)) {
                return true;
            }
        }
        return false;
    }
}
