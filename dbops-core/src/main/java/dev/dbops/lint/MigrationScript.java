package dev.dbops.lint;

import java.util.Objects;
import java.util.Optional;

/**
 * One script to lint, as the linter needs it: where it is, its SQL, the line its SQL starts on in the
 * file, whether the migration tool runs it inside one transaction, and its Liquibase changeset.
 *
 * @param file the file as the user named it
 * @param sql the SQL the tool will run (placeholders already substituted)
 * @param firstLine the line of the file on which {@code sql} starts, 1-based
 * @param transactional whether the tool wraps the whole script in one transaction
 * @param changeSet the Liquibase changeset as {@code id::author}, when the SQL came from one
 * @param verbatim whether {@code sql} is the file's own text from {@code firstLine} on; false for SQL a
 *     tool generated (Liquibase's XML/YAML/JSON changes), whose findings all point at {@code firstLine}
 */
public record MigrationScript(String file, String sql, int firstLine, boolean transactional,
        Optional<String> changeSet, boolean verbatim) {

    /** Validates the parts. */
    public MigrationScript {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sql, "sql");
        if (firstLine < 1) {
            throw new IllegalArgumentException("firstLine must be at least 1, was " + firstLine);
        }
        Objects.requireNonNull(changeSet, "changeSet");
    }

    /** A script whose SQL is the file's own text from {@code firstLine} on. */
    public MigrationScript(String file, String sql, int firstLine, boolean transactional, Optional<String> changeSet) {
        this(file, sql, firstLine, transactional, changeSet, true);
    }

    /** A whole file run in one transaction by the tool ({@code transactional}) or statement by statement. */
    public static MigrationScript of(String file, String sql, boolean transactional) {
        return new MigrationScript(file, sql, 1, transactional, Optional.empty());
    }
}
