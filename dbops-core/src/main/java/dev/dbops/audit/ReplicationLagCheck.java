package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#REPLICATION_LAG}: on a primary, every connected replica ({@code pg_stat_replication})
 * whose replay lag reached {@code replication-lag-warning} or whose unreplayed WAL reached
 * {@code replication-lag-warning-size}; on a replica, the same for itself: WAL received but not yet
 * replayed, and the time since the last replayed transaction while there is WAL to replay (an idle
 * primary is not lag), and whether replay is paused.
 */
final class ReplicationLagCheck implements Check {

    private static final String ON_PRIMARY = """
            select pid, coalesce(application_name, '') as application_name, client_addr::text as client_addr,
                   state, sync_state,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), coalesce(replay_lsn, flush_lsn))::bigint as replay_bytes,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), flush_lsn)::bigint as flush_bytes,
                   coalesce(extract(epoch from replay_lag), 0)::float8 as replay_seconds,
                   extract(epoch from write_lag)::float8 as write_seconds,
                   extract(epoch from flush_lag)::float8 as flush_seconds
            from pg_stat_replication
            order by application_name, pid
            """;

    private static final String ON_REPLICA = """
            select pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::bigint as replay_bytes,
                   case when pg_last_wal_receive_lsn() is null
                             or pg_last_wal_receive_lsn() > pg_last_wal_replay_lsn()
                        then extract(epoch from now() - pg_last_xact_replay_timestamp())::float8
                        else 0 end as replay_seconds,
                   pg_last_xact_replay_timestamp() as last_replayed_at,
                   pg_is_wal_replay_paused() as paused,
                   (select status from pg_stat_wal_receiver) as receiver_status,
                   (select sender_host from pg_stat_wal_receiver) as sender_host
            """;

    @Override
    public AuditCheck id() {
        return AuditCheck.REPLICATION_LAG;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        double warning = session.duration(AuditThreshold.REPLICATION_LAG_WARNING).toMillis() / 1000.0;
        double critical = session.duration(AuditThreshold.REPLICATION_LAG_CRITICAL).toMillis() / 1000.0;
        long warningBytes = session.count(AuditThreshold.REPLICATION_LAG_WARNING_SIZE);
        if (session.inRecovery()) {
            return session.query(ON_REPLICA, row -> {
                Long bytes = Rows.longValue(row, "replay_bytes");
                Double seconds = Rows.doubleValue(row, "replay_seconds");
                if (!(seconds != null && seconds >= warning || bytes != null && bytes >= warningBytes)) {
                    return null;
                }
                boolean paused = row.getBoolean("paused");
                Evidence evidence = new Evidence().text("side", "replica")
                        .count("replayLagBytes", bytes).seconds("replayLagSeconds", seconds)
                        .time("lastReplayedAt", row.getTimestamp("last_replayed_at")).flag("replayPaused", paused)
                        .text("receiverStatus", row.getString("receiver_status"))
                        .text("primaryHost", row.getString("sender_host"));
                String message = "this replica is " + (seconds == null ? "behind" : Durations.words(
                        Durations.ofSeconds(seconds)) + " behind") + (bytes == null ? "" : " with " + bytes
                        + " bytes of received WAL not yet replayed") + (paused ? "; replay is paused" : "")
                        + (row.getString("receiver_status") == null ? "; no WAL receiver is running" : "")
                        + " — reads here return old data";
                return new AuditFinding(id(), seconds != null && seconds >= critical ? AuditSeverity.CRITICAL
                        : AuditSeverity.WARNING, "this replica", message, evidence.map(),
                        paused ? Optional.of("SELECT pg_wal_replay_resume();") : Optional.empty());
            });
        }
        return session.query(ON_PRIMARY, row -> {
            Long bytes = Rows.longValue(row, "replay_bytes");
            double seconds = row.getDouble("replay_seconds");
            if (seconds < warning && (bytes == null || bytes < warningBytes)) {
                return null;
            }
            String replica = "replica '" + row.getString("application_name") + "'"
                    + (row.getString("client_addr") == null ? "" : " at " + row.getString("client_addr"));
            Evidence evidence = new Evidence().text("side", "primary").count("pid", row.getLong("pid"))
                    .text("applicationName", row.getString("application_name"))
                    .text("clientAddress", row.getString("client_addr")).text("state", row.getString("state"))
                    .text("syncState", row.getString("sync_state")).count("replayLagBytes", bytes)
                    .count("flushLagBytes", Rows.longValue(row, "flush_bytes")).seconds("replayLagSeconds", seconds)
                    .seconds("writeLagSeconds", Rows.doubleValue(row, "write_seconds"))
                    .seconds("flushLagSeconds", Rows.doubleValue(row, "flush_seconds"));
            String message = replica + " (" + row.getString("state") + ", " + row.getString("sync_state")
                    + ") replays " + Durations.words(Durations.ofSeconds(seconds)) + " behind"
                    + (bytes == null ? "" : ", " + bytes + " bytes of WAL not yet replayed")
                    + " — reads there return old data, and a failover to it would lose or wait for that WAL";
            return new AuditFinding(id(), seconds >= critical ? AuditSeverity.CRITICAL : AuditSeverity.WARNING,
                    replica, message, evidence.map(), Optional.empty());
        });
    }
}
