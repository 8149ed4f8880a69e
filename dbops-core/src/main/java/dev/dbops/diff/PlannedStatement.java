package dev.dbops.diff;

import dev.dbops.LockMode;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One DDL statement of a {@link MigrationPlan}, with what it risks.
 *
 * @param sql the statement, without a trailing semicolon
 * @param hazards what deserves attention before running it; an unmodifiable copy
 * @param lock the strongest table lock it takes on an existing relation, {@link LockMode#NONE} for none
 * @param note why this form was chosen, or what the statement means, when that is not obvious
 * @param transactional {@code false} for statements that cannot run inside a transaction block,
 *     such as {@code CREATE INDEX CONCURRENTLY}
 */
public record PlannedStatement(
        String sql, Set<Hazard> hazards, LockMode lock, Optional<String> note, boolean transactional) {

    /** Creates a planned statement; the hazards are copied. */
    public PlannedStatement {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(lock, "lock");
        Objects.requireNonNull(note, "note");
        EnumSet<Hazard> copy = EnumSet.noneOf(Hazard.class);
        copy.addAll(Objects.requireNonNull(hazards, "hazards"));
        hazards = Collections.unmodifiableSet(copy);
    }

    /** Whether the statement has this hazard. */
    public boolean has(Hazard hazard) {
        return hazards.contains(hazard);
    }
}
