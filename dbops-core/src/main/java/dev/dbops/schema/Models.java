package dev.dbops.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** Construction helpers shared by the model records: canonical order and null checks. */
final class Models {

    private Models() {
    }

    /** An unmodifiable copy sorted by the given key, so that equal content compares equal. */
    static <T, K extends Comparable<? super K>> List<T> sorted(List<T> items, Function<T, K> key) {
        Objects.requireNonNull(items, "list");
        // Most lists of a table (its grants, indexes, triggers…) have no entry or one: nothing to compare.
        if (items.size() <= 1) {
            return small(items);
        }
        return sorted(items, Comparator.comparing(key));
    }

    /** An unmodifiable copy in the comparator's order, so that equal content compares equal. */
    static <T> List<T> sorted(List<T> items, Comparator<? super T> order) {
        Objects.requireNonNull(items, "list");
        if (items.size() <= 1) {
            return small(items);
        }
        List<T> copy = new ArrayList<>(items);
        if (!inOrder(copy, order)) {
            sort(copy, order);
        }
        return Collections.unmodifiableList(copy);
    }

    /** An unmodifiable copy in natural order. */
    static <T extends Comparable<? super T>> List<T> sorted(List<T> items) {
        return sorted(items, Comparator.<T>naturalOrder());
    }

    /** An unmodifiable copy of a list of no or one entry. */
    private static <T> List<T> small(List<T> items) {
        return items.isEmpty() ? List.of() : Collections.singletonList(items.get(0));
    }

    /** Whether the list is in order already, as lists read from the catalog often are. */
    private static <T> boolean inOrder(List<T> items, Comparator<? super T> order) {
        for (int i = 1; i < items.size(); i++) {
            if (order.compare(items.get(i - 1), items.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Sorts a list that is out of order; two entries are swapped without the general sort. */
    private static <T> void sort(List<T> items, Comparator<? super T> order) {
        if (items.size() == 2) {
            items.add(items.remove(0));
        } else {
            items.sort(order);
        }
    }

    /** Orders objects by schema, then by name within a schema. */
    static <T> Comparator<T> bySchemaAndName(Function<T, String> schema, Function<T, String> name) {
        return (a, b) -> {
            int order = schema.apply(a).compareTo(schema.apply(b));
            return order != 0 ? order : name.apply(a).compareTo(name.apply(b));
        };
    }

    static <T> Optional<T> required(Optional<T> value, String name) {
        return Objects.requireNonNull(value, name);
    }
}
