package dev.dbops.trace.seed;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the simple CHECK constraints (of a table, of a domain, and of a partition bound) require of
 * one column, still as the literal text the catalog shows; each value generator reads the literals
 * in its own type.
 *
 * @param lower lower bounds, every one of which applies
 * @param upper upper bounds, every one of which applies
 * @param allowed the only values allowed ({@code IN (…)}, {@code = ANY (ARRAY[…])}, a boolean column
 *     used as a condition), when some constraint lists them
 * @param excluded values that are not allowed ({@code <>})
 * @param minLength the least length in characters; 0 when unconstrained
 * @param maxLength the greatest length in characters; {@link Integer#MAX_VALUE} when unconstrained
 * @param notNull whether a constraint requires a value ({@code IS NOT NULL}, a NOT NULL domain)
 */
record ColumnRules(List<Bound> lower, List<Bound> upper, Optional<List<String>> allowed, Set<String> excluded,
        int minLength, int maxLength, boolean notNull) {

    /** No requirement at all. */
    static final ColumnRules NONE = new ColumnRules(List.of(), List.of(), Optional.empty(), Set.of(), 0,
            Integer.MAX_VALUE, false);

    /** A bound as the literal the constraint compares with. */
    record Bound(String literal, boolean inclusive) {
    }

    ColumnRules {
        lower = List.copyOf(lower);
        upper = List.copyOf(upper);
        allowed = allowed.map(List::copyOf);
        excluded = Set.copyOf(excluded);
    }

    /** Whether nothing is required besides, perhaps, a value. */
    boolean unconstrained() {
        return lower.isEmpty() && upper.isEmpty() && allowed.isEmpty() && excluded.isEmpty() && minLength == 0
                && maxLength == Integer.MAX_VALUE;
    }

    /** Whether any bound, list or exclusion applies (length limits aside). */
    boolean hasValueRules() {
        return !lower.isEmpty() || !upper.isEmpty() || allowed.isPresent() || !excluded.isEmpty();
    }

    ColumnRules withLower(String literal, boolean inclusive) {
        List<Bound> bounds = new ArrayList<>(lower);
        bounds.add(new Bound(literal, inclusive));
        return new ColumnRules(bounds, upper, allowed, excluded, minLength, maxLength, notNull);
    }

    ColumnRules withUpper(String literal, boolean inclusive) {
        List<Bound> bounds = new ArrayList<>(upper);
        bounds.add(new Bound(literal, inclusive));
        return new ColumnRules(lower, bounds, allowed, excluded, minLength, maxLength, notNull);
    }

    /** Allows only these values; with an earlier list, only the values on both. */
    ColumnRules withAllowed(List<String> values) {
        List<String> kept = new ArrayList<>(new LinkedHashSet<>(values));
        allowed.ifPresent(kept::retainAll);
        return new ColumnRules(lower, upper, Optional.of(kept), excluded, minLength, maxLength, notNull);
    }

    ColumnRules withExcluded(String value) {
        Set<String> values = new LinkedHashSet<>(excluded);
        values.add(value);
        return new ColumnRules(lower, upper, allowed, values, minLength, maxLength, notNull);
    }

    ColumnRules withMinLength(int length) {
        return new ColumnRules(lower, upper, allowed, excluded, Math.max(minLength, length), maxLength, notNull);
    }

    ColumnRules withMaxLength(int length) {
        return new ColumnRules(lower, upper, allowed, excluded, minLength, Math.min(maxLength, length), notNull);
    }

    ColumnRules withNotNull() {
        return new ColumnRules(lower, upper, allowed, excluded, minLength, maxLength, true);
    }

    /** Both sets of requirements at once. */
    ColumnRules and(ColumnRules other) {
        ColumnRules merged = this;
        for (Bound bound : other.lower) {
            merged = merged.withLower(bound.literal(), bound.inclusive());
        }
        for (Bound bound : other.upper) {
            merged = merged.withUpper(bound.literal(), bound.inclusive());
        }
        if (other.allowed.isPresent()) {
            merged = merged.withAllowed(other.allowed.get());
        }
        for (String value : other.excluded) {
            merged = merged.withExcluded(value);
        }
        merged = merged.withMinLength(other.minLength).withMaxLength(other.maxLength);
        return other.notNull ? merged.withNotNull() : merged;
    }
}
