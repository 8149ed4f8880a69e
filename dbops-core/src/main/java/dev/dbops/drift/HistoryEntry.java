package dev.dbops.drift;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One finding about one migration: how its file and its history-table row relate. A row can give
 * several findings (applied out of order and edited since), one entry each.
 *
 * @param status the classification
 * @param migration the name the tool knows it by: {@code V3}, {@code R__views} (Flyway), or
 *     {@code file::id::author} (Liquibase)
 * @param version the Flyway version, for versioned migrations
 * @param description the description from the file, or from the history when there is no file
 * @param file where the file is ({@link dev.dbops.migration.Migration#location()}), when there is one
 * @param installedRank Flyway's {@code installed_rank} or Liquibase's {@code ORDEREXECUTED}, when applied
 * @param recordedChecksum the checksum in the history table ({@code -1234567} for Flyway,
 *     {@code 9:d41d8cd9…} for Liquibase)
 * @param fileChecksum the checksum of the file today, computed as the tool computes it
 * @param message a sentence that says what was found and what to do about it
 * @param changes for {@link HistoryStatus#CONTENT_CHANGED}, the statements that differ from what ran
 */
public record HistoryEntry(
        HistoryStatus status,
        String migration,
        Optional<String> version,
        String description,
        Optional<String> file,
        OptionalInt installedRank,
        Optional<String> recordedChecksum,
        Optional<String> fileChecksum,
        String message,
        List<StatementChange> changes) {

    /** Checks that no component is null; the changes are copied. */
    public HistoryEntry {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(installedRank, "installedRank");
        Objects.requireNonNull(recordedChecksum, "recordedChecksum");
        Objects.requireNonNull(fileChecksum, "fileChecksum");
        Objects.requireNonNull(message, "message");
        changes = List.copyOf(changes);
    }

    /** The status's default level. */
    public DriftLevel level() {
        return status.level();
    }

    /** {@code V3 checksum changed, content changed: <message>}. */
    @Override
    public String toString() {
        return migration + " " + status.label() + ": " + message;
    }
}
