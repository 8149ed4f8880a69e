package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#INACTIVE_REPLICATION_SLOT}: a replication slot no consumer is connected to, with
 * the WAL it keeps from being removed (a warning from {@code slot-retained-warning-size}, else info).
 * On PostgreSQL 13+ its {@code wal_status} and {@code safe_wal_size} are evidence too, and a slot whose
 * WAL is already gone ({@code lost}) is a warning whatever it retains; on 17+ also
 * {@code inactive_since} and {@code invalidation_reason}.
 */
final class InactiveReplicationSlotCheck implements Check {

    private static final String SQL = """
            select slot_name, slot_type, coalesce(plugin, '') as plugin, database, temporary,
                   pg_wal_lsn_diff(%s, restart_lsn)::bigint as retained_bytes,
                   %s as wal_status, %s as safe_wal_size, %s as inactive_since, %s as invalidation_reason
            from pg_replication_slots
            where not active
            order by 6 desc nulls last, slot_name
            """;

    @Override
    public AuditCheck id() {
        return AuditCheck.INACTIVE_REPLICATION_SLOT;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        String current = session.inRecovery() ? "pg_last_wal_replay_lsn()" : "pg_current_wal_lsn()";
        String sql = SQL.formatted(current,
                session.atLeast(13) ? "wal_status" : "null::text",
                session.atLeast(13) ? "safe_wal_size" : "null::bigint",
                session.atLeast(17) ? "inactive_since" : "null::timestamptz",
                session.atLeast(17) ? "invalidation_reason" : "null::text");
        long warningBytes = session.count(AuditThreshold.SLOT_RETAINED_WARNING_SIZE);
        return session.query(sql, row -> {
            String slot = row.getString("slot_name");
            Long retained = Rows.longValue(row, "retained_bytes");
            String walStatus = row.getString("wal_status");
            boolean lost = "lost".equals(walStatus);
            AuditSeverity severity = lost || retained != null && retained >= warningBytes ? AuditSeverity.WARNING
                    : AuditSeverity.INFO;
            Evidence evidence = new Evidence()
                    .text("slotType", row.getString("slot_type"))
                    .text("plugin", row.getString("plugin").isEmpty() ? null : row.getString("plugin"))
                    .text("database", row.getString("database"))
                    .count("retainedWalBytes", retained)
                    .text("walStatus", walStatus)
                    .count("safeWalSizeBytes", Rows.longValue(row, "safe_wal_size"))
                    .time("inactiveSince", row.getTimestamp("inactive_since"))
                    .text("invalidationReason", row.getString("invalidation_reason"));
            String message = row.getString("slot_type") + " replication slot " + slot + " is inactive"
                    + (lost ? " and lost: the WAL its consumer needs is gone, so the slot is useless"
                            : retained == null ? "" : " and keeps " + retained + " bytes of WAL from being removed;"
                                    + " it grows until the disk is full unless a consumer comes back"
                                    + (walStatus == null ? "" : " (wal_status " + walStatus + ")"));
            return new AuditFinding(id(), severity, "slot " + slot, message, evidence.map(), Optional.of(
                    "-- its consumer loses its position and must be re-initialised if it ever comes back\n"
                            + "SELECT pg_drop_replication_slot(" + Sql.literal(slot) + ");"));
        });
    }
}
