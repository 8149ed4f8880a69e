package dev.dbops.micronaut.config;

import java.time.Duration;

/** {@code dbops.replication.*}: the replication health, on a primary (of its replicas) and on a replica (its own). */
public class ReplicationSettings {

    private boolean enabled = true;
    private Duration lagWarning = Duration.ofMinutes(1);
    private Duration lagCritical = Duration.ofMinutes(15);
    private Duration statementTimeout = Duration.ofSeconds(5);

    /** Settings with the defaults. */
    public ReplicationSettings() {
    }

    /** A copy of {@code other}, which a datasource's own settings then override. */
    public ReplicationSettings(ReplicationSettings other) {
        this.enabled = other.enabled;
        this.lagWarning = other.lagWarning;
        this.lagCritical = other.lagCritical;
        this.statementTimeout = other.statementTimeout;
    }

    /** Whether replication lag is reported as health. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Whether replication lag is reported as health (default true). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Replay lag from which a replica is reported. */
    public Duration getLagWarning() {
        return lagWarning;
    }

    /** Replay lag from which a replica is reported; the health stays up, with details (default 1m). */
    public void setLagWarning(Duration lagWarning) {
        this.lagWarning = lagWarning;
    }

    /** Replay lag from which the replication health is down. */
    public Duration getLagCritical() {
        return lagCritical;
    }

    /** Replay lag from which the replication health is down (default 15m). */
    public void setLagCritical(Duration lagCritical) {
        this.lagCritical = lagCritical;
    }

    /** The statement_timeout of the replication query, on its own connection. */
    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    /** The statement_timeout of the replication query, on its own connection (default 5s). */
    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }
}
