package dev.dbops.drift;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One statement that differs between the text of a migration that ran and its file today.
 *
 * @param change whether the statement was added to the file, removed from it, or changed in place
 * @param applied the statement as it ran, when there was one
 * @param current the statement in the file today, when there is one
 * @param line the 1-based line of the file where {@code current} starts, or where the removed statement
 *     was (the line of the next statement that stayed); empty when the file ends before it
 */
public record StatementChange(Change change, Optional<String> applied, Optional<String> current, OptionalInt line) {

    /** Checks that no component is null. */
    public StatementChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(applied, "applied");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(line, "line");
    }

    /**
     * One line for people: {@code line 3: changed: ALTER TABLE orders ADD COLUMN status text → ALTER TABLE
     * orders ADD COLUMN status varchar(20)}, whitespace runs shown as one space.
     */
    public String describe() {
        String where = line.isPresent() ? "line " + line.getAsInt() + ": " : "";
        return switch (change) {
            case ADDED -> where + "added: " + compact(current.orElse(""));
            case REMOVED -> where + "removed: " + compact(applied.orElse(""));
            case CHANGED -> where + "changed: " + compact(applied.orElse("")) + " → " + compact(current.orElse(""));
        };
    }

    static String compact(String sql) {
        return sql.strip().replaceAll("\\s+", " ");
    }

    /** How a statement differs. */
    public enum Change {
        /** Only in the file today. */
        ADDED,
        /** Only in the text that ran. */
        REMOVED,
        /** At the same place in both, with different tokens. */
        CHANGED
    }
}
