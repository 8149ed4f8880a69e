package dev.dbops.trace;

import dev.dbops.json.Json;
import dev.dbops.lint.DeclaredLock;
import dev.dbops.lint.DeclaredWork;
import dev.dbops.lint.Severity;
import dev.dbops.lint.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders a {@link TraceReport} as JSON, {@code formatVersion} {@value TraceReport#FORMAT_VERSION}, documented in
 * {@code docs/trace.md}: keys in a fixed order, enums in kebab case, lock modes as PostgreSQL writes them,
 * times in milliseconds, absent values as {@code null}.
 */
final class TraceJson {

    private TraceJson() {
    }

    static String render(TraceReport report) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("formatVersion", TraceReport.FORMAT_VERSION);
        document.put("pgVersion", report.pgVersion());
        document.put("serverVersion", report.serverVersion());
        document.put("baselineMigrations", report.baselineMigrations());
        document.put("seeding", report.seeding().<Object>map(seeding -> object("summary", seeding.summary(),
                "unsatisfied", seeding.unsatisfied(), "tookMs", millis(seeding.took()))).orElse(Json.NULL));
        document.put("summary", object("migrations", report.migrations().size(),
                "statements", report.statements().size(),
                "errors", count(report, Severity.ERROR), "warnings", count(report, Severity.WARNING),
                "infos", count(report, Severity.INFO),
                "disagreements", report.disagreements().stream().filter(d -> !d.conditional()).count(),
                "longestApplicationWaitMs", report.longestApplicationWait().<Object>map(TraceJson::millis)
                        .orElse(Json.NULL),
                "tookMs", millis(report.took())));
        List<Object> findings = new ArrayList<>();
        for (TraceFinding finding : report.findings()) {
            findings.add(object("kind", kebab(finding.kind()), "severity", kebab(finding.severity()),
                    "position", finding.position(), "message", finding.message()));
        }
        document.put("findings", findings);
        List<Object> migrations = new ArrayList<>();
        for (MigrationTrace migration : report.migrations()) {
            migrations.add(migration(migration));
        }
        document.put("migrations", migrations);
        document.put("failure", report.failure().<Object>map(failure -> object("migration", failure.migration(),
                "file", failure.file(), "line", failure.line(), "statement", failure.statement(),
                "sqlState", failure.sqlState(), "error", failure.error(), "baseline", failure.baseline()))
                .orElse(Json.NULL));
        return Json.writePretty(document);
    }

    private static Map<String, Object> migration(MigrationTrace migration) {
        List<Object> statements = new ArrayList<>();
        for (LockTrace statement : migration.statements()) {
            statements.add(statement(statement));
        }
        return object("id", migration.id(), "file", migration.file(), "transactional", migration.transactional(),
                "commitMs", millis(migration.commitTook()), "statements", statements,
                "workload", migration.workload().<Object>map(TraceJson::workload).orElse(Json.NULL));
    }

    private static Map<String, Object> statement(LockTrace statement) {
        List<Object> locks = new ArrayList<>();
        for (ObservedLock lock : statement.locks()) {
            locks.add(object("target", lock.target(), "kind", kebab(lock.kind()), "mode", lock.mode().sqlName(),
                    "granted", lock.granted(), "acquiredHere", lock.acquiredHere(), "heldMs", millis(lock.heldFor()),
                    "seenBy", kebab(lock.seenBy())));
        }
        List<Object> rewrites = new ArrayList<>();
        for (RelationRewrite rewrite : statement.rewrites()) {
            rewrites.add(object("relation", rewrite.relation(), "kind", kebab(rewrite.kind()),
                    "change", kebab(rewrite.change()), "fromFilenode", rewrite.fromFilenode(),
                    "toFilenode", rewrite.toFilenode()));
        }
        List<Object> scans = new ArrayList<>();
        for (TableScan scan : statement.scans()) {
            scans.add(object("table", scan.table(), "scans", scan.scans(), "rowsRead", scan.rowsRead(),
                    "rowsFetchedByIndex", scan.rowsFetchedByIndex()));
        }
        List<Object> disagreements = new ArrayList<>();
        for (Disagreement disagreement : statement.disagreements()) {
            disagreements.add(object("relation", disagreement.relation(), "fact", kebab(disagreement.fact()),
                    "declared", disagreement.declared(), "observed", disagreement.observed(),
                    "condition", nullable(disagreement.condition())));
        }
        return object("file", statement.file(), "line", statement.line(), "statement", statement.statement(),
                "execution", kebab(statement.execution()), "tookMs", millis(statement.took()), "locks", locks,
                "rewrites", rewrites, "scans", scans, "predicted", prediction(statement.predicted()),
                "disagreements", disagreements, "notCompared", nullable(statement.notCompared()));
    }

    private static Map<String, Object> prediction(Prediction prediction) {
        List<Object> locks = new ArrayList<>();
        for (DeclaredLock lock : prediction.locks()) {
            locks.add(object("relation", lock.relation().display(), "role", kebab(lock.role()),
                    "mode", lock.mode().sqlName()));
        }
        List<Object> work = new ArrayList<>();
        for (DeclaredWork one : prediction.work()) {
            work.add(object("relation", one.relation().display(), "role", kebab(one.role()),
                    "impact", kebab(one.impact()), "detail", one.detail(), "condition", nullable(one.condition())));
        }
        List<Object> violations = new ArrayList<>();
        for (Violation violation : prediction.violations()) {
            violations.add(object("ruleId", violation.ruleId(), "severity", kebab(violation.severity()),
                    "message", violation.message()));
        }
        return object("inspected", prediction.inspected(), "locks", locks, "work", work, "violations", violations);
    }

    private static Map<String, Object> workload(WorkloadOutcome workload) {
        List<Object> waits = new ArrayList<>();
        for (QueryWait wait : workload.waits()) {
            waits.add(object("kind", kebab(wait.kind()), "table", wait.table(), "waitedFor", nullable(wait.waitedFor()),
                    "blockedBy", wait.blockedBy(), "blockedByMigration", wait.blockedByMigration(),
                    "waitedMs", millis(wait.waited()), "queuedMs", millis(wait.queued()), "during", wait.during()));
        }
        return object("tables", workload.tables(), "queries", workload.queries(),
                "waitedQueries", workload.waitedQueries(), "failedQueries", workload.failedQueries(),
                "longestWaitMs", millis(workload.longestWait()), "waits", waits);
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static Object nullable(Optional<String> value) {
        return value.<Object>map(v -> v).orElse(Json.NULL);
    }

    private static long count(TraceReport report, Severity severity) {
        return report.findings().stream().filter(finding -> finding.severity() == severity).count();
    }

    /** Milliseconds with microsecond precision. */
    static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 1_000.0) / 1_000.0;
    }

    private static String kebab(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
