package dev.dbops.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes a tree of maps, lists and scalars as JSON text into one {@link StringBuilder}. */
final class JsonWriter {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final boolean pretty;
    private final StringBuilder out = new StringBuilder(1024);

    JsonWriter(boolean pretty) {
        this.pretty = pretty;
    }

    String write(Object tree) {
        value(tree, 0);
        if (pretty) {
            out.append('\n');
        }
        return out.toString();
    }

    private void value(Object value, int depth) {
        if (value instanceof String s) {
            string(s);
        } else if (value instanceof Map<?, ?> map) {
            object(map, depth + 1);
        } else if (value instanceof List<?> list) {
            array(list, depth + 1);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof BigDecimal || value instanceof BigInteger) {
            out.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("cannot write " + value + " as JSON: JSON numbers must be finite");
            }
            out.append(value);
        } else if (value == Json.NULL) {
            out.append("null");
        } else if (value == null) {
            throw new IllegalArgumentException("cannot write a Java null as JSON: use Json.NULL for a JSON null");
        } else {
            throw new IllegalArgumentException("cannot write a value of type " + value.getClass().getName()
                    + " as JSON: supported are Map with String keys, List, String, Long, Integer, Short, Byte, "
                    + "BigInteger, BigDecimal, finite Double and Float, Boolean and Json.NULL");
        }
    }

    private void object(Map<?, ?> map, int depth) {
        checkDepth(depth);
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
        while (true) {
            Map.Entry<?, ?> entry = entries.next();
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("cannot write a map key of type "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName())
                        + " as JSON: object keys must be Strings");
            }
            newline(depth);
            string(key);
            out.append(pretty ? ": " : ":");
            value(entry.getValue(), depth);
            if (!entries.hasNext()) {
                break;
            }
            out.append(',');
        }
        newline(depth - 1);
        out.append('}');
    }

    private void array(List<?> list, int depth) {
        checkDepth(depth);
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        int size = list.size();
        int i = 0;
        for (Object element : list) {
            newline(depth);
            value(element, depth);
            if (++i < size) {
                out.append(',');
            }
        }
        newline(depth - 1);
        out.append(']');
    }

    private static void checkDepth(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw new IllegalArgumentException("cannot write JSON nested deeper than " + Json.MAX_DEPTH
                    + " levels: is the tree cyclic?");
        }
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append("  ");
            }
        }
    }

    private void string(String s) {
        out.append('"');
        int run = 0;
        int length = s.length();
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c)) {
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            out.append(s, run, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append("\\u").append(HEX[c >> 12 & 0xF]).append(HEX[c >> 8 & 0xF])
                        .append(HEX[c >> 4 & 0xF]).append(HEX[c & 0xF]);
            }
            run = i + 1;
        }
        out.append(s, run, length).append('"');
    }
}
