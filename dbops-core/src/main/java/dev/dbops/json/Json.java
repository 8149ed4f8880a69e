package dev.dbops.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses and writes JSON text (RFC 8259) as a plain tree of Java values.
 *
 * <p>The tree uses these types, and only these:
 * <ul>
 *   <li>object → {@code Map<String, Object>}: a {@link java.util.LinkedHashMap} in document order
 *       when parsed;</li>
 *   <li>array → {@code List<Object>}: an {@link java.util.ArrayList} when parsed;</li>
 *   <li>string → {@link String};</li>
 *   <li>number → {@link Long} for an integer (no fraction, no exponent) that fits in 64 bits, and
 *       {@link java.math.BigDecimal} for every other number, so no digit is ever lost;</li>
 *   <li>{@code true}/{@code false} → {@link Boolean};</li>
 *   <li>{@code null} → the sentinel {@link #NULL}. A parsed tree never contains a Java {@code null}.</li>
 * </ul>
 *
 * <p>Parsing is strict: trailing commas, comments, single quotes, unquoted keys, leading zeros,
 * {@code NaN}/{@code Infinity}, unescaped control characters in strings and duplicate keys in one
 * object are all errors. (RFC 8259 leaves duplicate keys to the implementation; dbops rejects them
 * because accepting one would silently drop the other.) A leading byte order mark is ignored, as
 * RFC 8259 permits. {@code \}{@code uXXXX} escapes are decoded as UTF-16 code units, so an escaped
 * surrogate pair becomes one supplementary character and a lone escaped surrogate is kept as it is.
 * Objects and arrays may nest at most {@value #MAX_DEPTH} levels deep.
 *
 * <p>Writing is deterministic: map entries are written in their iteration order, {@code "} and
 * {@code \} and control characters are escaped ({@code \n}, {@code \t}, … or {@code \}{@code u00XX}),
 * unpaired surrogates are escaped as {@code \}{@code uXXXX} so the text can always be stored as
 * UTF-8, and every other character, ASCII or not, is written as it is.
 *
 * <pre>{@code
 * Map<?, ?> tree = (Map<?, ?>) Json.parse("{\"name\": \"größe\", \"size\": 42}");
 * long size = (Long) tree.get("size");
 * String text = Json.writePretty(tree);
 * }</pre>
 */
public final class Json {

    /** The sentinel that stands for JSON {@code null}; compare with {@code ==}. */
    public static final Object NULL = Null.INSTANCE;

    /** How deeply objects and arrays may nest, in parsed text and in trees given to the writers. */
    public static final int MAX_DEPTH = 512;

    private Json() {
    }

    /**
     * Parses one JSON text into a tree of maps, lists, strings, numbers, booleans and {@link #NULL}.
     *
     * @param text the complete JSON text; whitespace around the value is allowed, anything else is not
     * @return the value: a map, list, string, {@link Long}, {@link java.math.BigDecimal}, {@link Boolean}
     *     or {@link #NULL}
     * @throws JsonSyntaxException when the text is not valid JSON; it carries the line and column
     * @throws NullPointerException when {@code text} is null
     */
    public static Object parse(String text) {
        if (text == null) {
            throw new NullPointerException("text");
        }
        return new JsonParser(text).parseDocument();
    }

    /**
     * Parses one JSON text like {@link #parse}, but with Java {@code null} for JSON {@code null}: the tree a
     * framework's object mapper (Jackson, Micronaut Serialization) writes back as the same JSON, for
     * endpoints that show a report's own {@code toJson()}. The writers of this class reject such a tree.
     *
     * @throws JsonSyntaxException when the text is not valid JSON; it carries the line and column
     */
    public static Object parseWithJavaNulls(String text) {
        return withJavaNulls(parse(text));
    }

    private static Object withJavaNulls(Object node) {
        if (node == NULL) {
            return null;
        }
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, value) -> out.put((String) key, withJavaNulls(value)));
            return out;
        }
        if (node instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(value -> out.add(withJavaNulls(value)));
            return out;
        }
        return node;
    }

    /**
     * Writes a tree as compact JSON text, without any whitespace between tokens.
     *
     * <p>Besides the types {@link #parse} produces, the writer accepts any {@link java.util.Map} with
     * {@link String} keys, any {@link java.util.List}, {@link Integer}, {@link Short}, {@link Byte},
     * {@link java.math.BigInteger}, and finite {@link Double} and {@link Float} values.
     *
     * @throws IllegalArgumentException when the tree holds a Java {@code null}, a non-string map key,
     *     a non-finite number, a value of another type, or nests deeper than {@value #MAX_DEPTH} levels
     */
    public static String write(Object tree) {
        return new JsonWriter(false).write(tree);
    }

    /**
     * Writes a tree as JSON text indented by two spaces per level, with a {@code ": "} after each key
     * and a trailing newline; the same tree always gives the same text.
     *
     * <p>Empty objects and arrays are written as {@code {}} and {@code []}; every member and element
     * of a non-empty one goes on its own line. Accepts the same trees as {@link #write}.
     *
     * @throws IllegalArgumentException for the same trees {@link #write} rejects
     */
    public static String writePretty(Object tree) {
        return new JsonWriter(true).write(tree);
    }

    /** The type of {@link #NULL}: an enum, so that it stays a singleton even when serialized. */
    private enum Null {
        INSTANCE;

        @Override
        public String toString() {
            return "null";
        }
    }
}
