package dev.dbops.spring.actuate;

import dev.dbops.audit.AuditReport;
import dev.dbops.runtime.BackupStatus;
import dev.dbops.runtime.PoolMonitor;
import dev.dbops.runtime.PoolSizing;
import dev.dbops.runtime.StatusDocument;
import dev.dbops.spring.guard.DriftStatus;
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

    /** Everything dbops knows about the application's database, as one JSON object ({@link StatusDocument}). */
    @ReadOperation
    public Map<String, Object> dbops() {
        return StatusDocument.of(drift.latest(), pool, sizing, backup, audit);
    }
}
