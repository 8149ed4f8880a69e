package dev.dbops.spring.guard;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.drift.DriftDetector;
import dev.dbops.drift.DriftGuard;
import dev.dbops.drift.DriftReport;
import dev.dbops.drift.Reconciliation;
import dev.dbops.drift.ReconciliationScript;
import dev.dbops.runtime.DatabaseAvailability;
import dev.dbops.runtime.DriftCheckResult;
import dev.dbops.runtime.MonitorDatabase;
import dev.dbops.spring.autoconfigure.GuardProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * The drift half of the startup guard: once Flyway or Liquibase has run (or only validated), compares the
 * migration files, the history table and the live schema, records the result in {@link DriftStatus}, and
 * stops the startup when {@code dbops.guard.drift.mode=fail} and the {@link DriftGuard} decides so.
 *
 * <p>It runs when the bean is initialized. Spring Boot's database initialization ordering puts it after
 * every database initializer (it is detected as the last one) and before every bean that depends on
 * database initialization (JdbcTemplate users, JPA): see {@code docs/spring-boot.md}.
 */
public final class StartupDriftCheck implements InitializingBean {

    private static final Logger LOG = LoggerFactory.getLogger(StartupDriftCheck.class);

    private final DataSource dataSource;
    private final DriftDetector detector;
    private final DriftGuard guard;
    private final GuardProperties settings;
    private final MonitorDatabase database;
    private final DriftStatus status;

    /** Creates the check; it runs in {@link #afterPropertiesSet()}. */
    public StartupDriftCheck(DataSource dataSource, DriftDetector detector, DriftGuard guard, GuardProperties settings,
            MonitorDatabase database, DriftStatus status) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.detector = Objects.requireNonNull(detector, "detector");
        this.guard = Objects.requireNonNull(guard, "guard");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.database = Objects.requireNonNull(database, "database");
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public void afterPropertiesSet() {
        DriftReport report;
        try (Connection connection = dataSource.getConnection()) {
            report = detector.detect(connection);
        } catch (SQLException e) {
            unavailable(e);
            return;
        } catch (DbopsException e) {
            if (e.code() == ErrorCode.CONNECTION_FAILED) {
                unavailable(e);
                return;
            }
            throw new DbopsStartupException(e.code(), "dbops could not check " + database.location()
                    + " for drift: " + e.getMessage(), "Fix the cause above; to start without the check, set"
                    + " dbops.guard.drift.mode=off.", e);
        }
        DriftGuard.Decision decision = guard.evaluate(report);
        List<Path> written = decision.outcome() == DriftGuard.Outcome.PASS ? List.of() : reconcile(report);
        status.record(DriftCheckResult.checked(report, decision, written));
        switch (decision.outcome()) {
            case PASS -> LOG.info("dbops drift check of {}: no drift ({}; {} ms)", database.location(),
                    report.schema().expectedFrom(), report.took().toMillis());
            case WARN -> LOG.warn("dbops drift check of {}:\n{}", database.location(), decision.message());
            case FAIL -> {
                if (settings.getDrift().getMode() == GuardProperties.DriftMode.FAIL) {
                    throw failure(report, decision, written);
                }
                LOG.warn("dbops drift check of {} (dbops.guard.drift.mode=warn, starting anyway):\n{}{}",
                        database.location(), decision.message(), reconciliationLine(written));
            }
        }
    }

    private void unavailable(Exception e) {
        if (!DatabaseAvailability.isUnavailable(e)) {
            throw new DbopsStartupException(ErrorCode.CONNECTION_FAILED, "dbops could not connect to "
                    + database.location() + " to check it for drift: " + e.getMessage(),
                    "Check the spring.datasource credentials and privileges.", e);
        }
        if (settings.getOnUnavailable() == GuardProperties.OnUnavailable.WARN) {
            String reason = "the database " + database.location() + " could not be reached at startup: " + e.getMessage();
            LOG.warn("dbops skipped the drift check (dbops.guard.on-unavailable=warn): {}", reason);
            status.record(DriftCheckResult.skipped(reason));
            return;
        }
        throw new DbopsStartupException(ErrorCode.CONNECTION_FAILED, "dbops could not reach the database "
                + database.location() + " to check it for drift: " + e.getMessage(),
                "Check that the database is running and reachable from here (host, port, network, spring.datasource.url)."
                        + " To start without the check while it is down, set dbops.guard.on-unavailable=warn.", e);
    }

    private List<Path> reconcile(DriftReport report) {
        if (report.schema().differences().isEmpty()) {
            return List.of();
        }
        try {
            ReconciliationScript script = Reconciliation.of(report, Reconciliation.Direction.FILES_TO_LIVE);
            if (script.isEmpty()) {
                return List.of();
            }
            Path directory = settings.getDrift().getReconciliationDirectory() != null
                    ? settings.getDrift().getReconciliationDirectory()
                    : Path.of(System.getProperty("java.io.tmpdir"), "dbops-reconciliation");
            Files.createDirectories(directory);
            return script.write(directory);
        } catch (DbopsException | IOException e) {
            LOG.warn("dbops could not write a reconciliation migration: {}", e.getMessage());
            return List.of();
        }
    }

    private DbopsStartupException failure(DriftReport report, DriftGuard.Decision decision, List<Path> written) {
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
