package dev.dbops.lint.rules;

import dev.dbops.sql.Expression;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What the constraint rules need to know about a {@code CHECK} condition, read from its tokens. */
final class CheckExpressions {

    /** Words that are never column names in a condition: operators spelled as words, literals, type words. */
    private static final Set<String> NOT_COLUMNS = Set.of("and", "or", "not", "is", "null", "true", "false", "in",
            "between", "symmetric", "like", "ilike", "similar", "to", "escape", "any", "all", "some", "array", "case",
            "when", "then", "else", "end", "cast", "as", "distinct", "from", "collate", "isnull", "notnull",
            "overlaps", "at", "time", "zone", "with", "without", "interval", "unknown", "current_date",
            "current_time", "current_timestamp", "localtime", "localtimestamp", "current_user", "session_user",
            "user", "value");

    private CheckExpressions() {
    }

    /** Whether the condition names {@code column} (as a column, not as a function). */
    static boolean mentions(Expression condition, String column) {
        List<Token> tokens = condition.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (isIdentifier(tokens.get(i), column) && !calledAt(tokens, i) && !typeAt(tokens, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The columns the condition names, in order of first mention: those of {@code knownColumns} when the
     * table's columns are known, otherwise every word that is not a key word, a function or a type.
     */
    static List<String> columns(Expression condition, List<String> knownColumns) {
        Set<String> found = new LinkedHashSet<>();
        List<Token> tokens = condition.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean word = token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER;
            if (!word || calledAt(tokens, i) || typeAt(tokens, i)) {
                continue;
            }
            String name = token.value();
            if (knownColumns.isEmpty() ? token.kind() == TokenKind.QUOTED_IDENTIFIER || !NOT_COLUMNS.contains(name)
                    : knownColumns.contains(name)) {
                found.add(name);
            }
        }
        return List.copyOf(found);
    }

    /**
     * Whether the condition proves {@code column} is never NULL, the way PostgreSQL 12+ lets a valid CHECK
     * stand in for the NOT NULL scan: {@code column IS NOT NULL} alone or as one operand of a top-level AND.
     */
    static boolean provesNotNull(Expression condition, String column) {
        for (List<Token> conjunct : conjuncts(stripParentheses(condition.tokens()))) {
            List<Token> part = stripParentheses(conjunct);
            if (part.size() == 4 && isIdentifier(part.get(0), column) && part.get(1).is("is")
                    && part.get(2).is("not") && part.get(3).is("null")) {
                return true;
            }
            if (part.size() == 2 && isIdentifier(part.get(0), column) && part.get(1).is("notnull")) {
                return true;
            }
        }
        return false;
    }

    private static List<List<Token>> conjuncts(List<Token> tokens) {
        List<List<Token>> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isPunctuation("(") || token.isPunctuation("[")) {
                depth++;
            } else if (token.isPunctuation(")") || token.isPunctuation("]")) {
                depth--;
            } else if (depth == 0 && token.is("or")) {
                return List.of(tokens);
            } else if (depth == 0 && token.is("and") && !betweenAt(tokens, start, i)) {
                parts.add(tokens.subList(start, i));
                start = i + 1;
            }
        }
        parts.add(tokens.subList(start, tokens.size()));
        return parts;
    }

    private static boolean betweenAt(List<Token> tokens, int from, int to) {
        for (int i = from; i < to; i++) {
            if (tokens.get(i).is("between")) {
                return true;
            }
        }
        return false;
    }

    private static List<Token> stripParentheses(List<Token> tokens) {
        List<Token> current = tokens;
        while (current.size() >= 2 && current.get(0).isPunctuation("(")
                && current.get(current.size() - 1).isPunctuation(")") && closes(current)) {
            current = current.subList(1, current.size() - 1);
        }
        return current;
    }

    private static boolean closes(List<Token> tokens) {
        int depth = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).isPunctuation("(")) {
                depth++;
            } else if (tokens.get(i).isPunctuation(")")) {
                depth--;
                if (depth == 0 && i < tokens.size() - 1) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isIdentifier(Token token, String name) {
        return (token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER)
                && token.value().equals(name);
    }

    private static boolean calledAt(List<Token> tokens, int i) {
        return i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation("(");
    }

    private static boolean typeAt(List<Token> tokens, int i) {
        return i > 0 && tokens.get(i - 1).isPunctuation("::");
    }
}
