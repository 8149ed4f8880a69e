package dev.dbops.trace;

import java.util.Objects;

/**
 * The statement that failed on the scratch database and stopped the trace.
 *
 * @param migration the migration's id
 * @param file the migration's file
 * @param line the 1-based line of the file where the statement starts
 * @param statement the statement
 * @param sqlState PostgreSQL's error code, e.g. {@code 42703}
 * @param error PostgreSQL's message, with its detail and hint on the same line
 * @param baseline whether it failed while the migrations before the traced ones were being applied
 */
public record MigrationFailure(String migration, String file, int line, String statement, String sqlState,
        String error, boolean baseline) {

    /** Validates the parts. */
    public MigrationFailure {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(sqlState, "sqlState");
        Objects.requireNonNull(error, "error");
    }

    /** {@code db/V3__x.sql:4: ALTER TABLE … — ERROR: … (SQLState 42703)}. */
    public String describe() {
        String text = statement.replaceAll("\\s+", " ").strip();
        if (text.length() > 120) {
            text = text.substring(0, 117) + "...";
        }
        return file + ":" + line + ": " + text + " — " + error + " (SQLState " + sqlState + ")";
    }
}
