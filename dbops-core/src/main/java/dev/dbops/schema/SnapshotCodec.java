package dev.dbops.schema;

import dev.dbops.json.Json;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Maps model records to JSON trees and back by reflection over their record components; this
 * mapping defines the {@code schema} part of the snapshot format (see {@code docs/snapshot-format.md}).
 *
 * <p>A record becomes an object whose keys are its component names in declaration order. An empty
 * {@code Optional}, an empty {@code List} and {@code false} are left out, and a missing key reads
 * back as exactly that; every other component (strings, ints, longs, enums, records) must be
 * present. Enums are written by {@code name()}. Keys the record does not have are an error, so a
 * misspelt key cannot silently drop data. Reading calls the canonical constructor, so each record
 * re-establishes its own canonical order and checks.
 *
 * <p>The reflective metadata of each record class (canonical constructor, accessors, and how each
 * component's generic type maps) is computed once and cached in a {@link ClassValue}.
 */
final class SnapshotCodec {

    private static final ClassValue<RecordMapping> RECORDS = new ClassValue<>() {
        @Override
        protected RecordMapping computeValue(Class<?> type) {
            return new RecordMapping(type);
        }
    };

    private SnapshotCodec() {
    }

    /** The JSON object for a record, with omitted keys left out. */
    static Map<String, Object> encode(Record record) {
        return RECORDS.get(record.getClass()).encode(record);
    }

    /**
     * The record of this type that a JSON tree describes.
     *
     * @throws InvalidValue naming the JSON path and what is wrong there
     */
    static <T extends Record> T decode(Class<T> type, Object json) {
        return type.cast(RECORDS.get(type).decode(json));
    }

    /** How a JSON value is shown in an error message, e.g. {@code a string ("abc")}. */
    static String describe(Object json) {
        if (json instanceof String s) {
            return "a string (\"" + (s.length() <= 40 ? s : s.substring(0, 37) + "...") + "\")";
        } else if (json instanceof Long || json instanceof BigDecimal) {
            return "a number (" + json + ")";
        } else if (json instanceof Boolean) {
            return String.valueOf(json);
        } else if (json instanceof Map) {
            return "an object";
        } else if (json instanceof List) {
            return "an array";
        }
        return "null";
    }

    /**
     * A JSON value that does not fit the model. The path is assembled while the exception unwinds,
     * so decoding valid input pays nothing for it.
     */
    static final class InvalidValue extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final String problem;
        private String path = "";

        InvalidValue(String problem) {
            super(problem, null, false, false);
            this.problem = problem;
        }

        /** What is wrong, e.g. {@code missing (expected a string)}. */
        String problem() {
            return problem;
        }

        /** Where it is wrong, e.g. {@code schema.tables[12].columns[3].type}. */
        String path() {
            return path;
        }

        private InvalidValue inKey(String key) {
            path = path.isEmpty() || path.startsWith("[") ? key + path : key + "." + path;
            return this;
        }

        private InvalidValue inElement(int index) {
            path = "[" + index + "]" + (path.isEmpty() || path.startsWith("[") ? path : "." + path);
            return this;
        }
    }

    /** How one declared Java type maps to JSON. */
    private interface Mapping {

        Object toJson(Object value);

        Object fromJson(Object json);

        /** How the JSON value this mapping reads is described in messages, e.g. {@code a string}. */
        String expected();

        /** Whether this value is left out of its object. */
        default boolean omitted(Object value) {
            return false;
        }

        /** The value a missing key stands for, or {@code null} when the key is required. */
        default Object whenMissing() {
            return null;
        }

        default InvalidValue mismatch(Object json) {
            return new InvalidValue("expected " + expected() + " but found " + describe(json));
        }
    }

    private static final Mapping STRING = new Mapping() {
        @Override
        public Object toJson(Object value) {
            return value;
        }

        @Override
        public Object fromJson(Object json) {
            if (json instanceof String) {
                return json;
            }
            throw mismatch(json);
        }

        @Override
        public String expected() {
            return "a string";
        }
    };

    private static final Mapping BOOLEAN = new Mapping() {
        @Override
        public Object toJson(Object value) {
            return value;
        }

        @Override
        public Object fromJson(Object json) {
            if (json instanceof Boolean) {
                return json;
            }
            throw mismatch(json);
        }

        @Override
        public String expected() {
            return "true or false";
        }

        @Override
        public boolean omitted(Object value) {
            return !(Boolean) value;
        }

        @Override
        public Object whenMissing() {
            return Boolean.FALSE;
        }
    };

    private static final Mapping INT = new IntegerMapping(Integer.MIN_VALUE, Integer.MAX_VALUE);

    private static final Mapping LONG = new IntegerMapping(Long.MIN_VALUE, Long.MAX_VALUE);

    /** An {@code int} or {@code long}: a JSON integer in range; fractions and exponents are rejected. */
    private record IntegerMapping(long min, long max) implements Mapping {

        @Override
        public Object toJson(Object value) {
            return ((Number) value).longValue();
        }

        @Override
        public Object fromJson(Object json) {
            if (json instanceof Long value && value >= min && value <= max) {
                return max == Integer.MAX_VALUE ? (Object) value.intValue() : value;
            }
            if (json instanceof Long || (json instanceof BigDecimal d && d.scale() == 0)) {
                throw new InvalidValue("expected an integer from " + min + " to " + max + " but found " + describe(json));
            }
            throw mismatch(json);
        }

        @Override
        public String expected() {
            return "an integer";
        }
    }

    private record EnumMapping(Map<String, Object> constants, String names) implements Mapping {

        static EnumMapping of(Class<?> type) {
            Map<String, Object> constants = new HashMap<>();
            for (Object constant : type.getEnumConstants()) {
                constants.put(((Enum<?>) constant).name(), constant);
            }
            String names = Stream.of(type.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return new EnumMapping(constants, names);
        }

        @Override
        public Object toJson(Object value) {
            return ((Enum<?>) value).name();
        }

        @Override
        public Object fromJson(Object json) {
            Object constant = json instanceof String ? constants.get(json) : null;
            if (constant == null) {
                throw mismatch(json);
            }
            return constant;
        }

        @Override
        public String expected() {
            return "one of " + names;
        }
    }

    private record RecordReference(Class<?> type) implements Mapping {

        @Override
        public Object toJson(Object value) {
            return RECORDS.get(type).encode((Record) value);
        }

        @Override
        public Object fromJson(Object json) {
            return RECORDS.get(type).decode(json);
        }

        @Override
        public String expected() {
            return "an object";
        }
    }

    private record ListMapping(Mapping element) implements Mapping {

        @Override
        public Object toJson(Object value) {
            List<?> list = (List<?>) value;
            List<Object> json = new ArrayList<>(list.size());
            for (Object item : list) {
                json.add(element.toJson(requireValue(item)));
            }
            return json;
        }

        @Override
        public Object fromJson(Object json) {
            if (!(json instanceof List<?> items)) {
                throw mismatch(json);
            }
            List<Object> values = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                try {
                    values.add(element.fromJson(items.get(i)));
                } catch (InvalidValue e) {
                    throw e.inElement(i);
                }
            }
            return Collections.unmodifiableList(values);
        }

        @Override
        public String expected() {
            return "an array";
        }

        @Override
        public boolean omitted(Object value) {
            return ((List<?>) value).isEmpty();
        }

        @Override
        public Object whenMissing() {
            return List.of();
        }
    }

    private record OptionalMapping(Mapping element) implements Mapping {

        @Override
        public Object toJson(Object value) {
            return element.toJson(((Optional<?>) value).orElseThrow());
        }

        @Override
        public Object fromJson(Object json) {
            if (json == Json.NULL) {
                throw new InvalidValue("expected " + element.expected()
                        + " but found null (leave the key out when there is no value)");
            }
            return Optional.of(element.fromJson(json));
        }

        @Override
        public String expected() {
            return element.expected();
        }

        @Override
        public boolean omitted(Object value) {
            return ((Optional<?>) value).isEmpty();
        }

        @Override
        public Object whenMissing() {
            return Optional.empty();
        }
    }

    private static Object requireValue(Object value) {
        if (value == null) {
            throw new IllegalStateException("a snapshot model record holds a null where the snapshot format "
                    + "needs a value; model records must not contain nulls");
        }
        return value;
    }

    /** The cached reflective metadata of one record class. */
    private static final class RecordMapping {

        private final Class<?> type;
        private final Constructor<?> constructor;
        private final String[] names;
        private final Method[] accessors;
        private final Mapping[] mappings;
        private final Map<String, Integer> positions = new HashMap<>();

        RecordMapping(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalStateException(type.getName() + " is not a record; the snapshot format maps records only");
            }
            this.type = type;
            RecordComponent[] components = type.getRecordComponents();
            names = new String[components.length];
            accessors = new Method[components.length];
            mappings = new Mapping[components.length];
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                names[i] = component.getName();
                accessors[i] = component.getAccessor();
                accessors[i].trySetAccessible();
                mappings[i] = mapping(component.getGenericType(), true, type.getSimpleName() + "." + names[i]);
                parameterTypes[i] = component.getType();
                positions.put(names[i], i);
            }
            try {
                constructor = type.getDeclaredConstructor(parameterTypes);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record " + type.getName() + " has no canonical constructor", e);
            }
            constructor.trySetAccessible();
        }

        Map<String, Object> encode(Record record) {
            Map<String, Object> json = new LinkedHashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                Object value = requireValue(get(record, i));
                if (!mappings[i].omitted(value)) {
                    json.put(names[i], mappings[i].toJson(value));
                }
            }
            return json;
        }

        Object decode(Object json) {
            if (!(json instanceof Map<?, ?> members)) {
                throw new InvalidValue("expected an object but found " + describe(json));
            }
            Object[] arguments = new Object[names.length];
            for (Map.Entry<?, ?> member : members.entrySet()) {
                String key = (String) member.getKey();
                Integer position = positions.get(key);
                if (position == null) {
                    throw new InvalidValue("unknown key; " + type.getSimpleName() + " has the keys "
                            + String.join(", ", names)).inKey(key);
                }
                try {
                    arguments[position] = mappings[position].fromJson(member.getValue());
                } catch (InvalidValue e) {
                    throw e.inKey(key);
                }
            }
            for (int i = 0; i < names.length; i++) {
                if (arguments[i] == null) {
                    arguments[i] = mappings[i].whenMissing();
                    if (arguments[i] == null) {
                        throw new InvalidValue("missing (expected " + mappings[i].expected() + ")").inKey(names[i]);
                    }
                }
            }
            return construct(arguments);
        }

        private Object get(Record record, int component) {
            try {
                return accessors[component].invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + type.getName() + "." + names[component], e);
            }
        }

        private Object construct(Object[] arguments) {
            try {
                return constructor.newInstance(arguments);
            } catch (InvocationTargetException e) {
                throw new InvalidValue(type.getSimpleName() + " rejected these values: " + e.getCause().getMessage());
            } catch (IllegalAccessException | InstantiationException e) {
                throw new IllegalStateException("cannot construct " + type.getName(), e);
            }
        }
    }

    private static Mapping mapping(Type type, boolean component, String where) {
        if (type == String.class) {
            return STRING;
        } else if (type == boolean.class) {
            return BOOLEAN;
        } else if (type == int.class) {
            return INT;
        } else if (type == long.class) {
            return LONG;
        } else if (type instanceof Class<?> c && c.isEnum()) {
            return EnumMapping.of(c);
        } else if (type instanceof Class<?> c && c.isRecord()) {
            return new RecordReference(c);
        } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return new ListMapping(mapping(p.getActualTypeArguments()[0], false, where));
        } else if (component && type instanceof ParameterizedType p && p.getRawType() == Optional.class) {
            return new OptionalMapping(mapping(p.getActualTypeArguments()[0], false, where));
        }
        throw new IllegalStateException("the snapshot format cannot map " + where + " of type " + type.getTypeName()
                + ": supported are String, boolean, int, long, enums, records, List<…> of those, and Optional<…> of "
                + "those as a record component");
    }
}
