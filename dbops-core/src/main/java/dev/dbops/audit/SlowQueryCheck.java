package dev.dbops.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#SLOW_QUERY}: statements of the current database in {@code pg_stat_statements}
 * with at least {@code slow-query-min-calls} calls and a mean execution time of at least
 * {@code slow-query-min-mean}, highest total time first; each finding says the statement's rank by
 * total time and its share of all statement time. Skipped without the extension.
 */
final class SlowQueryCheck implements Check {

    @Override
    public AuditCheck id() {
        return AuditCheck.SLOW_QUERY;
    }

    @Override
    public Optional<String> skipReason(AuditSession session) {
        return QueryStatsReader.unavailable(session);
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException, CheckSkipped {
        List<StatementStats> statements = QueryStatsReader.read(session);
        double allMillis = statements.stream().mapToDouble(StatementStats::totalMillis).sum();
        double minMean = session.duration(AuditThreshold.SLOW_QUERY_MIN_MEAN).toNanos() / 1e6;
        long minCalls = session.count(AuditThreshold.SLOW_QUERY_MIN_CALLS);
        List<AuditFinding> findings = new ArrayList<>();
        for (int rank = 0; rank < statements.size(); rank++) {
            StatementStats statement = statements.get(rank);
            if (statement.calls() < minCalls || statement.meanMillis() < minMean) {
                continue;
            }
            double share = allMillis == 0 ? 0 : statement.totalMillis() / allMillis;
            Evidence evidence = new Evidence()
                    .count("queryId", statement.queryId())
                    .count("calls", statement.calls())
                    .millis("meanMillis", statement.meanMillis())
                    .millis("totalMillis", statement.totalMillis())
                    .count("rows", statement.rows())
                    .count("rankByTotalTime", (long) rank + 1)
                    .ratio("shareOfTotalTime", share)
                    .text("query", statement.query());
            String message = "statement " + statement.queryId() + " takes " + QueryStatsSample.round(
                    statement.meanMillis()) + " ms per call over " + statement.calls() + " calls (rank " + (rank + 1)
                    + " by total time, " + Math.round(share * 100) + "% of all statement time) — "
                    + QueryStatsSample.abbreviated(statement.query());
            findings.add(new AuditFinding(id(), AuditSeverity.WARNING, "query " + statement.queryId(), message,
                    evidence.map(), Optional.empty()));
        }
        return findings;
    }
}
