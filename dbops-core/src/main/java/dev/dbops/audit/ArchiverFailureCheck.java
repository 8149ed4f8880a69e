package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#ARCHIVER_FAILURE}: WAL archiving whose most recent attempt failed
 * ({@code pg_stat_archiver.last_failed_time} after {@code last_archived_time}). Until it succeeds
 * again, WAL accumulates in {@code pg_wal} and point-in-time recovery cannot reach past the last
 * archived segment. Skipped when the server does not archive.
 */
final class ArchiverFailureCheck implements Check {

    private static final String SQL = """
            select archived_count, last_archived_wal, last_archived_time, failed_count, last_failed_wal,
                   last_failed_time, stats_reset,
                   extract(epoch from now() - last_archived_time)::float8 as since_archived_seconds
            from pg_stat_archiver
            where failed_count > 0 and (last_archived_time is null or last_failed_time > last_archived_time)
            """;

    @Override
    public AuditCheck id() {
        return AuditCheck.ARCHIVER_FAILURE;
    }

    @Override
    public Optional<String> skipReason(AuditSession session) {
        String mode = session.setting("archive_mode").orElse("off");
        if (mode.equals("off")) {
            return Optional.of("archive_mode is off: the server does not archive WAL");
        }
        if (session.inRecovery() && !mode.equals("always")) {
            return Optional.of("this replica does not archive (archive_mode is " + mode + ", not always)");
        }
        return Optional.empty();
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        return session.query(SQL, row -> {
            Evidence evidence = new Evidence()
                    .count("failedCount", row.getLong("failed_count"))
                    .text("lastFailedWal", row.getString("last_failed_wal"))
                    .time("lastFailedAt", row.getTimestamp("last_failed_time"))
                    .text("lastArchivedWal", row.getString("last_archived_wal"))
                    .time("lastArchivedAt", row.getTimestamp("last_archived_time"))
                    .seconds("sinceLastArchivedSeconds", Rows.doubleValue(row, "since_archived_seconds"))
                    .count("archivedCount", row.getLong("archived_count"))
                    .time("statsResetAt", row.getTimestamp("stats_reset"));
            Double since = Rows.doubleValue(row, "since_archived_seconds");
            String message = "WAL archiving is failing: " + row.getLong("failed_count") + " failed attempts, the last"
                    + " for segment " + row.getString("last_failed_wal") + (since == null
                            ? ", and no segment was ever archived"
                            : "; the last success was " + Durations.words(Durations.ofSeconds(since)) + " ago")
                    + " — WAL piles up in pg_wal until the disk is full, and point-in-time recovery cannot reach past"
                    + " the last archived segment. The server log says why archive_command failed";
            return new AuditFinding(id(), AuditSeverity.CRITICAL, "archiver", message, evidence.map(),
                    Optional.empty());
        });
    }
}
