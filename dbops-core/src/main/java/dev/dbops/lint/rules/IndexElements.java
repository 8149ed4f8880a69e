package dev.dbops.lint.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the elements of an index as the model keeps them: a lone column as its resolved name
 * ({@code created_at}, {@code UserId} for {@code "UserId"}), anything longer as written
 * ({@code created_at DESC}, {@code email text_pattern_ops}, {@code (customer_id)}, {@code lower(email)}).
 */
final class IndexElements {

    private IndexElements() {
    }

    /**
     * The column an element indexes, as PostgreSQL resolves it (unquoted names folded to lower case),
     * when the element is a plain column and not an expression. Like PostgreSQL, a column in
     * parentheses, {@code (customer_id)}, counts as the column.
     */
    static Optional<String> column(String element) {
        if (isResolvedName(element)) {
            return Optional.of(element);
        }
        return columnAsWritten(element.strip());
    }

    private static Optional<String> columnAsWritten(String text) {
        if (text.startsWith("(")) {
            int close = matchingParenthesis(text, 0);
            if (close < 0) {
                return Optional.empty();
            }
            String inner = text.substring(1, close).strip();
            return isOnlyIdentifier(inner) ? columnAsWritten(inner) : Optional.empty();
        }
        Identifier identifier = identifier(text);
        if (identifier == null) {
            return Optional.empty();
        }
        String rest = text.substring(identifier.end).strip();
        if (rest.startsWith("(") || rest.startsWith(".")) {
            return Optional.empty();
        }
        return Optional.of(identifier.name);
    }

    /** The plain columns the elements start with, stopping at the first expression. */
    static List<String> leadingColumns(List<String> elements) {
        List<String> columns = new ArrayList<>();
        for (String element : elements) {
            Optional<String> column = column(element);
            if (column.isEmpty()) {
                break;
            }
            columns.add(column.get());
        }
        return List.copyOf(columns);
    }

    /**
     * The word PostgreSQL puts into a generated index name for this element: the column, the name of the
     * function an expression calls, or {@code expr}.
     */
    static String nameOf(String element) {
        Optional<String> column = column(element);
        if (column.isPresent()) {
            return column.get();
        }
        String text = element.strip();
        while (text.startsWith("(")) {
            int close = matchingParenthesis(text, 0);
            if (close < 0) {
                break;
            }
            text = text.substring(1, close).strip();
        }
        Identifier identifier = identifier(text);
        while (identifier != null) {
            String rest = text.substring(identifier.end).strip();
            if (rest.startsWith("(")) {
                return identifier.name;
            }
            if (!rest.startsWith(".")) {
                break;
            }
            text = rest.substring(1).strip();
            identifier = identifier(text);
        }
        return "expr";
    }

    /**
     * Whether the element is a name the parser already resolved: a column written as one token is kept as
     * its value (unquoted and case-folded), everything else as written.
     */
    private static boolean isResolvedName(String element) {
        if (element.isEmpty()) {
            return false;
        }
        for (int i = 0; i < element.length(); i++) {
            char c = element.charAt(i);
            if (Character.isWhitespace(c) || c == '(' || c == ')' || c == '"' || c == ':' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    private static boolean isOnlyIdentifier(String text) {
        String stripped = text.strip();
        Identifier identifier = identifier(stripped);
        return identifier != null && stripped.substring(identifier.end).isBlank();
    }

    private static Identifier identifier(String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (text.charAt(0) == '"') {
            StringBuilder name = new StringBuilder();
            int i = 1;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        name.append('"');
                        i += 2;
                        continue;
                    }
                    return new Identifier(name.toString(), i + 1);
                }
                name.append(c);
                i++;
            }
            return null;
        }
        char first = text.charAt(0);
        if (!(Character.isLetter(first) || first == '_')) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$')) {
                break;
            }
            name.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
            i++;
        }
        return new Identifier(name.toString(), i);
    }

    private static int matchingParenthesis(String text, int open) {
        int depth = 0;
        boolean inString = false;
        boolean inIdentifier = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                inString = c != '\'';
            } else if (inIdentifier) {
                inIdentifier = c != '"';
            } else if (c == '\'') {
                inString = true;
            } else if (c == '"') {
                inIdentifier = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private record Identifier(String name, int end) {
    }
}
