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
        List<T> copy = new ArrayList<>(Objects.requireNonNull(items, "list"));
        copy.sort(Comparator.comparing(key));
        return Collections.unmodifiableList(copy);
    }

    /** An unmodifiable copy in natural order. */
    static <T extends Comparable<? super T>> List<T> sorted(List<T> items) {
        List<T> copy = new ArrayList<>(Objects.requireNonNull(items, "list"));
        Collections.sort(copy);
        return Collections.unmodifiableList(copy);
    }

    static <T> Optional<T> required(Optional<T> value, String name) {
        return Objects.requireNonNull(value, name);
    }
}
