package dev.dbops.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AuditReportTest {

    private static AuditReport report() {
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("usedRatio", 0.93);
        evidence.put("lastValue", 2_000_000_000);
        evidence.put("limitedBy", "sequence");
        AuditFinding critical = new AuditFinding(AuditCheck.SEQUENCE_EXHAUSTION, AuditSeverity.CRITICAL,
                "public.orders_id_seq", "sequence public.orders_id_seq used 93% of its range", evidence,
                Optional.of("ALTER SEQUENCE \"public\".\"orders_id_seq\" AS bigint;"));
        AuditFinding info = new AuditFinding(AuditCheck.INACTIVE_REPLICATION_SLOT, AuditSeverity.INFO, "slot s",
                "physical replication slot s is inactive", Map.of(), Optional.empty());
        List<CheckOutcome> outcomes = List.of(
                new CheckOutcome(AuditCheck.SEQUENCE_EXHAUSTION, CheckOutcome.Status.RAN, 1, "", Duration.ofMillis(3)),
                new CheckOutcome(AuditCheck.INACTIVE_REPLICATION_SLOT, CheckOutcome.Status.RAN, 1, "",
                        Duration.ofMillis(1)),
                new CheckOutcome(AuditCheck.SLOW_QUERY, CheckOutcome.Status.SKIPPED, 0, "not installed", Duration.ZERO),
                new CheckOutcome(AuditCheck.TABLE_BLOAT, CheckOutcome.Status.FAILED, 0, "permission denied",
                        Duration.ofMillis(2)));
        return new AuditReport("shop", "15.19", 150019, false, Instant.parse("2026-01-02T03:04:05Z"),
                Duration.ofMillis(12), outcomes, List.of(critical, info));
    }

    private static List<Object> items(java.util.Collection<?> values) {
        return new java.util.ArrayList<>(values);
    }

    @Test
    void jsonHasTheDocumentedKeysInOrderAndIsStable() {
        String json = report().toJson();

        assertThat(json).isEqualTo(report().toJson());
        Map<?, ?> document = (Map<?, ?>) Json.parse(json);
        assertThat(items(document.keySet())).containsExactly("formatVersion", "database", "serverVersion", "serverVersionNum",
                "replica", "startedAt", "durationMillis", "summary", "findings", "checks");
        assertThat(document.get("formatVersion")).isEqualTo(1L);
        Map<?, ?> summary = (Map<?, ?>) document.get("summary");
        assertThat(items(summary.keySet())).containsExactly("critical", "warning", "info", "checksRan", "checksSkipped",
                "checksFailed");
        assertThat(items(summary.values())).containsExactly(1L, 0L, 1L, 2L, 1L, 1L);
        Map<?, ?> finding = (Map<?, ?>) ((List<?>) document.get("findings")).get(0);
        assertThat(items(finding.keySet())).containsExactly("checkId", "category", "severity", "object", "message",
                "evidence", "remediation", "docs");
        assertThat(finding.get("category")).isEqualTo("tables");
        assertThat(items(((Map<?, ?>) finding.get("evidence")).keySet())).containsExactly("usedRatio", "lastValue", "limitedBy");
        assertThat(((Map<?, ?>) finding.get("evidence")).get("lastValue")).isEqualTo(2_000_000_000L);
        assertThat(((Map<?, ?>) ((List<?>) document.get("findings")).get(1)).get("remediation")).isSameAs(Json.NULL);
        Map<?, ?> failed = (Map<?, ?>) ((List<?>) document.get("checks")).get(3);
        assertThat(failed.get("status")).isEqualTo("failed");
        assertThat(failed.get("detail")).isEqualTo("permission denied");
    }

    @Test
    void textShowsFindingsWithEvidenceAndRemediationThenChecksThatDidNotRun() {
        assertThat(report().toText()).isEqualTo("""
                dbops audit of database shop (PostgreSQL 15.19): 4 checks in 12 ms

                critical[sequence-exhaustion] public.orders_id_seq: sequence public.orders_id_seq used 93% of its range
                  evidence: usedRatio=0.93, lastValue=2000000000, limitedBy=sequence
                  remediation:
                    ALTER SEQUENCE "public"."orders_id_seq" AS bigint;
                  docs: docs/audit.md#sequence-exhaustion

                info[inactive-replication-slot] slot s: physical replication slot s is inactive
                  docs: docs/audit.md#inactive-replication-slot

                skipped slow-query: not installed
                failed table-bloat: permission denied

                2 findings: 1 critical, 0 warnings, 1 info; 2 checks ran, 1 skipped, 1 failed
                """);
    }

    @Test
    void filtersFindingsBySeverityAndCheck() {
        AuditReport report = report();

        assertThat(report.findingsAtLeast(AuditSeverity.WARNING)).extracting(AuditFinding::object)
                .containsExactly("public.orders_id_seq");
        assertThat(report.hasFindingsAtLeast(AuditSeverity.CRITICAL)).isTrue();
        assertThat(report.findings(AuditCheck.INACTIVE_REPLICATION_SLOT)).hasSize(1);
        assertThat(report.failedChecks()).extracting(CheckOutcome::check).containsExactly(AuditCheck.TABLE_BLOAT);
        assertThat(report.outcome(AuditCheck.UNUSED_INDEX)).isEmpty();
    }

    @Test
    void findingsAcceptOnlyJsonFriendlyEvidence() {
        assertThatThrownBy(() -> new AuditFinding(AuditCheck.UNUSED_INDEX, AuditSeverity.INFO, "x", "m",
                Map.of("at", Instant.now()), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("evidence 'at' must be a Long, Double, Boolean or String");
        assertThatThrownBy(() -> new AuditFinding(AuditCheck.UNUSED_INDEX, AuditSeverity.INFO, "x", "m",
                Map.of("ratio", Double.NaN), Optional.empty()))
                .hasMessageContaining("not a finite number");
    }

    @Test
    void aQueryStatsSampleSurvivesItsJsonAndRejectsOtherText() {
        QueryStatsSample sample = new QueryStatsSample(Instant.parse("2026-01-02T03:04:05Z"), "shop", 150019, List.of(
                new StatementStats(42L, 10L, true, "select $1", 100, 250.5, 100),
                new StatementStats(-7L, 10L, false, "update t set v = $1", 3, 3000.0, 3)));

        QueryStatsSample read = QueryStatsSample.fromJson(sample.toJson());

        assertThat(read).isEqualTo(sample);
        assertThat(read.topByTotalTime(1)).extracting(StatementStats::queryId).containsExactly(-7L);
        assertThat(read.topByMeanTime(2)).extracting(StatementStats::queryId).containsExactly(-7L, 42L);
        assertThatThrownBy(() -> QueryStatsSample.fromJson("{\"formatVersion\": 2}"))
                .isInstanceOf(DbopsException.class)
                .satisfies(e -> assertThat(((DbopsException) e).code()).isEqualTo(ErrorCode.INVALID_SNAPSHOT))
                .hasMessageContaining("formatVersion is 2, this build reads 1");
    }

    @Test
    void regressionsCompareTheCallsSinceTheBaselineWithTheCallsBeforeIt() {
        Instant then = Instant.parse("2026-01-01T00:00:00Z");
        QueryStatsSample baseline = new QueryStatsSample(then, "shop", 150019, List.of(
                new StatementStats(1L, 10L, true, "select slow", 200, 2000.0, 200),
                new StatementStats(2L, 10L, true, "select steady", 200, 2000.0, 200),
                new StatementStats(3L, 10L, true, "select rare", 200, 2000.0, 200),
                new StatementStats(4L, 10L, true, "select reset", 200, 2000.0, 200)));
        QueryStatsSample now = new QueryStatsSample(then.plusSeconds(3600), "shop", 150019, List.of(
                new StatementStats(1L, 10L, true, "select slow", 400, 2000.0 + 200 * 30.0, 400),
                new StatementStats(2L, 10L, true, "select steady", 400, 4000.0, 400),
                new StatementStats(3L, 10L, true, "select rare", 210, 2000.0 + 10 * 100.0, 210),
                new StatementStats(4L, 10L, true, "select reset", 150, 150 * 50.0, 150),
                new StatementStats(5L, 10L, true, "select new", 500, 500 * 100.0, 500)));

        List<AuditFinding> regressions = now.regressionsSince(baseline, AuditThresholds.defaults());

        assertThat(regressions).extracting(AuditFinding::object).containsExactly("query 1");
        assertThat(regressions.get(0).evidence()).containsEntry("baselineMeanMillis", 10.0)
                .containsEntry("recentMeanMillis", 30.0).containsEntry("slowdownFactor", 3.0)
                .containsEntry("recentCalls", 200L);
    }
}
