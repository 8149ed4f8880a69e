package dev.dbops.spring.autoconfigure;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.backup.BackupDrill;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.runtime.MonitorDatabase;

/** Maps {@code dbops.backup.drill.*} onto {@link BackupDrill.Builder}. */
final class BackupDrills {

    private BackupDrills() {
    }

    static BackupDrill build(MonitorDatabase database, BackupProperties.Drill drill) {
        PostgresUrl source = database.url().orElseThrow(() -> new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                "dbops.backup.drill.cron is set, but the database " + database.location() + " cannot be reached on a"
                        + " connection of dbops's own — give the DataSource a jdbc:postgresql:// URL"));
        BackupDrill.Builder builder = BackupDrill.builder().source(source)
                .restoreOwnership(drill.isRestoreOwnership());
        if (drill.getTarget() != null && !drill.getTarget().isBlank()) {
            builder.target(PostgresUrl.parse(drill.getTarget()));
        }
        if (drill.getJobs() != null) {
            builder.jobs(drill.getJobs());
        }
        if (drill.getClientPrograms() != null) {
            builder.clientPrograms(drill.getClientPrograms());
        }
        return builder.build();
    }
}
