package dev.dbops.spring.guard;

import dev.dbops.migration.MigrationSource;
import java.util.List;

/**
 * The migration files the guard checks when no Flyway bean describes them: Flyway locations or a Liquibase
 * changelog, read with the tools' defaults. {@link FlywayMigrationSources} reads a Flyway configuration.
 */
public final class MigrationSources {

    /** Spring Boot's default Flyway location, used when neither dbops nor a Flyway bean names one. */
    public static final String DEFAULT_FLYWAY_LOCATION = "classpath:db/migration";

    private MigrationSources() {
    }

    /** The files at these locations (Flyway locations or a Liquibase changelog), with no tool settings. */
    public static MigrationSource of(List<String> locations, ClassLoader classLoader) {
        MigrationSource.Builder builder = MigrationSource.builder().classLoader(classLoader);
        locations.forEach(builder::location);
        return builder.build();
    }
}
