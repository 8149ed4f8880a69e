package dev.dbops.lint.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Items grouped by a name (a table's or an index's unqualified name), so that looking up the items of
 * one table does not scan those of every other: linting a long migration history stays linear.
 */
final class TableBuckets<T> {

    private final Map<String, List<T>> byName = new HashMap<>();
    private final Function<T, String> name;

    TableBuckets(Function<T, String> name) {
        this.name = name;
    }

    void add(T item) {
        byName.computeIfAbsent(name.apply(item), key -> new ArrayList<>()).add(item);
    }

    /** The items under {@code key}, in the order they were added; a live view that must only be read. */
    List<T> get(String key) {
        return byName.getOrDefault(key, List.of());
    }

    boolean contains(String key) {
        return !get(key).isEmpty();
    }

    void removeIf(String key, Predicate<T> condition) {
        List<T> items = byName.get(key);
        if (items != null) {
            items.removeIf(condition);
        }
    }

    /** Replaces the items under {@code key}; an item whose name changes moves to its new bucket. */
    void replaceAll(String key, UnaryOperator<T> replacement) {
        List<T> items = byName.get(key);
        if (items == null) {
            return;
        }
        List<T> moved = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            T replaced = replacement.apply(items.get(i));
            if (name.apply(replaced).equals(key)) {
                items.set(i, replaced);
            } else {
                moved.add(replaced);
                items.set(i, null);
            }
        }
        items.removeIf(item -> item == null);
        moved.forEach(this::add);
    }
}
