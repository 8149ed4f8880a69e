package dev.dbops.drift;

/** Which migration tool keeps the history of a database, as found by its history table. */
public enum MigrationTool {

    /** Flyway: a {@code flyway_schema_history} table. */
    FLYWAY("Flyway"),
    /** Liquibase: a {@code databasechangelog} table. */
    LIQUIBASE("Liquibase"),
    /** No history table was found: the database is not managed by Flyway or Liquibase. */
    NONE("none");

    private final String label;

    MigrationTool(String label) {
        this.label = label;
    }

    /** The tool's name for messages: {@code Flyway}, {@code Liquibase}, {@code none}. */
    public String label() {
        return label;
    }
}
