package dev.dbops.drift;

import dev.dbops.diff.Difference;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One object whose live form differs from what the migrations describe, with the migrations that touch
 * it and the likely cause.
 *
 * @param difference the difference going from the expected schema to the live one: {@code ADDED} is only
 *     in the live database, {@code REMOVED} only in the migrations (or snapshot)
 * @param touchedBy the statements of migrations that create, change or drop the object, in run order;
 *     for a column, constraint, index or trigger no migration names, those that touch its table
 * @param cause what the history says about how it came to differ
 * @param message a sentence that says what differs, which migrations touched it, and why it differs
 */
public record SchemaDifference(Difference difference, List<MigrationTouch> touchedBy, DriftCause cause,
        String message) {

    /** Checks that no component is null; the touches are copied. */
    public SchemaDifference {
        Objects.requireNonNull(difference, "difference");
        touchedBy = List.copyOf(touchedBy);
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(message, "message");
    }

    /** The migration that touched the object last, if any did. */
    public Optional<MigrationTouch> lastTouch() {
        return touchedBy.isEmpty() ? Optional.empty() : Optional.of(touchedBy.get(touchedBy.size() - 1));
    }

    /** Whether the cause is {@link DriftCause#APPLIED_BY_HAND}. */
    public boolean looksAppliedByHand() {
        return cause == DriftCause.APPLIED_BY_HAND;
    }
}
