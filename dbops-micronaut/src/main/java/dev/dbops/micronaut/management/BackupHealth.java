package dev.dbops.micronaut.management;

import dev.dbops.backup.DrillReport;
import dev.dbops.runtime.BackupStatus;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code backup}: a datasource's last restore drill and the age of its newest verified backup against
 * {@code dbops.backup.max-age}. Down when the last drill did not verify its backup or the newest verified backup
 * is too old, unknown when no drill is known.
 */
final class BackupHealth {

    private BackupHealth() {
    }

    static HealthResult of(BackupStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        BackupStatus.State state = status.read();
        if (state.lastDrill().isEmpty()) {
            details.put("reason", state.problem().orElse("no restore drill is known: set dbops.backup.history to a"
                    + " drill history, or schedule drills with dbops.backup.drill.cron"));
            return HealthResult.builder("backup", HealthStatus.UNKNOWN).details(details).build();
        }
        DrillReport last = state.lastDrill().get();
        details.put("lastDrill", last.outcome().name());
        details.put("lastDrillFinishedAt", last.finishedAt().toString());
        details.put("maxAge", status.maxAge().toString());
        state.backupAge().map(Duration::toString).ifPresent(age -> details.put("backupAge", age));
        state.newestVerified().ifPresent(r -> details.put("rtoMillis", r.rto().toMillis()));
        last.failure().ifPresent(f -> details.put("failure", f.code() + ": " + f.message()));
        if (!last.mismatches().isEmpty()) {
            details.put("mismatches", last.mismatches().size());
        }
        state.problem().ifPresent(problem -> details.put("history", problem));
        HealthStatus health = state.isDown(status.maxAge()) ? HealthStatus.DOWN : HealthStatus.UP;
        return HealthResult.builder("backup", health).details(details).build();
    }
}
