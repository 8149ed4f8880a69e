package dev.dbops.micronaut.guard;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.drift.DriftDetector;
import dev.dbops.micronaut.config.DriftSettings;
import dev.dbops.schema.SchemaSnapshot;
import io.micronaut.core.io.ResourceResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Maps {@code dbops.guard.drift.*} onto {@link DriftDetector.Builder}, reading the committed snapshot. */
final class DriftDetectors {

    private DriftDetectors() {
    }

    /**
     * Builds the detector of a datasource's startup drift check.
     *
     * @param settings {@code dbops.guard.drift.*} of the datasource
     * @param migrations the migration files and the tool's history table
     * @param resources where the snapshot location ({@code classpath:} or {@code file:}) is resolved
     * @throws DbopsStartupException when the snapshot is missing (and no shadow is configured) or malformed, or
     *     an option is invalid
     */
    static DriftDetector build(DriftSettings settings, ToolMigrations migrations, ResourceResolver resources) {
        DriftDetector.Builder builder = DriftDetector.builder().migrations(migrations.source())
                .defaultSchema(settings.getDefaultSchema())
                .ignoreObjects(settings.getIgnoreObjects().toArray(String[]::new))
                .compareOwners(settings.isCompareOwners()).gitHistory(settings.isGitHistory())
                .statementTimeout(settings.getStatementTimeout()).lockTimeout(settings.getLockTimeout());
        migrations.flywayTable().ifPresent(builder::flywayTable);
        migrations.liquibaseTable().ifPresent(builder::liquibaseTable);
        boolean shadow = settings.getShadow() != null && !settings.getShadow().isBlank();
        if (shadow) {
            builder.shadow(settings.getShadow());
        }
        String location = settings.getSnapshot();
        Optional<String> text = location == null || location.isBlank() ? Optional.empty() : read(resources, location);
        if (text.isPresent()) {
            builder.snapshot(parse(text.get(), location), location);
        } else if (!shadow) {
            throw new DbopsStartupException(ErrorCode.IO_FAILED, "dbops cannot check the schema for drift: the snapshot "
                    + location + " (dbops.guard.drift.snapshot) does not exist.",
                    "Create it from a database migrated to exactly the current migration files, and commit it: "
                            + "dbops inspect --url jdbc:postgresql://<host>:<port>/<db>?user=<user> > "
                            + regenerateTo(location) + " — or replay the migrations on a shadow server instead with"
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

    private static Optional<String> read(ResourceResolver resources, String location) {
        String resolvable = location.startsWith("classpath:") || location.startsWith("file:") ? location
                : "classpath:" + location;
        Optional<InputStream> stream = resources.getResourceAsStream(resolvable);
        if (stream.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream in = stream.get()) {
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | UncheckedIOException e) {
            throw new DbopsStartupException(ErrorCode.IO_FAILED, "dbops cannot read the snapshot " + location + ": "
                    + e.getMessage(), "Check that the resource is readable, or point dbops.guard.drift.snapshot at"
                    + " another.", e);
        }
    }

    private static SchemaSnapshot parse(String text, String location) {
        try {
            return SchemaSnapshot.fromJson(text, "the snapshot " + location, regenerateTo(location));
        } catch (DbopsException e) {
            throw new DbopsStartupException(e.code(), "dbops cannot check the schema for drift: " + e.getMessage(),
                    "Restore the committed file from version control or regenerate it as the message says; the"
                            + " snapshot is read from dbops.guard.drift.snapshot.", e);
        }
    }

    /** Where a developer writes the file that a location names: {@code src/main/resources/…} for the class path. */
    static String regenerateTo(String location) {
        if (location.startsWith("classpath:")) {
            String path = location.substring("classpath:".length());
            return "src/main/resources/" + (path.startsWith("/") ? path.substring(1) : path);
        }
        return location.startsWith("file:") ? location.substring("file:".length()) : location;
    }
}
