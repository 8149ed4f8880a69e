package dev.dbops.trace.seed;

import dev.dbops.schema.Schema;
import dev.dbops.schema.Table;
import dev.dbops.sql.SqlLexer;
import dev.dbops.sql.Token;
import dev.dbops.sql.TokenKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where rows of a partitioned table can go: every leaf partition that rows can be routed to, as the
 * conditions its bound (and its ancestors' bounds) puts on the partition key columns. RANGE and LIST
 * partitioning on one plain column are followed down any number of levels; HASH partitioning on
 * anything is accepted when its leaf partitions cover every remainder; a DEFAULT partition of a
 * LIST receives values outside the lists, that of a RANGE only when there is no other partition.
 */
final class PartitionBounds {

    /** Why rows cannot be routed: a finding's kind, subject and message. */
    record Problem(SeedFinding.Kind kind, Optional<String> subject, String message) {
    }

    /** The slot that writes the partition key columns, or why there cannot be one (neither when the server routes any value). */
    record Routing(Optional<PartitionSlot> slot, Optional<Problem> problem) {
    }

    /** The routes, or why rows cannot be routed. */
    record Routes(List<Map<String, ColumnRules>> leaves, Set<String> keyColumns, Optional<String> problem) {
    }

    private final Map<String, List<Table>> children = new HashMap<>();
    private final Set<String> keyColumns = new TreeSet<>();
    private final List<Map<String, ColumnRules>> leaves = new ArrayList<>();
    private String problem;

    private PartitionBounds(Schema schema) {
        for (Table table : schema.tables()) {
            table.partitionOf().ifPresent(p -> children
                    .computeIfAbsent(p.parent().schema() + "\0" + p.parent().name(), k -> new ArrayList<>()).add(table));
        }
    }

    /** The routes into a partitioned table. */
    static Routes of(Schema schema, Table root) {
        PartitionBounds bounds = new PartitionBounds(schema);
        bounds.walk(root, Map.of());
        if (bounds.problem == null && bounds.leaves.isEmpty()) {
            bounds.problem = "it has no partition that rows can be routed to";
        }
        return new Routes(List.copyOf(bounds.leaves), Set.copyOf(bounds.keyColumns), Optional.ofNullable(bounds.problem));
    }

    /**
     * The partition key slot of a partitioned table: for each leaf partition, a generator per key column
     * from the column's rules and the leaf's bounds. Leaves whose bounds contradict the checks are left out.
     */
    static Routing route(Schema schema, Table table, Generators generators, Map<String, ColumnRules> rules,
            Set<String> omitted, long seed) {
        Routes routes = of(schema, table);
        if (routes.problem().isPresent()) {
            return problem(SeedFinding.Kind.PARTITION_NOT_COVERED, Optional.empty(), routes.problem().get());
        }
        List<String> columns = table.columns().stream().map(c -> c.name())
                .filter(c -> routes.keyColumns().contains(c) && !omitted.contains(c)).toList();
        if (columns.isEmpty()) {
            return new Routing(Optional.empty(), Optional.empty());
        }
        List<ValueGenerator[]> leaves = new ArrayList<>();
        for (Map<String, ColumnRules> leaf : routes.leaves()) {
            ValueGenerator[] generated = new ValueGenerator[columns.size()];
            for (int i = 0; i < columns.size() && generated != null; i++) {
                String column = columns.get(i);
                ColumnRules rule = rules.getOrDefault(column, ColumnRules.NONE)
                        .and(leaf.getOrDefault(column, ColumnRules.NONE));
                Generators.Resolution resolution = generators.resolve(table.column(column).orElseThrow().type(),
                        rule, seed ^ column.hashCode());
                if (resolution instanceof Generators.Unsupported unsupported) {
                    return problem(SeedFinding.Kind.UNSUPPORTED_TYPE, Optional.of(column),
                            "no values are generated for the partition key's type " + unsupported.type());
                }
                generated = resolution instanceof Generators.Values values ? fill(generated, i, values.generator())
                        : null;
            }
            if (generated != null) {
                leaves.add(generated);
            }
        }
        if (leaves.isEmpty()) {
            return problem(SeedFinding.Kind.PARTITION_NOT_COVERED, Optional.empty(),
                    "no partition's bounds agree with the checks on " + columns);
        }
        return new Routing(Optional.of(new PartitionSlot(columns, leaves)), Optional.empty());
    }

    private static ValueGenerator[] fill(ValueGenerator[] generators, int index, ValueGenerator generator) {
        generators[index] = generator;
        return generators;
    }

    private static Routing problem(SeedFinding.Kind kind, Optional<String> subject, String message) {
        return new Routing(Optional.empty(), Optional.of(new Problem(kind, subject, message)));
    }

    private void walk(Table table, Map<String, ColumnRules> conditions) {
        if (problem != null) {
            return;
        }
        if (table.partitionKey().isEmpty()) {
            leaves.add(conditions);
            return;
        }
        List<Token> key = tokens(table.partitionKey().get());
        String strategy = key.get(0).value();
        List<Table> parts = children.getOrDefault(table.schema() + "\0" + table.name(), List.of());
        if (strategy.equals("hash")) {
            hash(table, parts, conditions);
            return;
        }
        if (key.size() != 4 || !isName(key.get(2)) || table.column(key.get(2).value()).isEmpty()) {
            problem = table.schema() + "." + table.name() + " is partitioned by " + table.partitionKey().get()
                    + ", and only a single plain column is followed for RANGE and LIST";
            return;
        }
        String column = key.get(2).value();
        keyColumns.add(column);
        List<String> listed = new ArrayList<>();
        List<Table> defaults = new ArrayList<>();
        boolean ranges = false;
        for (Table part : parts) {
            List<Token> bound = tokens(part.partitionOf().get().bound());
            if (bound.get(0).is("default")) {
                defaults.add(part);
            } else if (strategy.equals("list")) {
                List<String> values = literals(bound, 0).stream().filter(v -> v != null).toList();
                listed.addAll(values);
                if (!values.isEmpty()) {
                    walk(part, with(conditions, column, ColumnRules.NONE.withAllowed(values)));
                }
            } else {
                ranges = true;
                int to = indexOfWord(bound, "to");
                List<String> from = literals(bound, 0);
                List<String> upTo = literals(bound, to);
                ColumnRules rule = ColumnRules.NONE;
                if (from.get(0) != null && !from.get(0).equals("minvalue")) {
                    rule = rule.withLower(from.get(0), true);
                }
                if (upTo.get(0) != null && !upTo.get(0).equals("maxvalue")) {
                    rule = rule.withUpper(upTo.get(0), false);
                }
                walk(part, with(conditions, column, rule));
            }
        }
        for (Table part : defaults) {
            if (strategy.equals("list")) {
                ColumnRules outside = ColumnRules.NONE;
                for (String value : listed) {
                    outside = outside.withExcluded(value);
                }
                walk(part, with(conditions, column, outside));
            } else if (!ranges) {
                walk(part, conditions);
            }
        }
    }

    /** Hash partitions take any value when their leaves cover every remainder of the greatest modulus. */
    private void hash(Table table, List<Table> parts, Map<String, ColumnRules> conditions) {
        int greatest = 1;
        List<int[]> bounds = new ArrayList<>();
        for (Table part : parts) {
            List<Token> bound = tokens(part.partitionOf().get().bound());
            int modulus = Integer.parseInt(numberAfter(bound, "modulus"));
            int remainder = Integer.parseInt(numberAfter(bound, "remainder"));
            bounds.add(new int[] {modulus, remainder});
            greatest = Math.max(greatest, modulus);
            if (part.partitionKey().isPresent()) {
                problem = table.schema() + "." + table.name() + " is hash-partitioned into partitions that are"
                        + " partitioned again, which seeding does not follow";
                return;
            }
        }
        for (int remainder = 0; remainder < greatest; remainder++) {
            int r = remainder;
            if (bounds.stream().noneMatch(b -> r % b[0] == b[1])) {
                problem = table.schema() + "." + table.name() + " is hash-partitioned but no partition takes"
                        + " remainder " + remainder + " of modulus " + greatest + ", so some rows have nowhere to go";
                return;
            }
        }
        leaves.add(conditions);
    }

    private static Map<String, ColumnRules> with(Map<String, ColumnRules> conditions, String column, ColumnRules rule) {
        Map<String, ColumnRules> next = new LinkedHashMap<>(conditions);
        next.merge(column, rule, ColumnRules::and);
        return next;
    }

    /** The constants of the parenthesised list after {@code from}: strings, numbers, MINVALUE/MAXVALUE (lower case), NULL as null. */
    private static List<String> literals(List<Token> tokens, int from) {
        List<String> values = new ArrayList<>();
        int i = from;
        while (i < tokens.size() && !tokens.get(i).isPunctuation("(")) {
            i++;
        }
        String sign = "";
        for (i++; i < tokens.size() && !tokens.get(i).isPunctuation(")"); i++) {
            Token token = tokens.get(i);
            if (token.kind() == TokenKind.OPERATOR && token.text().equals("-")) {
                sign = "-";
            } else if (token.kind() == TokenKind.STRING || token.kind() == TokenKind.NUMBER) {
                values.add(sign + (token.kind() == TokenKind.STRING ? token.value() : token.text()));
                sign = "";
            } else if (token.is("null")) {
                values.add(null);
            } else if (token.kind() == TokenKind.WORD) {
                values.add(token.value());
            }
        }
        return values;
    }

    private static String numberAfter(List<Token> tokens, String word) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                return tokens.get(i + 1).text();
            }
        }
        throw new IllegalStateException("no " + word + " in the hash bound");
    }

    private static int indexOfWord(List<Token> tokens, String word) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is(word)) {
                return i;
            }
        }
        return tokens.size();
    }

    private static boolean isName(Token token) {
        return token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER;
    }

    private static List<Token> tokens(String text) {
        return SqlLexer.tokenize(text).stream().filter(t -> t.kind() != TokenKind.COMMENT).toList();
    }
}
