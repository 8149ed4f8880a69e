package dev.dbops.lint;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a statement is: the file as the user named it, the 1-based line and column of its first
 * character and of its end, and for Liquibase the changeset.
 *
 * @param file the file, e.g. {@code db/migration/V3__index.sql} or {@code classpath:db/changelog.xml}
 * @param line the line of the statement's first character, 1-based
 * @param column the column of the statement's first character, 1-based
 * @param endLine the line of the statement's last character
 * @param endColumn the column just after the statement's last character
 * @param changeSet the Liquibase changeset, as {@code id::author}, when the SQL came from one
 */
public record SourceLocation(String file, int line, int column, int endLine, int endColumn,
        Optional<String> changeSet) {

    /** Validates the parts. */
    public SourceLocation {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(changeSet, "changeSet");
    }

    /** {@code file:line:column}, the form editors and CI annotations understand. */
    public String display() {
        return file + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return display() + changeSet.map(c -> " (changeset " + c + ")").orElse("");
    }
}
