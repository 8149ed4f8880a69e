package dev.dbops.audit;

import java.util.Objects;

/**
 * One statement's cumulative counters from {@code pg_stat_statements}, as a sample holds them.
 *
 * @param queryId the statement's {@code queryid}
 * @param userId the {@code userid} (role oid) that ran it
 * @param topLevel whether it ran at top level (false: inside a function; always true before
 *     pg_stat_statements 1.9, which does not tell)
 * @param query the normalized statement text
 * @param calls how often it ran since the statistics were reset
 * @param totalMillis its total execution time in milliseconds ({@code total_exec_time}, or
 *     {@code total_time} before pg_stat_statements 1.8 / PostgreSQL 13)
 * @param rows the rows it returned or affected in total
 */
public record StatementStats(long queryId, long userId, boolean topLevel, String query, long calls,
        double totalMillis, long rows) {

    /** Validates the parts. */
    public StatementStats {
        Objects.requireNonNull(query, "query");
    }

    /** The mean execution time per call in milliseconds; 0 without calls. */
    public double meanMillis() {
        return calls == 0 ? 0 : totalMillis / calls;
    }

    /** What identifies the statement across samples of one database: query id, user and nesting level. */
    String key() {
        return queryId + "/" + userId + "/" + topLevel;
    }
}
