package dev.dbops.trace.seed;

import dev.dbops.trace.seed.CheckExpression.ArrayOf;
import dev.dbops.trace.seed.CheckExpression.Binary;
import dev.dbops.trace.seed.CheckExpression.Call;
import dev.dbops.trace.seed.CheckExpression.Column;
import dev.dbops.trace.seed.CheckExpression.Constant;
import dev.dbops.trace.seed.CheckExpression.Junction;
import dev.dbops.trace.seed.CheckExpression.Node;
import dev.dbops.trace.seed.CheckExpression.Not;
import dev.dbops.trace.seed.CheckExpression.NullTest;
import dev.dbops.trace.seed.CheckExpression.Quantified;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a CHECK constraint into {@link ColumnRules} when it is simple: a conjunction of conditions on
 * one column each — a comparison with a constant ({@code price > 0}, {@code d < '2021-01-01'}), a
 * list ({@code kind IN ('a', 'b')}, {@code o = 4 OR o = 5}), an exclusion ({@code name <> ''}), a
 * length ({@code length(code) BETWEEN 2 AND 5}), {@code IS NOT NULL}, or a boolean column itself; and
 * orderings of two columns ({@code starts_at < ends_at}).
 * Anything else is complex and reported.
 */
final class CheckRules {

    private static final Set<String> LENGTH_FUNCTIONS = Set.of("length", "char_length", "character_length",
            "octet_length");
    private static final Set<String> NULL_AWARE = Set.of("coalesce", "num_nulls", "num_nonnulls", "nullif");

    /** What a check requires, when it is simple: rules per column, and orderings between two columns. */
    record Parsed(Map<String, ColumnRules> rules, List<Order> orders) {
    }

    /** {@code lesser < greater} ({@code strict}) or {@code lesser <= greater}, between two columns. */
    record Order(String lesser, String greater, boolean strict) {
    }

    private final Map<String, ColumnRules> rules = new LinkedHashMap<>();
    private final List<Order> orders = new ArrayList<>();

    private CheckRules() {
    }

    /**
     * The rules of a simple check, by column; empty when the check is not simple.
     *
     * @param columns the names that denote columns ({@code value} for a domain)
     */
    static Optional<Parsed> parse(String definition, Set<String> columns) {
        Optional<Node> tree = CheckExpression.parse(definition, columns);
        if (tree.isEmpty()) {
            return Optional.empty();
        }
        CheckRules reader = new CheckRules();
        return reader.conjunct(tree.get())
                ? Optional.of(new Parsed(Map.copyOf(reader.rules), List.copyOf(reader.orders)))
                : Optional.empty();
    }

    /**
     * Whether a check can hold for a row with a NULL in it through something other than NULL
     * propagation ({@code IS NULL}, {@code coalesce}, {@code num_nonnulls}…), so that leaving its
     * columns NULL is not a safe way around it.
     */
    static boolean nullAware(String definition, Set<String> columns) {
        Optional<Node> tree = CheckExpression.parse(definition, columns);
        return tree.isEmpty() || nullAware(tree.get());
    }

    private static boolean nullAware(Node node) {
        if (node instanceof NullTest) {
            return true;
        }
        if (node instanceof Call call) {
            return NULL_AWARE.contains(call.function()) || call.arguments().stream().anyMatch(CheckRules::nullAware);
        }
        if (node instanceof Binary binary) {
            return nullAware(binary.left()) || nullAware(binary.right());
        }
        if (node instanceof Quantified quantified) {
            return nullAware(quantified.left()) || nullAware(quantified.array());
        }
        if (node instanceof ArrayOf array) {
            return array.elements().stream().anyMatch(CheckRules::nullAware);
        }
        if (node instanceof Not not) {
            return nullAware(not.operand());
        }
        if (node instanceof Junction junction) {
            return junction.operands().stream().anyMatch(CheckRules::nullAware);
        }
        return false;
    }

    private boolean conjunct(Node node) {
        if (node instanceof Junction junction && junction.conjunction()) {
            return junction.operands().stream().allMatch(this::conjunct);
        }
        if (node instanceof Junction junction) {
            return disjunction(junction.operands());
        }
        if (node instanceof Column column) {
            return put(column.name(), rule(column.name()).withAllowed(List.of("true")));
        }
        if (node instanceof Not not && not.operand() instanceof Column column) {
            return put(column.name(), rule(column.name()).withAllowed(List.of("false")));
        }
        if (node instanceof Not not && not.operand() instanceof Binary binary) {
            Optional<String> negated = negate(binary.operator());
            return negated.isPresent() && conjunct(new Binary(negated.get(), binary.left(), binary.right()));
        }
        if (node instanceof NullTest test && test.notNull() && test.operand() instanceof Column column) {
            return put(column.name(), rule(column.name()).withNotNull());
        }
        if (node instanceof Quantified quantified) {
            return quantified(quantified);
        }
        if (node instanceof Binary binary) {
            return binary(binary);
        }
        return false;
    }

    /** {@code c = 1 OR c = 2 OR c IN (…)} on one column: a list of allowed values. */
    private boolean disjunction(List<Node> operands) {
        String column = null;
        List<String> values = new ArrayList<>();
        for (Node operand : operands) {
            CheckRules single = new CheckRules();
            if (!single.conjunct(operand) || single.rules.size() != 1 || !single.orders.isEmpty()) {
                return false;
            }
            Map.Entry<String, ColumnRules> entry = single.rules.entrySet().iterator().next();
            ColumnRules rule = entry.getValue();
            if (column != null && !column.equals(entry.getKey()) || rule.allowed().isEmpty()
                    || !rule.lower().isEmpty() || !rule.upper().isEmpty() || !rule.excluded().isEmpty()) {
                return false;
            }
            column = entry.getKey();
            values.addAll(rule.allowed().get());
        }
        return put(column, rule(column).withAllowed(values));
    }

    private boolean quantified(Quantified node) {
        if (!(node.left() instanceof Column column) || !(node.array() instanceof ArrayOf array)) {
            return false;
        }
        List<String> values = new ArrayList<>();
        for (Node element : array.elements()) {
            if (!(element instanceof Constant constant)) {
                return false;
            }
            values.add(constant.text());
        }
        if (node.operator().equals("=") && !node.all()) {
            return put(column.name(), rule(column.name()).withAllowed(values));
        }
        if ((node.operator().equals("<>") || node.operator().equals("!=")) && node.all()) {
            ColumnRules rule = rule(column.name());
            for (String value : values) {
                rule = rule.withExcluded(value);
            }
            return put(column.name(), rule);
        }
        return false;
    }

    private boolean binary(Binary node) {
        if (node.left() instanceof Constant && !(node.right() instanceof Constant)) {
            Optional<String> flipped = flip(node.operator());
            return flipped.isPresent() && binary(new Binary(flipped.get(), node.right(), node.left()));
        }
        if (node.left() instanceof Column left && node.right() instanceof Column right) {
            return order(left.name(), node.operator(), right.name());
        }
        if (!(node.right() instanceof Constant constant)) {
            return false;
        }
        String value = constant.text();
        if (node.left() instanceof Call call && LENGTH_FUNCTIONS.contains(call.function())
                && call.arguments().size() == 1 && call.arguments().get(0) instanceof Column column) {
            return length(column.name(), node.operator(), value);
        }
        if (!(node.left() instanceof Column column)) {
            return false;
        }
        ColumnRules rule = rule(column.name());
        return switch (node.operator()) {
            case "=" -> put(column.name(), rule.withAllowed(List.of(value)));
            case "<>", "!=" -> put(column.name(), rule.withExcluded(value));
            case ">" -> put(column.name(), rule.withLower(value, false));
            case ">=" -> put(column.name(), rule.withLower(value, true));
            case "<" -> put(column.name(), rule.withUpper(value, false));
            case "<=" -> put(column.name(), rule.withUpper(value, true));
            default -> false;
        };
    }

    private boolean order(String left, String operator, String right) {
        Order order = switch (operator) {
            case "<" -> new Order(left, right, true);
            case "<=" -> new Order(left, right, false);
            case ">" -> new Order(right, left, true);
            case ">=" -> new Order(right, left, false);
            default -> null;
        };
        if (order == null || left.equals(right)) {
            return false;
        }
        orders.add(order);
        return true;
    }

    private boolean length(String column, String operator, String value) {
        int length;
        try {
            length = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        ColumnRules rule = rule(column);
        return switch (operator) {
            case "=" -> put(column, rule.withMinLength(length).withMaxLength(length));
            case ">" -> put(column, rule.withMinLength(length + 1));
            case ">=" -> put(column, rule.withMinLength(length));
            case "<" -> put(column, rule.withMaxLength(length - 1));
            case "<=" -> put(column, rule.withMaxLength(length));
            default -> false;
        };
    }

    private ColumnRules rule(String column) {
        return rules.getOrDefault(column, ColumnRules.NONE);
    }

    private boolean put(String column, ColumnRules rule) {
        rules.put(column, rule);
        return true;
    }

    private static Optional<String> flip(String operator) {
        return Optional.ofNullable(switch (operator) {
            case "=", "<>", "!=" -> operator;
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> null;
        });
    }

    private static Optional<String> negate(String operator) {
        return Optional.ofNullable(switch (operator) {
            case "=" -> "<>";
            case "<>", "!=" -> "=";
            case "<" -> ">=";
            case "<=" -> ">";
            case ">" -> "<=";
            case ">=" -> "<";
            default -> null;
        });
    }
}
