package dev.dbops.micronaut.guard;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.drift.DriftDetector;
import dev.dbops.drift.DriftGuard;
import dev.dbops.drift.DriftReport;
import dev.dbops.drift.Reconciliation;
import dev.dbops.drift.ReconciliationScript;
import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.micronaut.config.DbopsDataSources;
import dev.dbops.micronaut.config.DbopsSettings;
import dev.dbops.micronaut.config.DriftSettings;
import dev.dbops.micronaut.config.GuardSettings;
import dev.dbops.micronaut.monitor.MonitorDatabases;
import dev.dbops.migration.MigrationSource;
import dev.dbops.runtime.DatabaseAvailability;
import dev.dbops.runtime.DriftCheckResult;
import dev.dbops.runtime.MonitorDatabase;
import io.micronaut.context.BeanLocator;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The drift half of the startup guard, for one datasource: once Flyway or Liquibase has run (or only validated),
 * compares the migration files, the history table and the live schema, records the result in
 * {@link DriftStatus}, and stops the startup when {@code dbops.guard.drift.mode=fail} and the {@link DriftGuard}
 * decides so. {@link StartupDriftCheckListener} runs it when the datasource is created, after the migrations.
 *
 * <p>An application's own {@link DriftDetector} or {@link DriftGuard} bean named after the datasource wins over
 * the one built from the settings.
 */
@Singleton
@RequiresDbops
@Requires(condition = MigrationToolPresent.class)
public class StartupDriftCheck {

    /** The location read for the default datasource when no tool and no {@code dbops.guard.locations} name one. */
    public static final String DEFAULT_LOCATION = "classpath:db/migration";

    private static final Logger LOG = LoggerFactory.getLogger(StartupDriftCheck.class);

    private final DbopsDataSources settings;
    private final List<DataSourceMigrationTool> tools;
    private final MonitorDatabases databases;
    private final DriftStatus status;
    private final ResourceResolver resources;
    private final BeanLocator beans;

    /** Creates the check. */
    public StartupDriftCheck(DbopsDataSources settings, List<DataSourceMigrationTool> tools, MonitorDatabases databases,
            DriftStatus status, ResourceResolver resources, BeanLocator beans) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tools = List.copyOf(tools);
        this.databases = Objects.requireNonNull(databases, "databases");
        this.status = Objects.requireNonNull(status, "status");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.beans = Objects.requireNonNull(beans, "beans");
    }

    /**
     * Whether the drift check of this datasource runs at all: dbops watches it, its guard is on, the mode is not
     * {@code off}.
     */
    public boolean applies(String dataSource) {
        DbopsSettings own = settings.settings(dataSource);
        return settings.watches(dataSource) && own.getGuard().isEnabled()
                && own.getDrift().getMode() != DriftSettings.Mode.OFF;
    }

    /**
     * The migrations the drift check of a datasource reads: the first migration tool configured for it, else
     * {@code dbops.guard.locations}, else {@value #DEFAULT_LOCATION} for the datasource named {@code default}.
     */
    public Optional<ToolMigrations> migrations(String dataSource) {
        List<String> locations = settings.settings(dataSource).getGuard().getLocations();
        for (DataSourceMigrationTool tool : tools) {
            Optional<ToolMigrations> found = tool.migrations(dataSource, locations);
            if (found.isPresent()) {
                return found;
            }
        }
        if (locations.isEmpty() && !dataSource.equals("default")) {
            return Optional.empty();
        }
        MigrationSource.Builder source = MigrationSource.builder().classLoader(StartupDriftCheck.class.getClassLoader());
        (locations.isEmpty() ? List.of(DEFAULT_LOCATION) : locations).forEach(source::location);
        return Optional.of(new ToolMigrations("dbops.guard.locations", source.build(), Optional.empty(),
                Optional.empty(), false, false));
    }

    /**
     * Runs the check of a datasource now and records its result.
     *
     * @param dataSource the datasource's name
     * @param pool the datasource bean, unwrapped; the check borrows one connection for its read-only queries
     * @param migrations what {@link #migrations(String)} found
     * @throws DbopsStartupException when the policy fails and {@code dbops.guard.drift.mode=fail}, the database
     *     cannot be reached and {@code dbops.guard.on-unavailable=fail}, or the check cannot run (no snapshot, a
     *     malformed snapshot, invalid settings)
     */
    public DriftCheckResult check(String dataSource, DataSource pool, ToolMigrations migrations) {
        DbopsSettings own = settings.settings(dataSource);
        MonitorDatabase database = databases.of(dataSource, pool);
        DriftDetector detector = beans.findBean(DriftDetector.class, Qualifiers.byName(dataSource))
                .orElseGet(() -> DriftDetectors.build(own.getDrift(), migrations, resources));
        DriftGuard guard = beans.findBean(DriftGuard.class, Qualifiers.byName(dataSource))
                .orElseGet(() -> DriftGuard.builder().failOn(own.getDrift().getFailOn()).build());
        DriftReport report;
        try (Connection connection = pool.getConnection()) {
            report = detector.detect(connection);
        } catch (SQLException e) {
            return unavailable(dataSource, database, own.getGuard(), e);
        } catch (DbopsException e) {
            if (e.code() == ErrorCode.CONNECTION_FAILED) {
                return unavailable(dataSource, database, own.getGuard(), e);
            }
            throw new DbopsStartupException(e.code(), "dbops could not check " + database.location()
                    + " for drift: " + e.getMessage(), "Fix the cause above; to start without the check, set"
                    + " dbops.guard.drift.mode=off.", e);
        }
        DriftGuard.Decision decision = guard.evaluate(report);
        List<Path> written = decision.outcome() == DriftGuard.Outcome.PASS ? List.of() : reconcile(report, own.getDrift());
        DriftCheckResult result = DriftCheckResult.checked(report, decision, written);
        status.record(dataSource, result);
        switch (decision.outcome()) {
            case PASS -> LOG.info("dbops drift check of {}: no drift ({}; {} ms)", database.location(),
                    report.schema().expectedFrom(), report.took().toMillis());
            case WARN -> LOG.warn("dbops drift check of {}:\n{}", database.location(), decision.message());
            case FAIL -> {
                if (own.getDrift().getMode() == DriftSettings.Mode.FAIL) {
                    throw failure(database, report, decision, written);
                }
                LOG.warn("dbops drift check of {} (dbops.guard.drift.mode=warn, starting anyway):\n{}{}",
                        database.location(), decision.message(), reconciliationLine(written));
            }
        }
        return result;
    }

    /** The latest result of a datasource's check, empty before it has run. */
    public Optional<DriftCheckResult> status(String dataSource) {
        return status.latest(dataSource);
    }

    /** Records that the check of a datasource did not run, and why; the drift health then shows the reason. */
    public void skip(String dataSource, String reason) {
        status.record(dataSource, DriftCheckResult.skipped(reason));
    }

    private DriftCheckResult unavailable(String dataSource, MonitorDatabase database, GuardSettings guard, Exception e) {
        if (!DatabaseAvailability.isUnavailable(e)) {
            throw new DbopsStartupException(ErrorCode.CONNECTION_FAILED, "dbops could not connect to "
                    + database.location() + " to check it for drift: " + e.getMessage(),
                    "Check the datasources." + dataSource + " credentials and privileges.", e);
        }
        if (guard.getOnUnavailable() == GuardSettings.OnUnavailable.WARN) {
            String reason = "the database " + database.location() + " could not be reached at startup: " + e.getMessage();
            LOG.warn("dbops skipped the drift check (dbops.guard.on-unavailable=warn): {}", reason);
            DriftCheckResult skipped = DriftCheckResult.skipped(reason);
            status.record(dataSource, skipped);
            return skipped;
        }
        throw new DbopsStartupException(ErrorCode.CONNECTION_FAILED, "dbops could not reach the database "
                + database.location() + " to check it for drift: " + e.getMessage(),
                "Check that the database is running and reachable from here (host, port, network, datasources."
                        + dataSource + ".url). To start without the check while it is down, set"
                        + " dbops.guard.on-unavailable=warn.", e);
    }

    private static List<Path> reconcile(DriftReport report, DriftSettings drift) {
        if (report.schema().differences().isEmpty()) {
            return List.of();
        }
        try {
            ReconciliationScript script = Reconciliation.of(report, Reconciliation.Direction.FILES_TO_LIVE);
            if (script.isEmpty()) {
                return List.of();
            }
            Path directory = drift.getReconciliationDirectory() != null ? drift.getReconciliationDirectory()
                    : Path.of(System.getProperty("java.io.tmpdir"), "dbops-reconciliation");
            Files.createDirectories(directory);
            return script.write(directory);
        } catch (DbopsException | IOException e) {
            LOG.warn("dbops could not write a reconciliation migration: {}", e.getMessage());
            return List.of();
        }
    }

    private static DbopsStartupException failure(MonitorDatabase database, DriftReport report,
            DriftGuard.Decision decision, List<Path> written) {
        StringBuilder description = new StringBuilder("dbops found migration drift in ").append(database.location())
                .append(": ").append(report.schema().expectedFrom()).append(" vs the live database, history ")
                .append(report.history().table().orElse("(none)")).append(".\n");
        for (String reason : decision.reasons()) {
            description.append("\n  ").append(reason);
        }
        description.append("\n").append(reconciliationLine(written));
        String action = written.isEmpty()
                ? "Restore the migration files that ran here, or undo the change made outside the migrations."
                : "If the live database is right, review " + written.get(0) + ", add it to your migrations and record"
                        + " it as applied where the live schema already has it (its header says how); otherwise undo"
                        + " the change made outside the migrations.";
        return new DbopsStartupException(ErrorCode.MIGRATION_DRIFT, description.toString(),
                action + " To start anyway, set dbops.guard.drift.mode=warn.");
    }

    private static String reconciliationLine(List<Path> written) {
        return written.isEmpty() ? "" : "\nReconciliation migration written to " + written.get(0)
                + (written.size() > 1 ? " (with " + written.get(1).getFileName() + ")" : "");
    }
}
