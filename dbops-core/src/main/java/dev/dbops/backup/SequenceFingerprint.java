package dev.dbops.backup;

import java.util.Objects;

/**
 * The state of one sequence, bracketed in time.
 *
 * <p>Sequences are not transactional: {@code pg_dump} reads a sequence's current state when it
 * reaches it, not as of the snapshot. So the state is read before the dump starts ({@link #before()})
 * and after it ends ({@link #after()}); a restored sequence is correct when its state lies between
 * the two in the sequence's direction (it equals both when nothing called {@code nextval} meanwhile).
 *
 * @param schema the sequence's schema
 * @param name the sequence's name
 * @param increment the sequence's increment, whose sign is its direction
 * @param before the state read before the dump started
 * @param after the state read after the dump ended; equal to {@code before} for a single reading
 */
public record SequenceFingerprint(String schema, String name, long increment, State before, State after) {

    /** Checks that every part is present. */
    public SequenceFingerprint {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** {@code schema.name}, unquoted. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    /** Whether a restored state could have been read by the dump between {@link #before()} and {@link #after()}. */
    public boolean accepts(State restored) {
        if (restored.equals(before) || restored.equals(after)) {
            return true;
        }
        long direction = increment < 0 ? -1 : 1;
        double low = before.position(increment) * direction;
        double high = after.position(increment) * direction;
        double value = restored.position(increment) * direction;
        return low <= value && value <= high;
    }

    /** Whether a restored state is behind {@link #before()}: its next value was already handed out. */
    public boolean behind(State restored) {
        long direction = increment < 0 ? -1 : 1;
        return restored.position(increment) * direction < before.position(increment) * direction;
    }

    /** The expected state in words: {@code 42 (called)} or {@code 40 … 57}. */
    public String describeExpected() {
        return before.equals(after) ? before.toString() : before + " … " + after;
    }

    /**
     * A sequence's {@code last_value} and {@code is_called}, as {@code SELECT … FROM seq} shows them.
     *
     * @param lastValue the last value
     * @param called whether {@code last_value} was already handed out by {@code nextval}
     */
    public record State(long lastValue, boolean called) {

        /** The last value handed out, as a number that grows in the sequence's direction. */
        double position(long increment) {
            return called ? lastValue : (double) lastValue - increment;
        }

        /** {@code 42 (called)} or {@code 1 (not called)}. */
        @Override
        public String toString() {
            return lastValue + (called ? " (called)" : " (not called)");
        }
    }
}
