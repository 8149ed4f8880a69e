package dev.dbops.spring.guard;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.drift.DriftDetector;
import dev.dbops.migration.MigrationSource;
import dev.dbops.schema.SchemaSnapshot;
import dev.dbops.spring.autoconfigure.GuardProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** Maps {@code dbops.guard.drift.*} onto {@link DriftDetector.Builder}, reading the committed snapshot. */
public final class DriftDetectors {

    private static final Logger LOG = LoggerFactory.getLogger(DriftDetectors.class);

    private DriftDetectors() {
    }

    /**
     * Builds the detector of the startup drift check.
     *
     * @param settings {@code dbops.guard.drift.*}
     * @param source the migration files
     * @param flywayTable Flyway's history table, when Flyway names one
     * @param resources where the snapshot location is resolved
     * @param preload the snapshot read in the background, when there is one
     * @throws DbopsStartupException when the snapshot is missing (and no shadow is configured) or malformed,
     *     or an option is invalid
     */
    public static DriftDetector build(GuardProperties.Drift settings, MigrationSource source,
            Optional<String> flywayTable, ResourceLoader resources, Optional<SnapshotPreload> preload) {
        DriftDetector.Builder builder = DriftDetector.builder().migrations(source)
                .defaultSchema(settings.getDefaultSchema())
                .ignoreObjects(settings.getIgnoreObjects().toArray(String[]::new))
                .compareOwners(settings.isCompareOwners()).gitHistory(settings.isGitHistory())
                .statementTimeout(settings.getStatementTimeout()).lockTimeout(settings.getLockTimeout());
        flywayTable.ifPresent(builder::flywayTable);
        boolean shadow = settings.getShadow() != null && !settings.getShadow().isBlank();
        if (shadow) {
            builder.shadow(settings.getShadow());
        }
        Optional<SchemaSnapshot> snapshot = preload.flatMap(p -> p.take(settings.getSnapshot()))
                .orElseGet(() -> readIfExists(resources, settings.getSnapshot()));
        if (snapshot.isPresent()) {
            builder.snapshot(snapshot.get(), settings.getSnapshot());
        } else if (!shadow) {
            throw new DbopsStartupException(ErrorCode.IO_FAILED, "dbops cannot check the schema for drift: the snapshot "
                    + settings.getSnapshot() + " (dbops.guard.drift.snapshot) does not exist.",
                    "Create it from a database migrated to exactly the current migration files, and commit it: "
                            + "dbops inspect --url jdbc:postgresql://<host>:<port>/<db>?user=<user> > " + regenerateTo(
                            settings.getSnapshot()) + " — or replay the migrations on a shadow server instead with"
                            + " dbops.guard.drift.shadow=embedded, or switch the check off with"
                            + " dbops.guard.drift.mode=off.");
        }
        try {
            return builder.build();
        } catch (DbopsException e) {
            throw new DbopsStartupException(e.code(), "dbops cannot check the schema for drift: " + e.getMessage(),
                    "Correct the dbops.guard.drift.* properties named above.", e);
        }
    }

    private static Optional<SchemaSnapshot> readIfExists(ResourceLoader resources, String location) {
        long started = System.nanoTime();
        Resource resource = resources.getResource(location);
        if (!resource.exists()) {
            return Optional.empty();
        }
        SchemaSnapshot snapshot = read(resource, location);
        LOG.debug("dbops read the snapshot {} in {} ms", location, (System.nanoTime() - started) / 1_000_000);
        return Optional.of(snapshot);
    }

    /** Reads and parses the snapshot, failing as the startup guard reports it. */
    static SchemaSnapshot read(Resource resource, String location) {
        String text;
        try {
            text = resource.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbopsStartupException(ErrorCode.IO_FAILED, "dbops cannot read the snapshot " + location + ": "
                    + e.getMessage(), "Check that the resource is readable, or point dbops.guard.drift.snapshot at"
                    + " another.", e);
        }
        try {
            return SchemaSnapshot.fromJson(text, "the snapshot " + location, regenerateTo(location));
        } catch (DbopsException e) {
            throw new DbopsStartupException(e.code(), "dbops cannot check the schema for drift: " + e.getMessage(),
                    "Restore the committed file from version control or regenerate it as the message says; the"
                            + " snapshot is read from dbops.guard.drift.snapshot.", e);
        }
    }

    /** Where a developer writes the file that a location names: {@code src/main/resources/…} for the classpath. */
    static String regenerateTo(String location) {
        if (location.startsWith("classpath:")) {
            String path = location.substring("classpath:".length());
            return "src/main/resources/" + (path.startsWith("/") ? path.substring(1) : path);
        }
        return location.startsWith("file:") ? location.substring("file:".length()) : location;
    }
}
