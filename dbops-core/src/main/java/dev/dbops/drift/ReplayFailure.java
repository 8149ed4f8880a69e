package dev.dbops.drift;

import java.util.Objects;

/**
 * The statement that stopped the replay of the migrations on the shadow database.
 *
 * @param migration the migration it belongs to: {@code V7}, {@code file::id::author}
 * @param location the migration's file
 * @param line the 1-based line of the file where the statement starts
 * @param statement the statement as written
 * @param sqlState PostgreSQL's error code, e.g. {@code 2BP01}
 * @param error PostgreSQL's message, with its detail and hint on the same line
 */
public record ReplayFailure(String migration, String location, int line, String statement, String sqlState,
        String error) {

    /** Checks that no component is null. */
    public ReplayFailure {
        Objects.requireNonNull(migration, "migration");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(sqlState, "sqlState");
        Objects.requireNonNull(error, "error");
    }

    /**
     * One sentence: {@code V7 (db/migration/V7__drop.sql:1) fails on replay: DROP TABLE legacy — ERROR: … (SQLState 2BP01)}.
     */
    public String describe() {
        return migration + " (" + location + ":" + line + ") fails on replay: " + StatementChange.compact(statement)
                + " — " + error + " (SQLState " + sqlState + ")";
    }
}
