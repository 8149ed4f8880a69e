package dev.dbops.micronaut.guard;

import java.util.List;
import java.util.Optional;

/**
 * A migration tool's integration (micronaut-flyway, micronaut-liquibase) as the startup guard sees it: a bean
 * present only when the tool is on the class path, so that nothing of the tool is loaded without it.
 */
public interface DataSourceMigrationTool {

    /**
     * The migrations the tool runs on a datasource, empty when the tool is not configured for it.
     *
     * @param dataSource the datasource's name
     * @param locations {@code dbops.guard.locations}: when not empty, the files to read instead of the tool's
     */
    Optional<ToolMigrations> migrations(String dataSource, List<String> locations);
}
