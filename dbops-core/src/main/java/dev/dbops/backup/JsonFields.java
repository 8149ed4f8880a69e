package dev.dbops.backup;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.json.Json;
import dev.dbops.json.JsonSyntaxException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Typed, strict access to one JSON object of a fingerprint or report file; every problem names the
 * file and the JSON path of the value ({@code tables[3].rows}).
 */
final class JsonFields {

    private final Map<?, ?> object;
    private final String path;
    private final String label;

    private JsonFields(Map<?, ?> object, String path, String label) {
        this.object = object;
        this.path = path;
        this.label = label;
    }

    /**
     * Parses one dbops document and checks its header: valid JSON, a top-level object, {@code "kind"}
     * equal to {@code kind}, and {@code "formatVersion"} equal to {@code formatVersion}; {@code label}
     * names the file and {@code what} the kind of document in messages ("a dbops drill report").
     */
    static JsonFields document(String json, String label, String kind, String what, long formatVersion) {
        return document(json, label, kind, what, formatVersion, formatVersion);
    }

    /** As {@link #document(String, String, String, String, long)}, accepting format versions {@code oldest} to {@code newest}. */
    static JsonFields document(String json, String label, String kind, String what, long oldest, long newest) {
        Object tree;
        try {
            tree = Json.parse(json);
        } catch (JsonSyntaxException e) {
            throw invalid(label, "it is not valid JSON (" + e.getMessage() + ")");
        }
        JsonFields root = root(tree, label);
        if (!root.has("kind") || !kind.equals(root.string("kind"))) {
            throw invalid(label, "it is not " + what + " (\"kind\" is not \"" + kind + "\")");
        }
        long version = root.number("formatVersion");
        if (version < oldest || version > newest) {
            throw invalid(label, "formatVersion is " + version + ", this dbops reads "
                    + (oldest == newest ? Long.toString(oldest) : oldest + " to " + newest)
                    + (version > newest ? " — it was written by a newer dbops; verify with that version" : ""));
        }
        return root;
    }

    /** The root object of {@code text}; {@code label} names the file in messages. */
    static JsonFields root(Object tree, String label) {
        if (!(tree instanceof Map<?, ?> map)) {
            throw invalid(label, "the top level is not a JSON object");
        }
        return new JsonFields(map, "", label);
    }

    String string(String key) {
        Object value = required(key);
        if (value instanceof String s) {
            return s;
        }
        throw wrongType(key, "a string");
    }

    Optional<String> optionalString(String key) {
        return object.containsKey(key) && object.get(key) != Json.NULL ? Optional.of(string(key)) : Optional.empty();
    }

    long number(String key) {
        Object value = required(key);
        if (value instanceof Long l) {
            return l;
        }
        throw wrongType(key, "an integer");
    }

    BigDecimal decimal(String key) {
        Object value = required(key);
        if (value instanceof Long l) {
            return BigDecimal.valueOf(l);
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        throw wrongType(key, "a number");
    }

    boolean bool(String key) {
        Object value = required(key);
        if (value instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "true or false");
    }

    Instant instant(String key) {
        String text = string(key);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(label, at(key) + " is not an ISO-8601 instant: " + text);
        }
    }

    /** A duration stored as milliseconds. */
    Duration millis(String key) {
        return Duration.ofMillis(number(key));
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type) {
        String text = string(key);
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        throw invalid(label, at(key) + " is '" + text + "', not one of " + List.of(type.getEnumConstants()));
    }

    JsonFields object(String key) {
        Object value = required(key);
        if (value instanceof Map<?, ?> map) {
            return new JsonFields(map, at(key), label);
        }
        throw wrongType(key, "an object");
    }

    Object raw(String key) {
        return required(key);
    }

    boolean has(String key) {
        return object.containsKey(key);
    }

    List<String> strings(String key) {
        return list(key, (element, where) -> {
            if (element instanceof String s) {
                return s;
            }
            throw invalid(label, where + " is not a string");
        });
    }

    List<JsonFields> objects(String key) {
        return list(key, (element, where) -> {
            if (element instanceof Map<?, ?> map) {
                return new JsonFields(map, where, label);
            }
            throw invalid(label, where + " is not an object");
        });
    }

    private <T> List<T> list(String key, BiFunction<Object, String, T> element) {
        if (!object.containsKey(key)) {
            return List.of();
        }
        if (!(object.get(key) instanceof List<?> list)) {
            throw wrongType(key, "an array");
        }
        List<T> result = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            result.add(element.apply(list.get(i), at(key) + "[" + i + "]"));
        }
        return result;
    }

    private Object required(String key) {
        Object value = object.get(key);
        if (value == null || value == Json.NULL) {
            throw invalid(label, at(key) + " is missing");
        }
        return value;
    }

    private String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private DbopsException wrongType(String key, String expected) {
        return invalid(label, at(key) + " is not " + expected);
    }

    static DbopsException invalid(String label, String problem) {
        return new DbopsException(ErrorCode.INVALID_FINGERPRINT, "Cannot read " + label + ": " + problem
                + " — it was not written by this dbops version or was edited; take a new drill to write it again.");
    }
}
