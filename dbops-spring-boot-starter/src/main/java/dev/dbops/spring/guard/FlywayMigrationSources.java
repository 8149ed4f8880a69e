package dev.dbops.spring.guard;

import dev.dbops.migration.MigrationSource;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * The migration files as the application's Flyway runs them: its locations, placeholders and transaction
 * settings. Apart from {@link MigrationSources} so that nothing of Flyway is loaded without Flyway.
 */
public final class FlywayMigrationSources {

    private FlywayMigrationSources() {
    }

    /**
     * Flyway's migrations as the given configuration runs them; {@code locations} replace Flyway's own when
     * not empty ({@code dbops.guard.locations}).
     */
    public static MigrationSource ofFlyway(Configuration flyway, List<String> locations) {
        MigrationSource.Builder builder = MigrationSource.builder().classLoader(flyway.getClassLoader());
        if (locations.isEmpty()) {
            Arrays.stream(flyway.getLocations()).map(Location::getDescriptor).forEach(builder::location);
        } else {
            locations.forEach(builder::location);
        }
        Map<String, String> placeholders = flyway.getPlaceholders();
        return builder.placeholders(placeholders)
                .placeholderReplacement(flyway.isPlaceholderReplacement())
                .flywayMixed(flyway.isMixed())
                .defaultExecuteInTransaction(flyway.isExecuteInTransaction())
                .build();
    }

    /** Flyway's history table as dbops names it: {@code schema.table} when Flyway's first schema is set. */
    public static String flywayTable(Configuration flyway) {
        String[] schemas = flyway.getSchemas();
        return schemas.length > 0 ? schemas[0] + "." + flyway.getTable() : flyway.getTable();
    }
}
