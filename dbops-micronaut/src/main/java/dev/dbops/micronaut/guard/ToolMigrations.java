package dev.dbops.micronaut.guard;

import dev.dbops.migration.MigrationSource;
import java.util.Objects;
import java.util.Optional;

/**
 * The migrations a migration tool runs on one datasource, as the drift check reads them.
 *
 * @param tool the tool's name for messages ({@code flyway}, {@code liquibase}, {@code dbops.guard.locations})
 * @param source the migration files, read with the tool's settings (locations, placeholders)
 * @param flywayTable Flyway's history table, when the tool names one
 * @param liquibaseTable Liquibase's history table, when the tool names one
 * @param migratesAtStartup whether the tool runs the migrations when the datasource is created
 * @param async whether it runs them in the background, after the startup has gone on
 */
public record ToolMigrations(String tool, MigrationSource source, Optional<String> flywayTable,
        Optional<String> liquibaseTable, boolean migratesAtStartup, boolean async) {

    /** Checks that nothing is null. */
    public ToolMigrations {
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(flywayTable, "flywayTable");
        Objects.requireNonNull(liquibaseTable, "liquibaseTable");
    }
}
