package dev.dbops.drift;

import java.util.Objects;
import java.util.Optional;

/**
 * What the migration files are, for naming a reconciliation migration after them.
 *
 * @param tool the tool the files are written for ({@link MigrationTool#NONE} for plain SQL files)
 * @param count how many migrations the files hold
 * @param latestVersion the highest Flyway version among the files and the history table
 */
public record MigrationFiles(MigrationTool tool, int count, Optional<String> latestVersion) {

    /** Checks that no component is null. */
    public MigrationFiles {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(latestVersion, "latestVersion");
    }
}
