package dev.dbops.audit;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#CACHE_HIT_RATIO}: the share of the current database's block reads served from
 * shared buffers ({@code pg_stat_database.blks_hit} against {@code blks_read}, since the statistics
 * reset), once at least {@code cache-hit-min-blocks} were read. A read that misses shared buffers may
 * still come from the operating system's cache, so a low ratio means I/O or memory pressure is
 * possible, not certain. The tables with the most misses are evidence.
 */
final class CacheHitRatioCheck implements Check {

    private static final String SQL = """
            select d.blks_hit, d.blks_read, d.stats_reset,
                   coalesce((select string_agg(t.name || '=' || t.misses, ', ' order by t.misses desc, t.name)
                             from (select n.nspname || '.' || c.relname as name,
                                          s.heap_blks_read + coalesce(s.idx_blks_read, 0) as misses
                                   from pg_statio_all_tables s
                                   join pg_class c on c.oid = s.relid
                                   join pg_namespace n on n.oid = c.relnamespace
                                   where s.heap_blks_read + coalesce(s.idx_blks_read, 0) > 0
                                   order by 2 desc, 1 limit 5) t), '') as most_missed
            from pg_stat_database d
            where d.datname = current_database()
            """;

    @Override
    public AuditCheck id() {
        return AuditCheck.CACHE_HIT_RATIO;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        double minRatio = session.ratio(AuditThreshold.CACHE_HIT_MIN_RATIO);
        long minBlocks = session.count(AuditThreshold.CACHE_HIT_MIN_BLOCKS);
        return session.query(SQL, row -> {
            long hits = row.getLong("blks_hit");
            long misses = row.getLong("blks_read");
            long blocks = hits + misses;
            double ratio = blocks == 0 ? 1 : (double) hits / blocks;
            if (blocks < minBlocks || ratio >= minRatio) {
                return null;
            }
            Evidence evidence = new Evidence()
                    .ratio("hitRatio", ratio)
                    .count("blocksHit", hits)
                    .count("blocksRead", misses)
                    .time("statsResetAt", row.getTimestamp("stats_reset"))
                    .text("mostMissedTables", row.getString("most_missed"))
                    .text("sharedBuffers", session.setting("shared_buffers").orElse(null));
            String message = "only " + Math.round(ratio * 1000) / 10.0 + "% of block reads in database "
                    + session.database() + " were served from shared buffers (" + misses + " of " + blocks
                    + " missed; threshold " + Math.round(minRatio * 1000) / 10.0 + "%); most misses: "
                    + row.getString("most_missed") + " — the working set may not fit shared_buffers ("
                    + session.setting("shared_buffers").orElse("?") + " blocks) or a query reads far more than it needs";
            return new AuditFinding(id(), AuditSeverity.WARNING, "database " + session.database(), message,
                    evidence.map(), Optional.empty());
        });
    }
}
