package dev.dbops.micronaut.guard;

import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.migration.MigrationSource;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Order;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.liquibase.LiquibaseConfigurationProperties;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * micronaut-liquibase's configuration of a datasource ({@code liquibase.datasources.<name>.*}) as dbops reads
 * it: the changelog (a class path resource, as micronaut-liquibase reads it) and the history table.
 */
@Singleton
@RequiresDbops
@Order(2)
@Requires(classes = {liquibase.Liquibase.class, LiquibaseConfigurationProperties.class})
public class LiquibaseMigrationTool implements DataSourceMigrationTool {

    private final BeanLocator beans;

    /** Creates the integration. */
    public LiquibaseMigrationTool(BeanLocator beans) {
        this.beans = Objects.requireNonNull(beans, "beans");
    }

    @Override
    public Optional<ToolMigrations> migrations(String dataSource, List<String> locations) {
        return beans.findBean(LiquibaseConfigurationProperties.class, Qualifiers.byName(dataSource))
                .filter(properties -> properties.getChangeLog() != null || !locations.isEmpty())
                .map(properties -> {
                    MigrationSource.Builder builder = MigrationSource.builder()
                            .classLoader(LiquibaseMigrationTool.class.getClassLoader());
                    if (locations.isEmpty()) {
                        builder.location(classpath(properties.getChangeLog()));
                    } else {
                        locations.forEach(builder::location);
                    }
                    return new ToolMigrations("liquibase", builder.build(), Optional.empty(), table(properties),
                            properties.isEnabled(), properties.isAsync());
                });
    }

    /** The changelog as a core location: micronaut-liquibase reads a bare path from the class path. */
    private static String classpath(String changeLog) {
        if (changeLog.startsWith("file:")) {
            return changeLog.substring("file:".length());
        }
        return changeLog.startsWith("classpath:") ? changeLog : "classpath:" + changeLog;
    }

    private static Optional<String> table(LiquibaseConfigurationProperties properties) {
        String table = properties.getDatabaseChangeLogTable();
        if (table == null || table.isBlank()) {
            return Optional.empty();
        }
        String schema = properties.getLiquibaseSchema();
        return Optional.of(schema == null || schema.isBlank() ? table : schema + "." + table);
    }
}
