package dev.dbops.drift;

import java.util.Objects;

/**
 * A statement of a migration that creates, changes or drops an object.
 *
 * @param migration the migration: {@code V3}, {@code file::id::author}
 * @param location its file
 * @param line the 1-based line of the file where the statement starts
 * @param action what the statement does to the object, as written, on one line:
 *     {@code ALTER TABLE orders ADD COLUMN IF NOT EXISTS status integer}
 * @param ifNotExists whether it is written to do nothing when the object already exists
 *     ({@code IF NOT EXISTS}), so that on a database where an earlier migration created the object
 *     differently it silently keeps that version
 */
public record MigrationTouch(String migration, String location, int line, String action, boolean ifNotExists) {

    /** Checks that no component is null. */
    public MigrationTouch {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(action, "action");
    }

    /** {@code V3 (line 2: ALTER TABLE orders ADD COLUMN status text)}. */
    public String describe() {
        return migration + " (line " + line + ": " + action + ")";
    }
}
