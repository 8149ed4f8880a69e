package dev.dbops.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * Renders the most common partial-index predicates from their stored node tree, as
 * {@code pg_get_expr} would: a boolean column ({@code WHERE active}), {@code IS [NOT] NULL} on a
 * column, and {@code AND}, {@code OR} and {@code NOT} of those, fully parenthesised the way the
 * server's deparser does without pretty-printing. Anything else (operators, constants, functions,
 * casts) is left to the server: {@link #render} is then empty.
 *
 * <p>The server can render a predicate only with the table as context, which makes it open the
 * table and build its relcache entry; for a catalog with thousands of partial indexes that is most
 * of the cost of reading the indexes. The node text names columns by number, so this needs only the
 * column names the inspector reads anyway.
 */
final class SimplePredicate {

    /** Built-in types below this are never row types, so {@code IS NULL} on them prints as such. */
    private static final long FIRST_USER_OID = 16384;

    private final String text;
    private int position;

    private SimplePredicate(String text) {
        this.text = text;
    }

    /**
     * The predicate as {@code pg_get_expr} renders it, or empty when it has any other shape.
     *
     * @param nodeText the predicate as stored ({@code pg_index.indpred::text})
     * @param columnName the name of the table's column by attribute number; null when unknown
     */
    static Optional<String> render(String nodeText, IntFunction<String> columnName, ServerQuoting quoting) {
        // Strings, constants and escapes only occur in nodes this class does not render anyway.
        if (nodeText.indexOf('"') >= 0 || nodeText.indexOf('[') >= 0 || nodeText.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        try {
            if (nodeText.startsWith("{VAR ") && nodeText.indexOf('{', 1) < 0) {
                // The most common predicate, WHERE active, without building the tree.
                return Optional.ofNullable(bareColumn(nodeText, columnName, quoting));
            }
            SimplePredicate parser = new SimplePredicate(nodeText);
            Object tree = parser.value();
            parser.skipSpace();
            if (parser.position != nodeText.length()) {
                return Optional.empty();
            }
            return Optional.ofNullable(expression(tree, columnName, quoting));
        } catch (IllegalStateException | IndexOutOfBoundsException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** {@code {VAR :varno 1 :varattno 8 … :varlevelsup 0 …}} read field by field, as {@link #column} reads it. */
    private static String bareColumn(String var, IntFunction<String> columnName, ServerQuoting quoting) {
        if (!"1".equals(plainField(var, ":varno ")) || !"0".equals(plainField(var, ":varlevelsup "))) {
            return null;
        }
        String attno = plainField(var, ":varattno ");
        int number = attno == null ? 0 : Integer.parseInt(attno);
        String name = number > 0 ? columnName.apply(number) : null;
        return name == null ? null : quoting.identifier(name);
    }

    /** The token after {@code key}, or null when the key is missing. */
    private static String plainField(String node, String key) {
        int start = node.indexOf(key);
        if (start < 0) {
            return null;
        }
        start += key.length();
        int end = start;
        while (end < node.length() && "{}() \t\n".indexOf(node.charAt(end)) < 0) {
            end++;
        }
        return node.substring(start, end);
    }

    private static String expression(Object value, IntFunction<String> columnName, ServerQuoting quoting) {
        if (!(value instanceof Node node)) {
            return null;
        }
        return switch (node.name()) {
            case "VAR" -> column(node, columnName, quoting);
            case "BOOLEXPR" -> bool(node, columnName, quoting);
            case "NULLTEST" -> nullTest(node, columnName, quoting);
            default -> null;
        };
    }

    private static String column(Node var, IntFunction<String> columnName, ServerQuoting quoting) {
        if (!"1".equals(var.field("varno")) || !"0".equals(var.field("varlevelsup"))) {
            return null;
        }
        int attno = Integer.parseInt(var.field("varattno"));
        String name = attno > 0 ? columnName.apply(attno) : null;
        return name == null ? null : quoting.identifier(name);
    }

    private static String bool(Node node, IntFunction<String> columnName, ServerQuoting quoting) {
        if (!(node.fields().get("args") instanceof List<?> args) || args.isEmpty()) {
            return null;
        }
        List<String> operands = new ArrayList<>();
        for (Object arg : args) {
            String operand = expression(arg, columnName, quoting);
            if (operand == null) {
                return null;
            }
            operands.add(operand);
        }
        return switch (String.valueOf(node.field("boolop"))) {
            case "and" -> operands.size() < 2 ? null : "(" + String.join(" AND ", operands) + ")";
            case "or" -> operands.size() < 2 ? null : "(" + String.join(" OR ", operands) + ")";
            case "not" -> operands.size() != 1 ? null : "(NOT " + operands.get(0) + ")";
            default -> null;
        };
    }

    /** {@code IS NULL} prints as such unless a row-typed argument is tested as a scalar. */
    private static String nullTest(Node node, IntFunction<String> columnName, ServerQuoting quoting) {
        if (!(node.fields().get("arg") instanceof Node var) || !"VAR".equals(var.name())) {
            return null;
        }
        boolean rowTest = "true".equals(node.field("argisrow"));
        if (!rowTest && Long.parseLong(var.field("vartype")) >= FIRST_USER_OID) {
            return null;
        }
        String operand = column(var, columnName, quoting);
        String test = switch (String.valueOf(node.field("nulltesttype"))) {
            case "0" -> " IS NULL";
            case "1" -> " IS NOT NULL";
            default -> null;
        };
        return operand == null || test == null ? null : "(" + operand + test + ")";
    }

    /** A node of the tree: {@code {NAME :field value …}}. */
    private record Node(String name, Map<String, Object> fields) {
        String field(String key) {
            Object value = fields.get(key);
            if (!(value instanceof String text)) {
                throw new IllegalStateException("field " + key + " of " + name + " is not a plain token");
            }
            return text;
        }
    }

    /** A value: a node, a list {@code (…)}, {@code <>} (null) or a plain token. */
    private Object value() {
        skipSpace();
        char c = text.charAt(position);
        if (c == '{') {
            position++;
            String name = token();
            Map<String, Object> fields = new HashMap<>();
            while (true) {
                skipSpace();
                if (text.charAt(position) == '}') {
                    position++;
                    return new Node(name, fields);
                }
                String field = token();
                if (!field.startsWith(":")) {
                    throw new IllegalStateException("expected a field name at " + position);
                }
                fields.put(field.substring(1), value());
            }
        }
        if (c == '(') {
            position++;
            List<Object> items = new ArrayList<>();
            while (true) {
                skipSpace();
                if (text.charAt(position) == ')') {
                    position++;
                    return items;
                }
                items.add(value());
            }
        }
        if (text.startsWith("<>", position)) {
            position += 2;
            return null;
        }
        return token();
    }

    private String token() {
        skipSpace();
        int start = position;
        while (position < text.length() && "{}() \t\n".indexOf(text.charAt(position)) < 0) {
            position++;
        }
        if (start == position) {
            throw new IllegalStateException("expected a token at " + position);
        }
        return text.substring(start, position);
    }

    private void skipSpace() {
        while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
            position++;
        }
    }
}
