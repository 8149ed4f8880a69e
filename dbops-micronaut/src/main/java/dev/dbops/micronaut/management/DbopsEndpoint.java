package dev.dbops.micronaut.management;

import dev.dbops.DbopsException;
import dev.dbops.audit.AuditReport;
import dev.dbops.json.Json;
import dev.dbops.micronaut.RequiresDbops;
import dev.dbops.micronaut.guard.DriftStatus;
import dev.dbops.micronaut.monitor.WatchedDataSource;
import dev.dbops.pool.HikariSettings;
import dev.dbops.pool.PoolHealthReport;
import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.DriftCheckResult;
import dev.dbops.runtime.PoolSizing;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.management.endpoint.annotation.Endpoint;
import io.micronaut.management.endpoint.annotation.Read;
import io.micronaut.management.endpoint.annotation.Selector;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The read-only {@code dbops} management endpoint: for each datasource dbops watches, the drift report of the
 * startup check, the pool's settings next to the recommendation for the configured workload and its latest
 * inspection, the backup drills, and a summary of the operational audit: the content of the Spring Boot
 * starter's actuator endpoint. {@code GET /dbops} shows every datasource by name, {@code GET /dbops/<name>} one.
 * Reports appear in their documented JSON formats ({@code formatVersion}).
 *
 * <p>The drift, pool inspection and backup parts are what is already known; the pool budget and the audit are
 * read when the endpoint is called, on dbops's own connection. Sensitive by default (it names the database and
 * runs the audit): open it with {@code endpoints.dbops.sensitive=false} or secure it with micronaut-security.
 */
@Endpoint(id = DbopsEndpoint.ID, defaultSensitive = true)
@RequiresDbops
@Requires(classes = Endpoint.class)
public class DbopsEndpoint {

    /** The endpoint's id and path. */
    public static final String ID = "dbops";

    private final Collection<WatchedDataSource> dataSources;
    private final DriftStatus drift;

    /** Creates the endpoint over every watched datasource. */
    public DbopsEndpoint(Collection<WatchedDataSource> dataSources, DriftStatus drift) {
        this.dataSources = List.copyOf(dataSources);
        this.drift = Objects.requireNonNull(drift, "drift");
    }

    /** Everything dbops knows about each watched datasource, by name. */
    @Read
    public Map<String, Object> dbops() {
        Map<String, Object> out = new LinkedHashMap<>();
        dataSources.stream().filter(WatchedDataSource::watched).sorted(Comparator.comparing(WatchedDataSource::name))
                .forEach(watched -> out.put(watched.name(), of(watched)));
        return out;
    }

    /** Everything dbops knows about one datasource; null (404) when dbops does not watch one of that name. */
    @Read
    @Nullable
    public Map<String, Object> dataSource(@Selector String name) {
        return dataSources.stream().filter(w -> w.watched() && w.name().equals(name)).findFirst().map(this::of)
                .orElse(null);
    }

    private Map<String, Object> of(WatchedDataSource watched) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("drift", drift(drift.latest(watched.name())));
        out.put("pool", pool(watched));
        out.put("backup", backup(watched.backup()));
        out.put("audit", audit(watched.audit()));
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

    private static Map<String, Object> pool(WatchedDataSource watched) {
        Map<String, Object> out = new LinkedHashMap<>();
        Optional<PoolSizing> sizing = watched.sizing();
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
        watched.pool().ifPresent(monitor -> {
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

    private static Object audit(Optional<java.util.function.Supplier<AuditReport>> audit) {
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
