package dev.dbops.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An SQL expression kept as its tokens (a default, a CHECK condition, a USING clause, a WHERE):
 * dbops does not evaluate expressions, but rules look into them, e.g. for volatile function calls.
 *
 * @param text the expression exactly as written
 * @param tokens its tokens, comments excluded
 */
public record Expression(String text, List<Token> tokens) {

    /** Validates the parts and copies the tokens. */
    public Expression {
        Objects.requireNonNull(text, "text");
        tokens = List.copyOf(tokens);
    }

    /**
     * The names of the functions this expression calls, lower case, without schema: every word
     * directly followed by an opening parenthesis.
     */
    public List<String> calledFunctions() {
        ArrayList<String> names = new ArrayList<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            if ((token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER)
                    && tokens.get(i + 1).isPunctuation("(")) {
                names.add(token.value());
            }
        }
        return List.copyOf(names);
    }

    /** Whether the expression is exactly one constant: a string, a number, TRUE/FALSE/NULL, maybe cast. */
    public boolean isConstant() {
        if (tokens.isEmpty()) {
            return false;
        }
        int i = 0;
        if (tokens.get(0).isPunctuation("(") && tokens.get(tokens.size() - 1).isPunctuation(")")) {
            return new Expression(text, tokens.subList(1, tokens.size() - 1)).isConstant();
        }
        if (tokens.get(0).kind() == TokenKind.OPERATOR && tokens.size() > 1) {
            i = 1;
        }
        Token first = tokens.get(i);
        boolean literal = first.kind() == TokenKind.STRING || first.kind() == TokenKind.NUMBER
                || first.is("true") || first.is("false") || first.is("null");
        if (!literal) {
            return false;
        }
        for (int j = i + 1; j < tokens.size(); j++) {
            Token token = tokens.get(j);
            boolean castPart = token.isPunctuation("::") || token.kind() == TokenKind.WORD
                    || token.isPunctuation("(") || token.isPunctuation(")") || token.isPunctuation(",")
                    || token.kind() == TokenKind.NUMBER || token.isPunctuation("[") || token.isPunctuation("]");
            if (!castPart) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
