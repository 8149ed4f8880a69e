package dev.dbops.micronaut.guard;

import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.migration.MigrationSource;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.micronaut.flyway.FlywayConfigurationProperties;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * micronaut-flyway's configuration of a datasource ({@code flyway.datasources.<name>.*}) as dbops reads it:
 * the locations, placeholders and transaction settings Flyway runs the migrations with, and its history table.
 */
@Singleton
@RequiresDbops
@Order(1)
@Requires(classes = {Flyway.class, FlywayConfigurationProperties.class})
public class FlywayMigrationTool implements DataSourceMigrationTool {

    private final BeanLocator beans;

    /** Creates the integration. */
    public FlywayMigrationTool(BeanLocator beans) {
        this.beans = Objects.requireNonNull(beans, "beans");
    }

    /**
     * A copy of the Flyway configuration micronaut-flyway builds for the datasource, with its extra
     * {@code properties} applied: what its migration runner will run, minus the data source and the customizer's
     * Java callbacks. Empty when {@code flyway.datasources.<name>} is not configured.
     */
    public Optional<FluentConfiguration> configuration(String dataSource) {
        return properties(dataSource).map(FlywayMigrationTool::copy);
    }

    /** micronaut-flyway's properties of the datasource, when configured. */
    public Optional<FlywayConfigurationProperties> properties(String dataSource) {
        return beans.findBean(FlywayConfigurationProperties.class, Qualifiers.byName(dataSource));
    }

    @Override
    public Optional<ToolMigrations> migrations(String dataSource, List<String> locations) {
        return properties(dataSource).map(properties -> {
            FluentConfiguration configuration = copy(properties);
            return new ToolMigrations("flyway", source(configuration, locations), Optional.of(table(configuration)),
                    Optional.empty(), properties.isEnabled(), properties.isAsync());
        });
    }

    /**
     * Flyway's migrations as the configuration runs them; {@code locations} replace Flyway's own when not empty
     * ({@code dbops.guard.locations}).
     */
    static MigrationSource source(Configuration flyway, List<String> locations) {
        MigrationSource.Builder builder = MigrationSource.builder().classLoader(flyway.getClassLoader());
        if (locations.isEmpty()) {
            Arrays.stream(flyway.getLocations()).map(Location::getDescriptor).forEach(builder::location);
        } else {
            locations.forEach(builder::location);
        }
        return builder.placeholders(flyway.getPlaceholders())
                .placeholderReplacement(flyway.isPlaceholderReplacement())
                .flywayMixed(flyway.isMixed())
                .defaultExecuteInTransaction(flyway.isExecuteInTransaction())
                .build();
    }

    /** Flyway's history table as dbops names it: {@code schema.table} when Flyway's first schema is set. */
    static String table(Configuration flyway) {
        String[] schemas = flyway.getSchemas();
        return schemas.length > 0 ? schemas[0] + "." + flyway.getTable() : flyway.getTable();
    }

    private static FluentConfiguration copy(FlywayConfigurationProperties properties) {
        FluentConfiguration own = properties.getFluentConfiguration();
        return Flyway.configure(own.getClassLoader()).configuration(own).configuration(properties.getProperties());
    }
}
