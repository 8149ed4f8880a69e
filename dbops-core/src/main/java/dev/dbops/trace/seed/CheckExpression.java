package dev.dbops.trace.seed;

import dev.dbops.sql.SqlLexer;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A CHECK expression as {@code pg_get_constraintdef} prints it, read into a small tree: boolean
 * operators, comparisons, {@code IS [NOT] NULL}, {@code = ANY (ARRAY[…])}, function calls, columns and
 * constants. Casts are dropped (a literal is read in the column's own type later), so
 * {@code (price > (0)::numeric)} reads as {@code price > 0}. Anything else makes {@link #parse} empty.
 */
final class CheckExpression {

    /** A node of the expression tree. */
    sealed interface Node {
    }

    /** A column of the table (or {@code VALUE} in a domain's check). */
    record Column(String name) implements Node {
    }

    /** A constant, as the text it denotes ({@code -5}, {@code 2020-01-01}, {@code true}). */
    record Constant(String text) implements Node {
    }

    /** Any other name, such as {@code CURRENT_DATE}: never simple. */
    record Other(String text) implements Node {
    }

    record Call(String function, List<Node> arguments) implements Node {
    }

    record Binary(String operator, Node left, Node right) implements Node {
    }

    /** {@code left op ANY (array)} or, when {@code all}, {@code left op ALL (array)}. */
    record Quantified(String operator, boolean all, Node left, Node array) implements Node {
    }

    record ArrayOf(List<Node> elements) implements Node {
    }

    record Not(Node operand) implements Node {
    }

    /** {@code AND} ({@code conjunction}) or {@code OR} of two or more operands. */
    record Junction(boolean conjunction, List<Node> operands) implements Node {
    }

    record NullTest(Node operand, boolean notNull) implements Node {
    }

    private static final Set<String> STOP_WORDS = Set.of("and", "or", "not", "is", "any", "all", "null");

    private final List<Token> tokens;
    private final Set<String> columns;
    private int at;

    private CheckExpression(List<Token> tokens, Set<String> columns) {
        this.tokens = tokens;
        this.columns = columns;
    }

    /**
     * Reads a check definition, {@code CHECK (…)} or just the expression.
     *
     * @param columns the names that denote columns ({@code value} for a domain)
     */
    static Optional<Node> parse(String definition, Set<String> columns) {
        List<Token> tokens = new ArrayList<>();
        for (Token token : SqlLexer.tokenize(definition)) {
            if (token.kind() != TokenKind.COMMENT) {
                tokens.add(token);
            }
        }
        if (!tokens.isEmpty() && tokens.get(0).is("check")) {
            tokens.remove(0);
        }
        int last = tokens.size() - 1;
        while (last >= 0 && (tokens.get(last).is("valid") || tokens.get(last).is("not")
                || tokens.get(last).is("inherit") || tokens.get(last).is("no"))) {
            last--;
        }
        CheckExpression parser = new CheckExpression(tokens.subList(0, last + 1), columns);
        try {
            Node node = parser.or();
            return parser.at == parser.tokens.size() ? Optional.of(node) : Optional.empty();
        } catch (IllegalStateException | IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The column names (of {@code columns}) that occur anywhere in the definition, by their tokens alone. */
    static List<String> mentionedColumns(String definition, Set<String> columns) {
        List<String> found = new ArrayList<>();
        for (Token token : SqlLexer.tokenize(definition)) {
            if ((token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER)
                    && columns.contains(token.value()) && !found.contains(token.value())) {
                found.add(token.value());
            }
        }
        return found;
    }

    private Node or() {
        List<Node> operands = new ArrayList<>(List.of(and()));
        while (at < tokens.size() && peek().is("or")) {
            at++;
            operands.add(and());
        }
        return operands.size() == 1 ? operands.get(0) : new Junction(false, operands);
    }

    private Node and() {
        List<Node> operands = new ArrayList<>(List.of(not()));
        while (at < tokens.size() && peek().is("and")) {
            at++;
            operands.add(not());
        }
        return operands.size() == 1 ? operands.get(0) : new Junction(true, operands);
    }

    private Node not() {
        if (peek().is("not")) {
            at++;
            return new Not(not());
        }
        return comparison();
    }

    private Node comparison() {
        Node left = unary();
        if (at >= tokens.size()) {
            return left;
        }
        Token next = peek();
        if (next.is("is")) {
            at++;
            boolean negated = accept("not");
            expectWord("null");
            return new NullTest(left, negated);
        }
        if (next.kind() == TokenKind.OPERATOR) {
            at++;
            if (peek().is("any") || peek().is("all")) {
                boolean all = next().is("all");
                expectPunctuation("(");
                Node array = or();
                expectPunctuation(")");
                return new Quantified(next.text(), all, left, array);
            }
            return new Binary(next.text(), left, unary());
        }
        return left;
    }

    private Node unary() {
        if (peek().kind() == TokenKind.OPERATOR && (peek().text().equals("-") || peek().text().equals("+"))) {
            String sign = next().text();
            Node operand = unary();
            if (operand instanceof Constant constant) {
                String text = constant.text();
                return new Constant(sign.equals("-") ? (text.startsWith("-") ? text.substring(1) : "-" + text) : text);
            }
            return new Call(sign, List.of(operand));
        }
        return casts(primary());
    }

    private Node casts(Node node) {
        while (at < tokens.size() && peek().isPunctuation("::")) {
            at++;
            typeName();
        }
        return node;
    }

    private void typeName() {
        boolean any = false;
        while (at < tokens.size()) {
            Token token = peek();
            if (token.kind() == TokenKind.QUOTED_IDENTIFIER
                    || token.kind() == TokenKind.WORD && !STOP_WORDS.contains(token.value())) {
                at++;
                any = true;
            } else if (token.isPunctuation(".") && any) {
                at++;
            } else if (token.isPunctuation("(") && any) {
                skipParenthesized();
            } else if (token.isPunctuation("[") && any) {
                at++;
                expectPunctuation("]");
            } else {
                break;
            }
        }
        if (!any) {
            throw new IllegalStateException("a type name was expected after ::");
        }
    }

    private Node primary() {
        Token token = next();
        if (token.isPunctuation("(")) {
            Node inner = or();
            expectPunctuation(")");
            return inner;
        }
        switch (token.kind()) {
            case NUMBER:
                return new Constant(token.text());
            case STRING:
                return new Constant(token.value());
            case QUOTED_IDENTIFIER:
                return reference(token.value());
            case WORD:
                if (token.is("array") && at < tokens.size() && peek().isPunctuation("[")) {
                    at++;
                    return new ArrayOf(list("]"));
                }
                if (token.is("true") || token.is("false")) {
                    return new Constant(token.value());
                }
                if (at < tokens.size() && peek().isPunctuation("(")) {
                    at++;
                    return new Call(token.value(), list(")"));
                }
                return reference(token.value());
            default:
                throw new IllegalStateException("unexpected " + token.text());
        }
    }

    private Node reference(String name) {
        return columns.contains(name) ? new Column(name) : new Other(name);
    }

    private List<Node> list(String close) {
        List<Node> items = new ArrayList<>();
        if (accept(close)) {
            return items;
        }
        do {
            items.add(or());
        } while (accept(","));
        expectPunctuation(close);
        return items;
    }

    private void skipParenthesized() {
        int depth = 0;
        do {
            Token token = next();
            depth += token.isPunctuation("(") ? 1 : token.isPunctuation(")") ? -1 : 0;
        } while (depth > 0);
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        return tokens.get(at++);
    }

    private boolean accept(String wordOrPunctuation) {
        if (at < tokens.size() && (peek().is(wordOrPunctuation) || peek().isPunctuation(wordOrPunctuation))) {
            at++;
            return true;
        }
        return false;
    }

    private void expectWord(String word) {
        if (!next().is(word)) {
            throw new IllegalStateException("expected " + word);
        }
    }

    private void expectPunctuation(String punctuation) {
        if (!next().isPunctuation(punctuation)) {
            throw new IllegalStateException("expected " + punctuation);
        }
    }
}
