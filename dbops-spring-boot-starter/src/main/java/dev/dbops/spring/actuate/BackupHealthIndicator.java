package dev.dbops.spring.actuate;

import dev.dbops.backup.DrillReport;
import dev.dbops.runtime.BackupStatus;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code dbops.backup}: the last restore drill and the age of the newest verified backup against
 * {@code dbops.backup.max-age}. Down when the last drill did not verify its backup or the newest verified
 * backup is too old, unknown when no drill is known.
 */
public final class BackupHealthIndicator implements HealthIndicator {

    private final BackupStatus status;

    /** Creates the indicator over the backup status. */
    public BackupHealthIndicator(BackupStatus status) {
        this.status = Objects.requireNonNull(status, "status");
    }

    @Override
    public Health health() {
        BackupStatus.State state = status.read();
        if (state.lastDrill().isEmpty()) {
            return Health.unknown().withDetail("reason", state.problem().orElse("no restore drill is known: set"
                    + " dbops.backup.history to a drill history, or schedule drills with dbops.backup.drill.cron"))
                    .build();
        }
        DrillReport last = state.lastDrill().get();
        boolean tooOld = state.backupAge().map(age -> age.compareTo(status.maxAge()) > 0).orElse(true);
        Health.Builder health = last.outcome() != DrillReport.Outcome.VERIFIED || tooOld ? Health.down() : Health.up();
        health.withDetail("lastDrill", last.outcome().name())
                .withDetail("lastDrillFinishedAt", last.finishedAt().toString())
                .withDetail("maxAge", status.maxAge().toString());
        state.backupAge().map(Duration::toString).ifPresent(age -> health.withDetail("backupAge", age));
        state.newestVerified().ifPresent(r -> health.withDetail("rtoMillis", r.rto().toMillis()));
        last.failure().ifPresent(f -> health.withDetail("failure", f.code() + ": " + f.message()));
        if (!last.mismatches().isEmpty()) {
            health.withDetail("mismatches", last.mismatches().size());
        }
        state.problem().ifPresent(problem -> health.withDetail("history", problem));
        return health.build();
    }
}
