package dev.dbops.schema;

import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * A map from OIDs (or other {@code long} keys) to values, for the tens of thousands of
 * lookups an inspection makes while it puts rows together: open addressing in two arrays, so a
 * lookup neither boxes its key nor follows a node. Not thread-safe; nulls are not stored, and
 * {@link Long#MIN_VALUE} is not a key.
 */
final class OidMap<V> {

    /** Marks a free slot; never a key (OIDs are unsigned 32-bit numbers). */
    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private Object[] values;
    private int size;

    OidMap() {
        this(16);
    }

    /** A map that holds {@code expected} entries without growing. */
    OidMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(4, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        Arrays.fill(keys, EMPTY);
        values = new Object[capacity];
    }

    /** The value for the key, or null. */
    @SuppressWarnings("unchecked")
    V get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long found = keys[i];
            if (found == key) {
                return (V) values[i];
            }
            if (found == EMPTY) {
                return null;
            }
        }
    }

    /** The value for the key, or {@code fallback}. */
    V getOrDefault(long key, V fallback) {
        V value = get(key);
        return value == null ? fallback : value;
    }

    /** Whether the key has a value. */
    boolean containsKey(long key) {
        return get(key) != null;
    }

    /** Sets the value of a key; the value must not be null. */
    void put(long key, V value) {
        if (key == EMPTY || value == null) {
            throw new IllegalArgumentException("OidMap holds no null values and no key " + key);
        }
        int mask = keys.length - 1;
        for (int i = slot(key, mask); ; i = (i + 1) & mask) {
            long found = keys[i];
            if (found == key) {
                values[i] = value;
                return;
            }
            if (found == EMPTY) {
                keys[i] = key;
                values[i] = value;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return;
            }
        }
    }

    /** The value of a key, created and stored first when there is none. */
    V computeIfAbsent(long key, LongFunction<V> create) {
        V value = get(key);
        if (value == null) {
            value = create.apply(key);
            put(key, value);
        }
        return value;
    }

    /** Calls the action for every value, in no particular order. */
    @SuppressWarnings("unchecked")
    void forEachValue(java.util.function.Consumer<V> action) {
        for (Object value : values) {
            if (value != null) {
                action.accept((V) value);
            }
        }
    }

    int size() {
        return size;
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    @SuppressWarnings("unchecked")
    private void grow() {
        long[] oldKeys = keys;
        Object[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        values = new Object[oldValues.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], (V) oldValues[i]);
            }
        }
    }
}
