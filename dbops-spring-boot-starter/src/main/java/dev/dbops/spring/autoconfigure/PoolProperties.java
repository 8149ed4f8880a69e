package dev.dbops.spring.autoconfigure;

import java.time.Duration;

/** {@code dbops.pool.*}: the pool health contributor, the pool metrics and the endpoint's pool section. */
public class PoolProperties {

    /** Whether the application's HikariCP pool is inspected (health, metrics, endpoint). */
    private boolean enabled = true;

    /** How often the pool is inspected in the background; health and metrics show the latest inspection. */
    private Duration inspectionInterval = Duration.ofMinutes(1);

    /** How long each inspection samples the pool. */
    private Duration window = Duration.ofSeconds(10);

    /** How often the pool is sampled within the window. */
    private Duration sampleInterval = Duration.ofMillis(100);

    /** The statement_timeout of the inspector's queries on its own connection (never one of the pool's). */
    private Duration statementTimeout = Duration.ofSeconds(5);

    /** The connect and login timeout of the inspector's own connection. */
    private Duration connectTimeout = Duration.ofSeconds(5);

    /**
     * The application's transaction p99: a connection held 10 times as long (at least 2 s) counts as leaked; by
     * default the pool's leak-detection threshold, else 60 s.
     */
    private Duration transactionP99;

    /** How long a session may be idle in a transaction before it is reported. */
    private Duration idleInTransactionThreshold = Duration.ofSeconds(1);

    /** The share of samples with waiting requests from which the pool counts as saturated. */
    private double saturatedShare = 0.5;

    /** The share of the server's ordinary connections in use from which the budget is reported. */
    private double budgetShare = 0.9;

    /** The workload to size the pool for, shown next to the actual settings by the dbops endpoint. */
    private final Sizing sizing = new Sizing();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getInspectionInterval() {
        return inspectionInterval;
    }

    public void setInspectionInterval(Duration inspectionInterval) {
        this.inspectionInterval = inspectionInterval;
    }

    public Duration getWindow() {
        return window;
    }

    public void setWindow(Duration window) {
        this.window = window;
    }

    public Duration getSampleInterval() {
        return sampleInterval;
    }

    public void setSampleInterval(Duration sampleInterval) {
        this.sampleInterval = sampleInterval;
    }

    public Duration getStatementTimeout() {
        return statementTimeout;
    }

    public void setStatementTimeout(Duration statementTimeout) {
        this.statementTimeout = statementTimeout;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getTransactionP99() {
        return transactionP99;
    }

    public void setTransactionP99(Duration transactionP99) {
        this.transactionP99 = transactionP99;
    }

    public Duration getIdleInTransactionThreshold() {
        return idleInTransactionThreshold;
    }

    public void setIdleInTransactionThreshold(Duration idleInTransactionThreshold) {
        this.idleInTransactionThreshold = idleInTransactionThreshold;
    }

    public double getSaturatedShare() {
        return saturatedShare;
    }

    public void setSaturatedShare(double saturatedShare) {
        this.saturatedShare = saturatedShare;
    }

    public double getBudgetShare() {
        return budgetShare;
    }

    public void setBudgetShare(double budgetShare) {
        this.budgetShare = budgetShare;
    }

    public Sizing getSizing() {
        return sizing;
    }

    /** {@code dbops.pool.sizing.*}: the workload the pool recommendation of the dbops endpoint is computed for. */
    public static class Sizing {

        /** Transactions per second at peak, across all instances; without it the endpoint shows no recommendation. */
        private Double peakRate;

        /**
         * The mean time a transaction holds its connection (HikariCP's hikaricp.connections.usage); required with
         * peak-rate.
         */
        private Duration dbTime;

        /** The 99th percentile of that time; without it the hold time is assumed exponential. */
        private Duration dbTimeP99;

        /** The acquire wait that 99 % of requests must not exceed; by default the mean DB time. */
        private Duration targetWait;

        /** Instances of the application in normal operation. */
        private int instances = 1;

        /** The most instances at once, during deploys or autoscaling; by default the same as instances. */
        private Integer maxInstances;

        public Double getPeakRate() {
            return peakRate;
        }

        public void setPeakRate(Double peakRate) {
            this.peakRate = peakRate;
        }

        public Duration getDbTime() {
            return dbTime;
        }

        public void setDbTime(Duration dbTime) {
            this.dbTime = dbTime;
        }

        public Duration getDbTimeP99() {
            return dbTimeP99;
        }

        public void setDbTimeP99(Duration dbTimeP99) {
            this.dbTimeP99 = dbTimeP99;
        }

        public Duration getTargetWait() {
            return targetWait;
        }

        public void setTargetWait(Duration targetWait) {
            this.targetWait = targetWait;
        }

        public int getInstances() {
            return instances;
        }

        public void setInstances(int instances) {
            this.instances = instances;
        }

        public Integer getMaxInstances() {
            return maxInstances;
        }

        public void setMaxInstances(Integer maxInstances) {
            this.maxInstances = maxInstances;
        }
    }
}
