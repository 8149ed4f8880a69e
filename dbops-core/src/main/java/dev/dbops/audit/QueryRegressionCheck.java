package dev.dbops.audit;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link AuditCheck#QUERY_REGRESSION}: compares {@code pg_stat_statements} now with the baseline sample
 * given to {@link DatabaseAudit.Builder#queryBaseline(QueryStatsSample)}; see
 * {@link QueryStatsSample#regressionsSince(QueryStatsSample, AuditThresholds)}. Skipped without a
 * baseline, or when the baseline is of another database.
 */
final class QueryRegressionCheck implements Check {

    @Override
    public AuditCheck id() {
        return AuditCheck.QUERY_REGRESSION;
    }

    @Override
    public Optional<String> skipReason(AuditSession session) {
        if (session.baseline().isEmpty()) {
            return Optional.of("no baseline sample was given (dbops audit --query-baseline FILE, saved earlier with"
                    + " --save-query-sample FILE)");
        }
        if (!session.baseline().get().database().equals(session.database())) {
            return Optional.of("the baseline sample is of database " + session.baseline().get().database()
                    + ", not " + session.database());
        }
        return QueryStatsReader.unavailable(session);
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException, CheckSkipped {
        QueryStatsSample now = new QueryStatsSample(Instant.now(), session.database(), session.versionNum(),
                QueryStatsReader.read(session));
        return now.regressionsSince(session.baseline().orElseThrow(), session.thresholds());
    }
}
