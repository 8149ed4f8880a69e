package dev.dbops.micronaut.monitor;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.backup.BackupDrill;
import dev.dbops.backup.DrillHistory;
import dev.dbops.backup.DrillReport;
import dev.dbops.micronaut.config.DrillSettings;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.MonitorDatabase;
import io.micronaut.scheduling.TaskScheduler;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the restore drill of a datasource on {@code dbops.backup.drill.cron}, on Micronaut's scheduler, appends
 * each report to the drill history (when configured) and records it in {@link BackupStatus}.
 */
public final class ScheduledDrills implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledDrills.class);

    private final BackupDrill drill;
    private final Optional<Path> history;
    private final BackupStatus status;
    private ScheduledFuture<?> scheduled;

    /**
     * Creates the drills.
     *
     * @param drill the drill to run
     * @param history the history file each report is appended to, when configured
     * @param status where each report is recorded
     */
    public ScheduledDrills(BackupDrill drill, Optional<Path> history, BackupStatus status) {
        this.drill = Objects.requireNonNull(drill, "drill");
        this.history = Objects.requireNonNull(history, "history");
        this.status = Objects.requireNonNull(status, "status");
    }

    /**
     * Maps {@code dbops.backup.drill.*} onto {@link BackupDrill.Builder}.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} when the database cannot be reached on
     *     a connection of dbops's own, or an option is invalid
     */
    public static BackupDrill drill(MonitorDatabase database, DrillSettings settings) {
        PostgresUrl source = database.url().orElseThrow(() -> new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                "dbops.backup.drill.cron is set, but the database " + database.location() + " cannot be reached on a"
                        + " connection of dbops's own — give the datasource a jdbc:postgresql:// URL"));
        BackupDrill.Builder builder = BackupDrill.builder().source(source).restoreOwnership(settings.isRestoreOwnership());
        if (settings.getTarget() != null && !settings.getTarget().isBlank()) {
            builder.target(PostgresUrl.parse(settings.getTarget()));
        }
        if (settings.getJobs() != null) {
            builder.jobs(settings.getJobs());
        }
        if (settings.getClientPrograms() != null) {
            builder.clientPrograms(settings.getClientPrograms());
        }
        return builder.build();
    }

    /** Runs one drill now, in the calling thread, and records it. */
    public DrillReport runNow() {
        DrillReport report = drill.run();
        history.ifPresent(file -> DrillHistory.append(file, report));
        status.record(report);
        if (report.outcome() == DrillReport.Outcome.VERIFIED) {
            LOG.info("dbops backup drill verified the backup: RTO {} ms, {} tables compared", report.rto().toMillis(),
                    report.tablesCompared());
        } else {
            LOG.warn("dbops backup drill {}:\n{}", report.outcome(), report.toText());
        }
        return report;
    }

    /**
     * Schedules the drill on {@code cron}.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} when the scheduler refuses the expression
     */
    public synchronized void schedule(TaskScheduler scheduler, String cron) {
        if (scheduled == null) {
            try {
                scheduled = scheduler.schedule(cron, this::runSafely);
            } catch (IllegalArgumentException e) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "dbops.backup.drill.cron '" + cron
                        + "' is not a cron expression Micronaut's scheduler reads (" + e.getMessage()
                        + ") — give one such as '0 0 3 * * *', or '-' for no drills", e);
            }
        }
    }

    private void runSafely() {
        try {
            runNow();
        } catch (RuntimeException e) {
            LOG.warn("dbops backup drill could not run: {}", e.getMessage());
        }
    }

    /** Cancels the schedule; a drill under way goes on. */
    @Override
    public synchronized void close() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }
}
