package dev.dbops.audit;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code pg_stat_statements} counters of one database at one moment, to keep and compare: the
 * statements slower between two samples than before the first are regressions
 * ({@link #regressionsSince(QueryStatsSample, AuditThresholds)}). A sample saves as versioned JSON
 * ({@code "formatVersion": 1}, see {@code docs/audit.md}).
 *
 * <pre>{@code
 * QueryStatsSample before = QueryStatsSample.fromJson(Files.readString(baselineFile));
 * QueryStatsSample now = DatabaseAudit.builder().build().captureQueryStats(connection);
 * List<AuditFinding> regressions = now.regressionsSince(before, AuditThresholds.defaults());
 * }</pre>
 *
 * @param takenAt when the counters were read
 * @param database the database they belong to
 * @param serverVersionNum the server's {@code server_version_num}
 * @param statements every statement of the database, by total time, highest first
 */
public record QueryStatsSample(Instant takenAt, String database, int serverVersionNum,
        List<StatementStats> statements) {

    /** The version of the JSON format; raised only for a change that could break a reader. */
    public static final int FORMAT_VERSION = 1;

    /** Validates the parts and copies the list. */
    public QueryStatsSample {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(database, "database");
        statements = List.copyOf(statements);
    }

    /** The {@code n} statements with the highest total execution time. */
    public List<StatementStats> topByTotalTime(int n) {
        return statements.stream().sorted(Comparator.comparingDouble(StatementStats::totalMillis).reversed()
                .thenComparingLong(StatementStats::queryId)).limit(n).toList();
    }

    /** The {@code n} statements with the highest mean execution time. */
    public List<StatementStats> topByMeanTime(int n) {
        return statements.stream().sorted(Comparator.comparingDouble(StatementStats::meanMillis).reversed()
                .thenComparingLong(StatementStats::queryId)).limit(n).toList();
    }

    /**
     * The statements slower since {@code baseline} than before it: called at least
     * {@code regression-min-calls} times in between, with a mean over those calls of at least
     * {@code regression-min-mean} and at least {@code regression-factor} times the baseline's mean.
     * Statements new since the baseline, or whose counters were reset in between, have nothing to
     * compare with and are left out.
     */
    public List<AuditFinding> regressionsSince(QueryStatsSample baseline, AuditThresholds thresholds) {
        Objects.requireNonNull(baseline, "baseline");
        Objects.requireNonNull(thresholds, "thresholds");
        Map<String, StatementStats> before = new LinkedHashMap<>();
        baseline.statements.forEach(statement -> before.put(statement.key(), statement));
        double factor = thresholds.ratio(AuditThreshold.REGRESSION_FACTOR);
        long minCalls = thresholds.count(AuditThreshold.REGRESSION_MIN_CALLS);
        double minMean = thresholds.duration(AuditThreshold.REGRESSION_MIN_MEAN).toNanos() / 1e6;
        List<AuditFinding> findings = new ArrayList<>();
        for (StatementStats now : statements) {
            StatementStats then = before.get(now.key());
            if (then == null || then.calls() == 0 || now.calls() < then.calls()) {
                continue;
            }
            long calls = now.calls() - then.calls();
            double mean = calls == 0 ? 0 : (now.totalMillis() - then.totalMillis()) / calls;
            if (calls < minCalls || mean < minMean || mean < factor * then.meanMillis()) {
                continue;
            }
            Evidence evidence = new Evidence()
                    .count("queryId", now.queryId())
                    .millis("baselineMeanMillis", then.meanMillis())
                    .millis("recentMeanMillis", mean)
                    .ratio("slowdownFactor", then.meanMillis() == 0 ? null : mean / then.meanMillis())
                    .count("baselineCalls", then.calls())
                    .count("recentCalls", calls)
                    .text("baselineTakenAt", baseline.takenAt.toString())
                    .text("query", now.query());
            String message = "statement " + now.queryId() + " got slower: " + round(mean) + " ms per call over the "
                    + calls + " calls since " + baseline.takenAt + ", against " + round(then.meanMillis())
                    + " ms over the " + then.calls() + " calls before — " + abbreviated(now.query());
            findings.add(new AuditFinding(AuditCheck.QUERY_REGRESSION, AuditSeverity.WARNING,
                    "query " + now.queryId(), message, evidence.map(), java.util.Optional.empty()));
        }
        return findings;
    }

    /** The sample as versioned JSON, the same text for the same sample. */
    public String toJson() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("formatVersion", FORMAT_VERSION);
        document.put("takenAt", takenAt.toString());
        document.put("database", database);
        document.put("serverVersionNum", serverVersionNum);
        List<Object> items = new ArrayList<>();
        for (StatementStats statement : statements) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("queryId", statement.queryId());
            item.put("userId", statement.userId());
            item.put("topLevel", statement.topLevel());
            item.put("calls", statement.calls());
            item.put("totalMillis", statement.totalMillis());
            item.put("rows", statement.rows());
            item.put("query", statement.query());
            items.add(item);
        }
        document.put("statements", items);
        return Json.writePretty(document);
    }

    /**
     * Reads a sample written by {@link #toJson()}.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_SNAPSHOT} when the text is not such a sample
     */
    public static QueryStatsSample fromJson(String text) {
        try {
            Map<?, ?> document = (Map<?, ?>) Json.parse(text);
            Object version = document.get("formatVersion");
            if (!(version instanceof Long v) || v != FORMAT_VERSION) {
                throw new IllegalArgumentException("formatVersion is " + version + ", this build reads "
                        + FORMAT_VERSION);
            }
            List<StatementStats> statements = new ArrayList<>();
            for (Object element : (List<?>) document.get("statements")) {
                Map<?, ?> item = (Map<?, ?>) element;
                statements.add(new StatementStats(number(item, "queryId").longValue(),
                        number(item, "userId").longValue(), (Boolean) item.get("topLevel"), (String) item.get("query"),
                        number(item, "calls").longValue(), number(item, "totalMillis").doubleValue(),
                        number(item, "rows").longValue()));
            }
            return new QueryStatsSample(Instant.parse((String) document.get("takenAt")),
                    (String) document.get("database"), number(document, "serverVersionNum").intValue(), statements);
        } catch (RuntimeException e) {
            throw new DbopsException(ErrorCode.INVALID_SNAPSHOT, "not a dbops query statistics sample: "
                    + e.getMessage() + " — write one with 'dbops audit --save-query-sample FILE' or"
                    + " QueryStatsSample.toJson()", e);
        }
    }

    private static Number number(Map<?, ?> map, String key) {
        Object value = map.get(key);
        if (!(value instanceof Number number)) {
            throw new IllegalArgumentException("'" + key + "' is missing or not a number");
        }
        return number;
    }

    static double round(double millis) {
        return Math.round(millis * 100) / 100.0;
    }

    static String abbreviated(String query) {
        String oneLine = query.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "...";
    }
}
