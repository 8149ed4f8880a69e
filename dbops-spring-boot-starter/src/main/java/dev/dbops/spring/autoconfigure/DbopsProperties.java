package dev.dbops.spring.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration of dbops in a Spring Boot application, under {@code dbops.*}.
 *
 * <p>Every default equals the default of the core builder the value is passed to
 * ({@code DbopsPropertiesDefaultsTest} checks it); the few values core has no default for are documented in
 * {@code docs/spring-boot.md}. The Micronaut module reads the same keys.
 */
@ConfigurationProperties("dbops")
public class DbopsProperties {

    /** Whether dbops is enabled at all: the startup guard, health, the endpoint, metrics and drills. */
    private boolean enabled = true;

    /** The startup guard: lint of pending migrations before they run, drift check after them. */
    @NestedConfigurationProperty
    private GuardProperties guard = new GuardProperties();

    /** Pool health: the inspector's sampling of the application's HikariCP pool, and optional sizing. */
    @NestedConfigurationProperty
    private PoolProperties pool = new PoolProperties();

    /** Backup health from a drill history, and optional scheduled drills. */
    @NestedConfigurationProperty
    private BackupProperties backup = new BackupProperties();

    /** Replication lag health, on a primary (of its replicas) and on a replica (its own). */
    @NestedConfigurationProperty
    private ReplicationProperties replication = new ReplicationProperties();

    /** The audit summary of the actuator endpoint. */
    @NestedConfigurationProperty
    private AuditProperties audit = new AuditProperties();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public GuardProperties getGuard() {
        return guard;
    }

    public void setGuard(GuardProperties guard) {
        this.guard = guard;
    }

    public PoolProperties getPool() {
        return pool;
    }

    public void setPool(PoolProperties pool) {
        this.pool = pool;
    }

    public BackupProperties getBackup() {
        return backup;
    }

    public void setBackup(BackupProperties backup) {
        this.backup = backup;
    }

    public ReplicationProperties getReplication() {
        return replication;
    }

    public void setReplication(ReplicationProperties replication) {
        this.replication = replication;
    }

    public AuditProperties getAudit() {
        return audit;
    }

    public void setAudit(AuditProperties audit) {
        this.audit = audit;
    }

    /** {@code dbops.audit.*}: the audit summary the {@code dbops} actuator endpoint shows. */
    public static class AuditProperties {

        /** Whether the dbops endpoint runs the operational audit and shows its summary. */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }
}
