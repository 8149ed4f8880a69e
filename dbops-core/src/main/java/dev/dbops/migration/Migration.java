package dev.dbops.migration;

import java.util.Objects;
import java.util.Optional;

/**
 * One migration as the tool will run it: its SQL (placeholders already substituted), where it comes
 * from, and whether it runs inside a transaction.
 *
 * @param id the name the tool knows it by, unique within a {@link MigrationSet}: {@code V1.1},
 *     {@code U1.1}, {@code B5} or {@code R__refresh_views} for Flyway (its version, or the file name of
 *     a repeatable), {@code file::id::author} for a Liquibase changeset, the location for a plain file
 * @param kind what kind of script it is
 * @param version the Flyway version as Flyway writes it in its history ({@code 1.1} for
 *     {@code V1_1__x.sql}); empty for repeatables, changesets and plain files
 * @param description Flyway's description (underscores read as spaces), Liquibase's changeset
 *     description ({@code createTable tableName=users}), or a plain file's name without {@code .sql}
 * @param script the script name the tool records: Flyway's path relative to its location
 *     ({@code sub/V2__x.sql}), Liquibase's changelog path, a plain file's path relative to the directory
 *     given (or its name)
 * @param location where to point a reader: the file path as given plus the path inside it
 *     ({@code db/migration/V1__init.sql}), or {@code classpath:db/migration/V1__init.sql}
 * @param firstLine the 1-based line of {@code location} where {@code sql} starts; for SQL that Liquibase
 *     generated from a change type, the line of the changeset
 * @param verbatim whether {@code sql} is the file's own text from {@code firstLine} on, so that line
 *     {@code n} of {@code sql} is line {@code firstLine + n - 1} of the file; {@code false} when Liquibase
 *     generated it, then every statement belongs to {@code firstLine}
 * @param sql the SQL to check, in full; its statements are not split
 * @param transactionMode how the tool runs the statements
 * @param changeSet the Liquibase changeset, for {@link MigrationKind#LIQUIBASE_CHANGESET}
 */
public record Migration(
        String id,
        MigrationKind kind,
        Optional<String> version,
        String description,
        String script,
        String location,
        int firstLine,
        boolean verbatim,
        String sql,
        TransactionMode transactionMode,
        Optional<ChangeSetRef> changeSet) {

    /** Checks that no component is null and that {@code firstLine} is positive. */
    public Migration {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(script, "script");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(transactionMode, "transactionMode");
        Objects.requireNonNull(changeSet, "changeSet");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be at least 1, was " + firstLine);
        }
    }

    /**
     * The line of {@link #location()} that a 1-based line of {@link #sql()} comes from: shifted by
     * {@link #firstLine()} when the SQL is {@linkplain #verbatim() verbatim}, else the changeset's line.
     */
    public int fileLine(int sqlLine) {
        if (sqlLine < 1) {
            throw new IllegalArgumentException("sqlLine must be at least 1, was " + sqlLine);
        }
        return verbatim ? firstLine + sqlLine - 1 : firstLine;
    }

    /** The id and location, for messages: {@code V1.1 (db/migration/V1.1__add_email.sql)}. */
    @Override
    public String toString() {
        return id.equals(location) ? location : id + " (" + location + ")";
    }
}
