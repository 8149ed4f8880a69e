package dev.dbops.drift;

import dev.dbops.diff.SchemaDiff;
import dev.dbops.migration.MigrationSource;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.schema.SchemaInspector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The checked options of a {@link DriftDetector}. */
record DriftOptions(
        MigrationSource source,
        Optional<ExpectedSchemas.Snapshot> snapshot,
        boolean replay,
        Optional<String> shadowSpec,
        Optional<PostgresServer> shadowServer,
        HistoryReader.TableName flywayTable,
        HistoryReader.TableName liquibaseTable,
        String defaultSchema,
        List<String> ignoreObjects,
        List<String> ignoreSchemas,
        boolean compareOwners,
        boolean ignoreGrants,
        boolean ignoreComments,
        SchemaInspector inspector,
        AppliedTexts appliedTexts,
        Duration statementTimeout,
        Duration lockTimeout) {

    DriftOptions {
        ignoreObjects = List.copyOf(ignoreObjects);
        ignoreSchemas = List.copyOf(ignoreSchemas);
    }

    /** The diff: the configured ignores, plus the history table found and, for Liquibase, its lock table. */
    SchemaDiff diff(Optional<String> historyTable) {
        List<String> objects = new ArrayList<>(ignoreObjects);
        historyTable.ifPresent(table -> {
            objects.add(table);
            objects.add(table + "lock");
        });
        SchemaDiff.Builder builder = SchemaDiff.builder().ignoreObjects(objects.toArray(String[]::new))
                .ignoreSchemas(ignoreSchemas.toArray(String[]::new));
        if (!compareOwners) {
            builder.ignoreOwners();
        }
        if (ignoreGrants) {
            builder.ignoreGrants();
        }
        if (ignoreComments) {
            builder.ignoreComments();
        }
        return builder.build();
    }
}
