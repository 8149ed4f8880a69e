package dev.dbops.diff;

import dev.dbops.LockMode;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A statement while the plan is being built: the statement's SQL and risks, plus the dependency
 * keys that place it in the plan's graph.
 *
 * <ul>
 *   <li>{@code provides}: objects that exist once it ran (a create);</li>
 *   <li>{@code requires}: objects it needs; it runs after every step that provides them;</li>
 *   <li>{@code drops}: objects it removes; it runs before every step that provides them again, unless
 *       that step drops them too (steps that change an object in place are chained explicitly);</li>
 *   <li>{@code releases}: objects it stops using; it runs before every step that drops them.</li>
 * </ul>
 *
 * <p>Objects nobody provides already exist (or are PostgreSQL's own), so requiring them adds no edge.
 */
final class PlanStep {

    final int id;
    final PlanPhase phase;
    final String sql;
    final EnumSet<Hazard> hazards = EnumSet.noneOf(Hazard.class);
    final Set<String> provides = new LinkedHashSet<>();
    final Set<String> requires = new LinkedHashSet<>();
    final Set<String> drops = new LinkedHashSet<>();
    final Set<String> releases = new LinkedHashSet<>();
    private LockMode lock = LockMode.NONE;
    private String note;
    private boolean transactional = true;

    PlanStep(int id, PlanPhase phase, String sql) {
        this.id = id;
        this.phase = phase;
        this.sql = sql;
    }

    /**
     * Records the lock the statement takes on an existing relation, with the matching hazard:
     * ACCESS EXCLUSIVE blocks everything, SHARE and stronger block writes.
     */
    PlanStep lock(LockMode mode) {
        lock = lock.max(mode);
        if (mode == LockMode.ACCESS_EXCLUSIVE) {
            hazards.add(Hazard.ACCESS_EXCLUSIVE_LOCK);
        } else if (mode.compareTo(LockMode.SHARE) >= 0) {
            hazards.add(Hazard.BLOCKS_WRITES);
        }
        return this;
    }

    /** Records a lock on a relation created earlier in the same plan: nobody else can be waiting for it. */
    PlanStep lockOnNew(LockMode mode) {
        lock = lock.max(mode);
        return this;
    }

    /** Records a lock that is on an existing relation when {@code existing}, on a new one otherwise. */
    PlanStep lock(LockMode mode, boolean existing) {
        return existing ? lock(mode) : lockOnNew(mode);
    }

    PlanStep hazard(Hazard... added) {
        for (Hazard hazard : added) {
            hazards.add(hazard);
        }
        return this;
    }

    PlanStep note(String text) {
        note = note == null ? text : note + " " + text;
        return this;
    }

    /** Marks the statement as one that cannot run inside a transaction block. */
    PlanStep notTransactional() {
        transactional = false;
        hazards.add(Hazard.NOT_TRANSACTIONAL);
        return this;
    }

    PlanStep provides(String... keys) {
        provides.addAll(Set.of(keys));
        return this;
    }

    PlanStep requires(String... keys) {
        requires.addAll(Set.of(keys));
        return this;
    }

    PlanStep requiresAll(Iterable<String> keys) {
        keys.forEach(requires::add);
        return this;
    }

    PlanStep drops(String... keys) {
        drops.addAll(Set.of(keys));
        return this;
    }

    PlanStep releases(String... keys) {
        releases.addAll(Set.of(keys));
        return this;
    }

    PlanStep releasesAll(Iterable<String> keys) {
        keys.forEach(releases::add);
        return this;
    }

    /** Makes this step run after {@code earlier}. */
    PlanStep after(PlanStep earlier) {
        String key = "#" + earlier.id;
        earlier.provides.add(key);
        requires.add(key);
        return this;
    }

    boolean transactional() {
        return transactional;
    }

    PlannedStatement toStatement() {
        return new PlannedStatement(sql, hazards, lock, Optional.ofNullable(note), transactional);
    }

    @Override
    public String toString() {
        String firstLine = sql.lines().findFirst().orElse("").strip();
        return firstLine.length() > 120 ? firstLine.substring(0, 117) + "..." : firstLine;
    }
}
