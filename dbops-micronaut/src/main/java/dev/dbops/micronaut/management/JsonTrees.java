package dev.dbops.micronaut.management;

import dev.dbops.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's own JSON ({@code toJson()}, with its {@code formatVersion}) as plain maps and lists that Micronaut
 * serializes as they are: core's {@link Json#NULL} becomes {@code null}.
 */
final class JsonTrees {

    private JsonTrees() {
    }

    /** Parses a report's JSON into maps, lists, strings, numbers, booleans and nulls. */
    static Object of(String json) {
        return plain(Json.parse(json));
    }

    private static Object plain(Object node) {
        if (node == Json.NULL) {
            return null;
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, value) -> out.put((String) key, plain(value)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(value -> out.add(plain(value)));
            return out;
        }
        return node;
    }
}
