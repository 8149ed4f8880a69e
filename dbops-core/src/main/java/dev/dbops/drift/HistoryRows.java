package dev.dbops.drift;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/** What a history table holds, read once per drift check: Flyway's rows, Liquibase's rows, or neither. */
record HistoryRows(MigrationTool tool, Optional<String> table, List<FlywayRow> flyway, List<LiquibaseRow> liquibase) {

    HistoryRows {
        flyway = List.copyOf(flyway);
        liquibase = List.copyOf(liquibase);
    }

    static HistoryRows none() {
        return new HistoryRows(MigrationTool.NONE, Optional.empty(), List.of(), List.of());
    }

    /** One row of {@code flyway_schema_history}, in {@code installed_rank} order. */
    record FlywayRow(int installedRank, Optional<String> version, String description, String type, String script,
            Optional<Integer> checksum, String installedBy, LocalDateTime installedOn, boolean success) {

        /** Rows that record a migration run: not the schema-creation, baseline or repair markers. */
        boolean isMigration() {
            return !type.equals("SCHEMA") && !type.equals("BASELINE") && !type.equals("DELETE")
                    && !type.startsWith("UNDO");
        }

        /** A migration from a SQL file, which dbops reads; not a Java ({@code JDBC}) or script migration. */
        boolean isSql() {
            return type.equals("SQL") || type.equals("SQL_BASELINE");
        }

        boolean isRepeatable() {
            return version.isEmpty() && isMigration();
        }
    }

    /** One row of {@code databasechangelog}, in {@code orderexecuted} order. */
    record LiquibaseRow(String id, String author, String filename, LocalDateTime dateExecuted, int orderExecuted,
            String execType, Optional<String> md5sum, String description) {

        String key() {
            return filename + "::" + id + "::" + author;
        }
    }
}
