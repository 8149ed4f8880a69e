package dev.dbops.spring.autoconfigure;

import java.time.Duration;

/** {@code dbops.replication.*}: the replication health contributor. */
public class ReplicationProperties {

    /** Whether replication lag is reported as health. */
    private boolean enabled = true;

    /** Replay lag from which a replica is reported (the health stays up, with details). */
    private Duration lagWarning = Duration.ofMinutes(1);

    /** Replay lag from which the replication health is down. */
    private Duration lagCritical = Duration.ofMinutes(15);

    /** The statement_timeout of the replication query, on its own connection. */
    private Duration statementTimeout = Duration.ofSeconds(5);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getLagWarning() {
        return lagWarning;
    }

    public void setLagWarning(Duration lagWarning) {
        this.lagWarning = lagWarning;
    }

    public Duration getLagCritical() {
        return lagCritical;
    }

    public void setLagCritical(Duration lagCritical) {
        this.lagCritical = lagCritical;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }
}
