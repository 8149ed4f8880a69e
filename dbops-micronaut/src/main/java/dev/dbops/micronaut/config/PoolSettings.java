package dev.dbops.micronaut.config;

import java.time.Duration;

/** {@code dbops.pool.*}: the pool health, the pool metrics and the endpoint's pool section. */
public class PoolSettings {

    private boolean enabled = true;
    private Duration inspectionInterval = Duration.ofMinutes(1);
    private Duration window = Duration.ofSeconds(10);
    private Duration sampleInterval = Duration.ofMillis(100);
    private Duration statementTimeout = Duration.ofSeconds(5);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration transactionP99;
    private Duration idleInTransactionThreshold = Duration.ofSeconds(1);
    private double saturatedShare = 0.5;
    private double budgetShare = 0.9;

    /** Settings with the defaults. */
    public PoolSettings() {
    }

    /** A copy of {@code other}, which a datasource's own settings then override. */
    public PoolSettings(PoolSettings other) {
        this.enabled = other.enabled;
        this.inspectionInterval = other.inspectionInterval;
        this.window = other.window;
        this.sampleInterval = other.sampleInterval;
        this.statementTimeout = other.statementTimeout;
        this.connectTimeout = other.connectTimeout;
        this.transactionP99 = other.transactionP99;
        this.idleInTransactionThreshold = other.idleInTransactionThreshold;
        this.saturatedShare = other.saturatedShare;
        this.budgetShare = other.budgetShare;
    }

    /** Whether the datasource's HikariCP pool is inspected. */
    public boolean isEnabled() {
        return enabled;
    }

    /** Whether the datasource's HikariCP pool is inspected: health, metrics, endpoint (default true). */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** How often the pool is inspected in the background. */
    public Duration getInspectionInterval() {
        return inspectionInterval;
    }

    /**
     * How often the pool is inspected in the background; health and metrics show the latest inspection
     * (default 1m).
     */
    public void setInspectionInterval(Duration inspectionInterval) {
        this.inspectionInterval = inspectionInterval;
    }

    /** How long each inspection samples the pool. */
    public Duration getWindow() {
        return window;
    }

    /** How long each inspection samples the pool (default 10s). */
    public void setWindow(Duration window) {
        this.window = window;
    }

    /** How often the pool is sampled within the window. */
    public Duration getSampleInterval() {
        return sampleInterval;
    }

    /** How often the pool is sampled within the window (default 100ms). */
    public void setSampleInterval(Duration sampleInterval) {
        this.sampleInterval = sampleInterval;
    }

    /** The statement_timeout of the inspector's queries on its own connection. */
    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    /** The statement_timeout of the inspector's queries on its own connection, never one of the pool's (default 5s). */
    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    /** The connect and login timeout of the inspector's own connection. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** The connect and login timeout of the inspector's own connection (default 5s). */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** The application's transaction p99; null for the pool's leak-detection threshold. */
    public Duration getTransactionP99() {
        return transactionP99;
    }

    /**
     * The application's transaction p99: a connection held 10 times as long (at least 2 s) counts as leaked; by
     * default the pool's leak-detection threshold, else 60 s.
     */
    public void setTransactionP99(Duration transactionP99) {
        this.transactionP99 = transactionP99;
    }

    /** How long a session may be idle in a transaction before it is reported. */
    public Duration getIdleInTransactionThreshold() {
        return idleInTransactionThreshold;
    }

    /** How long a session may be idle in a transaction before it is reported (default 1s). */
    public void setIdleInTransactionThreshold(Duration idleInTransactionThreshold) {
        this.idleInTransactionThreshold = idleInTransactionThreshold;
    }

    /** The share of samples with waiting requests from which the pool counts as saturated. */
    public double getSaturatedShare() {
        return saturatedShare;
    }

    /** The share of samples with waiting requests from which the pool counts as saturated (default 0.5). */
    public void setSaturatedShare(double saturatedShare) {
        this.saturatedShare = saturatedShare;
    }

    /** The share of the server's ordinary connections in use from which the budget is reported. */
    public double getBudgetShare() {
        return budgetShare;
    }

    /** The share of the server's ordinary connections in use from which the budget is reported (default 0.9). */
    public void setBudgetShare(double budgetShare) {
        this.budgetShare = budgetShare;
    }
}
