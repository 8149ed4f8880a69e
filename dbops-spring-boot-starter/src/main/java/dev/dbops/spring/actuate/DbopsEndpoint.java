package dev.dbops.spring.actuate;

import dev.dbops.DbopsException;
import dev.dbops.audit.AuditReport;
import dev.dbops.json.Json;
import dev.dbops.pool.HikariSettings;
import dev.dbops.pool.PoolHealthReport;
import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.DriftCheckResult;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.runtime.PoolSizing;
import dev.dbops.spring.guard.DriftStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * The read-only {@code dbops} actuator endpoint: the drift report of the startup check, the pool's settings
 * next to the recommendation for the configured workload and its latest inspection, the backup drills, and a
 * summary of the operational audit. Reports appear in their documented JSON formats ({@code formatVersion}).
 *
 * <p>The drift, pool inspection and backup parts are what is already known; the pool budget and the audit
 * are read when the endpoint is called, on dbops's own connection.
 */
@Endpoint(id = "dbops")
public class DbopsEndpoint {

    private final DriftStatus drift;
    private final Optional<PoolMonitor> pool;
    private final Optional<PoolSizing> sizing;
    private final Optional<BackupStatus> backup;
    private final Optional<Supplier<AuditReport>> audit;

    /**
     * Creates the endpoint; each absent part is shown as not configured.
     *
     * @param drift the startup drift check's result
     * @param pool the pool monitor, when the pool is inspected
     * @param sizing the pool's settings and recommendation, when the pool is HikariCP
     * @param backup the backup status, when backups are reported
     * @param audit runs the operational audit, when its summary is enabled
     */
    public DbopsEndpoint(DriftStatus drift, Optional<PoolMonitor> pool, Optional<PoolSizing> sizing,
            Optional<BackupStatus> backup, Optional<Supplier<AuditReport>> audit) {
        this.drift = Objects.requireNonNull(drift, "drift");
        this.pool = Objects.requireNonNull(pool, "pool");
        this.sizing = Objects.requireNonNull(sizing, "sizing");
        this.backup = Objects.requireNonNull(backup, "backup");
        this.audit = Objects.requireNonNull(audit, "audit");
    }

    /** Everything dbops knows about the application's database, as one JSON object. */
    @ReadOperation
    public Map<String, Object> dbops() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("drift", drift());
        out.put("pool", pool());
        out.put("backup", backup());
        out.put("audit", audit());
        return out;
    }

    private Map<String, Object> drift() {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<DriftCheckResult> latest = drift.latest();
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

    private Map<String, Object> pool() {
        Map<String, Object> out = new LinkedHashMap<>();
        sizing.flatMap(PoolSizing::actual).ifPresent(actual -> out.put("actual", settings(actual)));
        sizing.ifPresent(s -> {
            try {
                s.recommend().ifPresentOrElse(r -> out.put("recommendation", Json.parseWithJavaNulls(r.toJson())),
                        () -> out.put("recommendation", "no workload configured: set dbops.pool.sizing.peak-rate and"
                                + " dbops.pool.sizing.db-time"));
            } catch (DbopsException e) {
                out.put("recommendation", Map.of("error", e.code().name(), "message", e.getMessage()));
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

    private Map<String, Object> backup() {
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

    private Object audit() {
        if (audit.isEmpty()) {
            return Map.of("status", "not run (dbops.audit.enabled=false)");
        }
        try {
            return Json.parseWithJavaNulls(audit.get().get().toJson());
        } catch (DbopsException e) {
            return Map.of("error", e.code().name(), "message", e.getMessage());
        }
    }
}
