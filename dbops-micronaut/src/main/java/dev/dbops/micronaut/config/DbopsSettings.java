package dev.dbops.micronaut.config;

import io.micronaut.context.annotation.ConfigurationBuilder;

/**
 * Every dbops setting of one datasource: {@code enabled} and the {@code guard}, {@code pool}, {@code backup},
 * {@code replication} and {@code audit} groups. {@link DbopsConfiguration} binds them under {@code dbops.*}
 * (the keys of the Spring Boot starter), {@link DbopsDataSourceConfiguration} under
 * {@code dbops.datasources.<name>.*}, starting from the global values.
 *
 * <p>The groups are plain objects bound by {@link ConfigurationBuilder}: Micronaut calls a setter only for a
 * key that is present, so a datasource's own key overrides the global value and every other value is kept.
 */
public abstract class DbopsSettings {

    private boolean enabled = true;

    @ConfigurationBuilder(configurationPrefix = "guard", prefixes = "set")
    GuardSettings guard;

    @ConfigurationBuilder(configurationPrefix = "guard.lint", prefixes = "set")
    LintSettings lint;

    @ConfigurationBuilder(configurationPrefix = "guard.drift", prefixes = "set")
    DriftSettings drift;

    @ConfigurationBuilder(configurationPrefix = "pool", prefixes = "set")
    PoolSettings pool;

    @ConfigurationBuilder(configurationPrefix = "pool.sizing", prefixes = "set")
    PoolSizingSettings sizing;

    @ConfigurationBuilder(configurationPrefix = "backup", prefixes = "set")
    BackupSettings backup;

    @ConfigurationBuilder(configurationPrefix = "backup.drill", prefixes = "set")
    DrillSettings drill;

    @ConfigurationBuilder(configurationPrefix = "replication", prefixes = "set")
    ReplicationSettings replication;

    @ConfigurationBuilder(configurationPrefix = "audit", prefixes = "set")
    AuditSettings audit;

    /** Settings with the defaults. */
    DbopsSettings() {
        this.guard = new GuardSettings();
        this.lint = new LintSettings();
        this.drift = new DriftSettings();
        this.pool = new PoolSettings();
        this.sizing = new PoolSizingSettings();
        this.backup = new BackupSettings();
        this.drill = new DrillSettings();
        this.replication = new ReplicationSettings();
        this.audit = new AuditSettings();
    }

    /** A copy of {@code other}'s settings. */
    DbopsSettings(DbopsSettings other) {
        this.enabled = other.enabled;
        this.guard = new GuardSettings(other.guard);
        this.lint = new LintSettings(other.lint);
        this.drift = new DriftSettings(other.drift);
        this.pool = new PoolSettings(other.pool);
        this.sizing = new PoolSizingSettings(other.sizing);
        this.backup = new BackupSettings(other.backup);
        this.drill = new DrillSettings(other.drill);
        this.replication = new ReplicationSettings(other.replication);
        this.audit = new AuditSettings(other.audit);
    }

    /** Whether dbops watches the datasource at all. */
    public boolean isEnabled() {
        return enabled;
    }

    /**
     * Whether dbops is enabled: the startup guard, health, the endpoint, metrics and drills (default true). Under
     * {@code dbops.datasources.<name>} it switches dbops off for that datasource only.
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** {@code guard.*}. */
    public GuardSettings getGuard() {
        return guard;
    }

    /** {@code guard.lint.*}. */
    public LintSettings getLint() {
        return lint;
    }

    /** {@code guard.drift.*}. */
    public DriftSettings getDrift() {
        return drift;
    }

    /** {@code pool.*}. */
    public PoolSettings getPool() {
        return pool;
    }

    /** {@code pool.sizing.*}. */
    public PoolSizingSettings getSizing() {
        return sizing;
    }

    /** {@code backup.*}. */
    public BackupSettings getBackup() {
        return backup;
    }

    /** {@code backup.drill.*}. */
    public DrillSettings getDrill() {
        return drill;
    }

    /** {@code replication.*}. */
    public ReplicationSettings getReplication() {
        return replication;
    }

    /** {@code audit.*}. */
    public AuditSettings getAudit() {
        return audit;
    }
}
