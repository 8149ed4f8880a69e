package dev.dbops.spring.monitor;

import dev.dbops.backup.BackupDrill;
import dev.dbops.backup.DrillHistory;
import dev.dbops.backup.DrillReport;
import dev.dbops.runtime.BackupStatus;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the restore drill on {@code dbops.backup.drill.cron}, on a scheduler thread of its own, appends each
 * report to the drill history (when configured) and records it in {@link BackupStatus}.
 */
public final class ScheduledDrills implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledDrills.class);

    private final BackupDrill drill;
    private final CronTrigger trigger;
    private final Optional<Path> history;
    private final BackupStatus status;
    private ThreadPoolTaskScheduler scheduler;

    /**
     * Creates the schedule.
     *
     * @param drill the drill to run
     * @param cron a Spring cron expression (six fields, seconds first)
     * @param history the history file each report is appended to, when configured
     * @param status where each report is recorded
     */
    public ScheduledDrills(BackupDrill drill, String cron, Optional<Path> history, BackupStatus status) {
        this.drill = Objects.requireNonNull(drill, "drill");
        this.trigger = new CronTrigger(Objects.requireNonNull(cron, "cron"));
        this.history = Objects.requireNonNull(history, "history");
        this.status = Objects.requireNonNull(status, "status");
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

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = new ThreadPoolTaskScheduler();
            scheduler.setThreadNamePrefix("dbops-drill-");
            scheduler.setDaemon(true);
            scheduler.initialize();
            scheduler.schedule(this::runSafely, trigger);
        }
    }

    private void runSafely() {
        try {
            runNow();
        } catch (RuntimeException e) {
            LOG.warn("dbops backup drill could not run: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
