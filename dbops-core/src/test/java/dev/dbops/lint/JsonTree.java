package dev.dbops.lint;

import java.util.List;
import java.util.Map;

/** Typed access to a tree that {@link dev.dbops.json.Json#parse} returned, for assertions. */
final class JsonTree {

    private JsonTree() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node) {
        return (List<Object>) node;
    }

    /** The node at {@code path}: map keys as strings, list indexes as integers. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object tree, Object... path) {
        Object node = tree;
        for (Object step : path) {
            node = step instanceof Integer i ? ((List<?>) node).get(i) : ((Map<?, ?>) node).get(step);
        }
        return (T) node;
    }
}
