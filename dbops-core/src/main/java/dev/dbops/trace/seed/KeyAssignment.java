package dev.dbops.trace.seed;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for every unique key (and exclusion constraint that behaves like one), which slots write
 * their injective sequence so that no two rows collide: one column with enough distinct values when
 * there is one, otherwise a combination of the key's slots (a join table's two foreign keys, an
 * enum and a date) whose product of distinct values covers the rows. When even that is too small,
 * the table gets fewer rows.
 */
final class KeyAssignment {

    /**
     * Slots that together form distinct combinations: row {@code r} maps to {@code p = (a·r + b) mod M}
     * (a bijection of {@code [0, M)}, which scatters the combinations), and {@code p} is read as
     * mixed-radix digits, one per slot.
     */
    static final class Composite {

        private final List<Slot> slots;
        private final long[] radices;
        private final long modulus;
        private final long multiplier;
        private final long offset;

        Composite(List<Slot> slots, long modulus, long seed) {
            this.slots = List.copyOf(slots);
            this.radices = slots.stream().mapToLong(Slot::cardinality).toArray();
            this.modulus = modulus;
            long a = 0;
            if (modulus > 1 && modulus <= Integer.MAX_VALUE) {
                a = (Math.floorMod(seed, modulus) | 1) % modulus;
                while (BigInteger.valueOf(a).gcd(BigInteger.valueOf(modulus)).longValue() != 1) {
                    a = (a + 1) % modulus;
                }
            }
            this.multiplier = a;
            this.offset = modulus > 1 ? Math.floorMod(seed >>> 17, modulus) : 0;
        }

        List<Slot> slots() {
            return slots;
        }

        /**
         * Writes each slot's digit of row {@code row} into {@code digits}.
         *
         * @param positions where each of this composite's slots stands in the row
         */
        void digits(long row, long[] digits, int[] positions) {
            long p = multiplier == 0 ? row : (multiplier * row + offset) % modulus;
            for (int i = 0; i < radices.length; i++) {
                digits[positions[i]] = p % radices[i];
                p /= radices[i];
            }
        }
    }

    /** The outcome: how many rows fit, the combinations, and what could not be guaranteed. */
    record Result(long rows, List<Composite> composites, List<String> capped, List<String> unguaranteed) {
    }

    private KeyAssignment() {
    }

    /**
     * Assigns modes to the slots.
     *
     * @param keys the keys as column lists
     * @param distinctByServer columns the server fills with distinct values (identity, serial)
     * @param seed makes the scattering of combinations differ between seeds
     */
    static Result assign(List<Slot> slots, List<TableKeys.UniqueKey> keys, Set<String> distinctByServer,
            long rows, long seed) {
        List<TableKeys.UniqueKey> ordered = new ArrayList<>(keys);
        ordered.sort(Comparator.comparingInt(k -> k.columns().size()));
        List<Set<Slot>> groups = new ArrayList<>();
        List<Composite> composites = new ArrayList<>();
        List<String> capped = new ArrayList<>();
        List<String> unguaranteed = new ArrayList<>();
        long fitting = rows;
        for (TableKeys.UniqueKey key : ordered) {
            if (key.columns().isEmpty() || key.columns().stream().anyMatch(distinctByServer::contains)) {
                continue;
            }
            List<Slot> within = slotsWithin(slots, key);
            boolean nullable = !key.nullsNotDistinct() && within.stream().anyMatch(s -> s instanceof Slot.Nulls);
            if (nullable || groups.stream().anyMatch(within::containsAll)) {
                continue;
            }
            List<Slot> free = within.stream().filter(s -> s.mode() == Slot.Mode.RANDOM && s.cardinality() > 0)
                    .toList();
            // A column of its own values that is distinct alone is best; foreign keys (a join table's two
            // parents) rather combine, so that each parent row appears in many child rows.
            Optional<Slot> single = free.stream()
                    .filter(s -> s.cardinality() >= rows && (s instanceof Slot.Values || free.size() == 1))
                    .max(Comparator.comparingLong(Slot::cardinality));
            if (single.isPresent()) {
                single.get().mode(Slot.Mode.SEQUENCE);
                groups.add(Set.of(single.get()));
                continue;
            }
            if (free.isEmpty()) {
                unguaranteed.add(key.name());
                continue;
            }
            long product = 1;
            for (Slot slot : free) {
                product = slot.cardinality() > Long.MAX_VALUE / product ? Long.MAX_VALUE : product * slot.cardinality();
            }
            if (free.size() == 1) {
                free.get(0).mode(Slot.Mode.SEQUENCE);
            } else {
                free.forEach(s -> s.mode(Slot.Mode.COMPOSITE));
                composites.add(new Composite(free, product, seed ^ key.name().hashCode()));
            }
            groups.add(new LinkedHashSet<>(free));
            if (product < fitting) {
                fitting = product;
                capped.add(key.name() + " has " + product + " distinct values");
            }
        }
        return new Result(fitting, composites, capped, unguaranteed);
    }

    /** The slots that write only columns of the key (a slot with other columns could repeat the key's part). */
    private static List<Slot> slotsWithin(List<Slot> slots, TableKeys.UniqueKey key) {
        List<Slot> within = new ArrayList<>();
        for (Slot slot : slots) {
            if (key.columns().containsAll(slot.columns())) {
                within.add(slot);
            }
        }
        return within;
    }
}
