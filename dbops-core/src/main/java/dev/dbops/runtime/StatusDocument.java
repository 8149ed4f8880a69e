package dev.dbops.runtime;

import dev.dbops.DbopsException;
import dev.dbops.audit.AuditReport;
import dev.dbops.json.Json;
import dev.dbops.pool.HikariSettings;
import dev.dbops.pool.PoolHealthReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What dbops knows about one database, as the JSON object the Spring Boot actuator endpoint and the Micronaut
 * management endpoint both show: {@code drift} (the startup check's result and report), {@code pool} (the
 * pool's settings, the recommendation for the configured workload, the latest inspection), {@code backup}
 * (age and last drill) and {@code audit} (the operational audit, run when asked). Reports appear in their
 * documented JSON formats ({@code formatVersion}), as plain maps, lists and Java {@code null}s, which any
 * framework's JSON writer renders.
 *
 * <p>The drift, pool inspection and backup parts are what is already known; the pool budget and the audit are
 * read when the document is made, on dbops's own connection. A part that is not configured says so, naming
 * the {@code dbops.*} key that switches it on; a part that fails shows its error code and message.
 */
public final class StatusDocument {

    private StatusDocument() {
    }

    /**
     * Makes the document; each absent part is shown as not configured.
     *
     * @param drift the startup drift check's latest result
     * @param pool the pool monitor, when the pool is inspected
     * @param sizing the pool's settings and recommendation, when the pool is HikariCP
     * @param backup the backup status, when backups are reported
     * @param audit runs the operational audit, when its summary is enabled
     */
    public static Map<String, Object> of(Optional<DriftCheckResult> drift, Optional<PoolMonitor> pool,
            Optional<PoolSizing> sizing, Optional<BackupStatus> backup, Optional<Supplier<AuditReport>> audit) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("drift", drift(drift));
        out.put("pool", pool(pool, sizing));
        out.put("backup", backup(backup));
        out.put("audit", audit(audit));
        return out;
    }

    private static Map<String, Object> drift(Optional<DriftCheckResult> latest) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (latest.isEmpty()) {
            out.put("status", "not checked");
            return out;
        }
        DriftCheckResult result = latest.get();
        out.put("checkedAt", result.checkedAt().toString());
        result.skipped().ifPresent(reason -> out.put("skipped", reason));
        result.decision().ifPresent(decision -> {
            out.put("outcome", decision.outcome().name());
            out.put("reasons", decision.reasons());
        });
        if (!result.reconciliation().isEmpty()) {
            out.put("reconciliation", result.reconciliation().stream().map(Object::toString).toList());
        }
        result.report().ifPresent(report -> out.put("report", Json.parseWithJavaNulls(report.toJson())));
        return out;
    }

    private static Map<String, Object> pool(Optional<PoolMonitor> pool, Optional<PoolSizing> sizing) {
        Map<String, Object> out = new LinkedHashMap<>();
        sizing.flatMap(PoolSizing::actual).ifPresent(actual -> out.put("actual", settings(actual)));
        sizing.ifPresent(s -> {
            try {
                s.recommend().ifPresentOrElse(r -> out.put("recommendation", Json.parseWithJavaNulls(r.toJson())),
                        () -> out.put("recommendation", "no workload configured: set dbops.pool.sizing.peak-rate and"
                                + " dbops.pool.sizing.db-time"));
            } catch (DbopsException e) {
                out.put("recommendation", error(e));
            }
        });
        pool.ifPresent(monitor -> {
            monitor.latest().ifPresent(report -> out.put("inspection", inspection(report)));
            monitor.problem().ifPresent(problem -> out.put("inspectionProblem", problem));
        });
        if (out.isEmpty()) {
            out.put("status", "not inspected (dbops.pool.enabled=false, or the pool is not HikariCP)");
        }
        return out;
    }

    private static Map<String, Object> settings(HikariSettings settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("maximumPoolSize", settings.maximumPoolSize());
        out.put("minimumIdle", settings.minimumIdle());
        out.put("connectionTimeoutMillis", settings.connectionTimeout().toMillis());
        out.put("maxLifetimeMillis", settings.maxLifetime().toMillis());
        out.put("keepaliveTimeMillis", settings.keepaliveTime().toMillis());
        out.put("leakDetectionThresholdMillis", settings.leakDetectionThreshold().toMillis());
        return out;
    }

    private static Map<String, Object> inspection(PoolHealthReport report) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("startedAt", report.startedAt().toString());
        out.put("windowMillis", report.window().toMillis());
        out.put("samples", report.samples().size());
        out.put("findings", report.findings().stream().map(f -> Map.of("check", f.check().id(), "severity",
                f.severity().name(), "message", f.message(), "help", f.help())).toList());
        return out;
    }

    private static Map<String, Object> backup(Optional<BackupStatus> backup) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (backup.isEmpty()) {
            out.put("status", "not reported (dbops.backup.enabled=false)");
            return out;
        }
        BackupStatus.State state = backup.get().read();
        out.put("maxAge", backup.get().maxAge().toString());
        state.backupAge().ifPresent(age -> out.put("backupAge", age.toString()));
        state.lastDrill().ifPresent(r -> out.put("lastDrill", Json.parseWithJavaNulls(r.toJson())));
        state.problem().ifPresent(problem -> out.put("problem", problem));
        return out;
    }

    private static Object audit(Optional<Supplier<AuditReport>> audit) {
        if (audit.isEmpty()) {
            return Map.of("status", "not run (dbops.audit.enabled=false)");
        }
        try {
            return Json.parseWithJavaNulls(audit.get().get().toJson());
        } catch (DbopsException e) {
            return error(e);
        }
    }

    private static Map<String, Object> error(DbopsException e) {
        return Map.of("error", e.code().name(), "message", e.getMessage());
    }
}
