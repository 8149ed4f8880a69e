package dev.dbops.trace.seed;

import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Table;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The order tables are seeded in: parents before children, so that children can reference parent
 * rows. A cycle of foreign keys is broken at a table whose keys in the cycle are nullable (they are
 * left NULL); a cycle of NOT NULL keys cannot be seeded, and one of its tables is skipped.
 */
final class SeedOrder {

    /**
     * The order.
     *
     * @param order the tables to seed, parents first
     * @param parents for each table, the tables that must be seeded before it
     * @param broken for each table, the names of its foreign keys left NULL to break a cycle
     * @param skipped tables in a cycle of NOT NULL foreign keys
     */
    record Result(List<String> order, Map<String, Set<String>> parents, Map<String, Set<String>> broken,
            Set<String> skipped) {
    }

    private record Edge(String child, String parent, String key, boolean nullable) {
    }

    private SeedOrder() {
    }

    /**
     * Orders the tables.
     *
     * @param targets the tables to seed (plain tables and roots of partitioned ones), by {@code schema.table}
     * @param rootOf the partitioned table at the top of each partition, by {@code schema.table}
     */
    static Result of(Map<String, Table> targets, Map<String, String> rootOf) {
        Map<String, List<Edge>> edges = new TreeMap<>();
        targets.keySet().forEach(t -> edges.put(t, new ArrayList<>()));
        for (Map.Entry<String, Table> target : targets.entrySet()) {
            Table table = target.getValue();
            for (TableKeys.ForeignKey key : TableKeys.foreignKeys(table)) {
                String parent = rootOf.getOrDefault(name(key.parent()), name(key.parent()));
                if (!parent.equals(target.getKey()) && targets.containsKey(parent)) {
                    boolean nullable = key.columns().stream()
                            .allMatch(c -> table.column(c).map(column -> !column.notNull()).orElse(false));
                    edges.get(target.getKey()).add(new Edge(target.getKey(), parent, key.name(), nullable));
                }
            }
        }
        List<String> order = new ArrayList<>();
        Map<String, Set<String>> broken = new HashMap<>();
        Set<String> skipped = new LinkedHashSet<>();
        Set<String> remaining = new LinkedHashSet<>(edges.keySet());
        while (!remaining.isEmpty()) {
            List<String> ready = remaining.stream()
                    .filter(t -> edges.get(t).stream().noneMatch(e -> remaining.contains(e.parent()))).toList();
            if (!ready.isEmpty()) {
                order.addAll(ready);
                remaining.removeAll(ready);
                continue;
            }
            if (!breakCycle(edges, remaining, broken)) {
                String victim = remaining.stream().filter(t -> onCycle(t, edges, remaining)).findFirst()
                        .orElse(remaining.iterator().next());
                skipped.add(victim);
                remaining.remove(victim);
            }
        }
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String table : order) {
            Set<String> before = new LinkedHashSet<>();
            for (Edge edge : edges.get(table)) {
                if (!broken.getOrDefault(table, Set.of()).contains(edge.key()) && !skipped.contains(edge.parent())) {
                    before.add(edge.parent());
                }
            }
            parents.put(table, before);
        }
        return new Result(order, parents, broken, skipped);
    }

    /** Breaks the cycle edges of the first table whose every cycle edge is nullable; false when there is none. */
    private static boolean breakCycle(Map<String, List<Edge>> edges, Set<String> remaining,
            Map<String, Set<String>> broken) {
        for (String table : remaining) {
            List<Edge> cycleEdges = edges.get(table).stream()
                    .filter(e -> remaining.contains(e.parent()) && reaches(e.parent(), table, edges, remaining))
                    .toList();
            if (!cycleEdges.isEmpty() && cycleEdges.stream().allMatch(Edge::nullable)) {
                Set<String> keys = broken.computeIfAbsent(table, t -> new LinkedHashSet<>());
                cycleEdges.forEach(e -> keys.add(e.key()));
                edges.put(table, edges.get(table).stream().filter(e -> !keys.contains(e.key())).toList());
                return true;
            }
        }
        return false;
    }

    private static boolean onCycle(String table, Map<String, List<Edge>> edges, Set<String> remaining) {
        return edges.get(table).stream()
                .anyMatch(e -> remaining.contains(e.parent()) && reaches(e.parent(), table, edges, remaining));
    }

    /** Whether {@code to} is reachable from {@code from} along foreign keys among the remaining tables. */
    private static boolean reaches(String from, String to, Map<String, List<Edge>> edges, Set<String> remaining) {
        Deque<String> queue = new ArrayDeque<>(List.of(from));
        Set<String> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            String table = queue.poll();
            if (table.equals(to)) {
                return true;
            }
            for (Edge edge : edges.get(table)) {
                if (remaining.contains(edge.parent()) && seen.add(edge.parent())) {
                    queue.add(edge.parent());
                }
            }
        }
        return false;
    }

    static String name(ObjectRef ref) {
        return ref.schema() + "." + ref.name();
    }
}
