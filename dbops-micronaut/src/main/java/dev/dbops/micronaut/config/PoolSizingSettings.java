package dev.dbops.micronaut.config;

import java.time.Duration;

/** {@code dbops.pool.sizing.*}: the workload the pool recommendation of the dbops endpoint is computed for. */
public class PoolSizingSettings {

    private Double peakRate;
    private Duration dbTime;
    private Duration dbTimeP99;
    private Duration targetWait;
    private int instances = 1;
    private Integer maxInstances;

    /** Settings with the defaults. */
    public PoolSizingSettings() {
    }

    /** A copy of {@code other}, which a datasource's own settings then override. */
    public PoolSizingSettings(PoolSizingSettings other) {
        this.peakRate = other.peakRate;
        this.dbTime = other.dbTime;
        this.dbTimeP99 = other.dbTimeP99;
        this.targetWait = other.targetWait;
        this.instances = other.instances;
        this.maxInstances = other.maxInstances;
    }

    /** Transactions per second at peak, across all instances; null when no workload is configured. */
    public Double getPeakRate() {
        return peakRate;
    }

    /** Transactions per second at peak, across all instances; without it the endpoint shows no recommendation. */
    public void setPeakRate(Double peakRate) {
        this.peakRate = peakRate;
    }

    /** The mean time a transaction holds its connection. */
    public Duration getDbTime() {
        return dbTime;
    }

    /** The mean time a transaction holds its connection (HikariCP's hikaricp.connections.usage); required with peak-rate. */
    public void setDbTime(Duration dbTime) {
        this.dbTime = dbTime;
    }

    /** The 99th percentile of that time; null when not known. */
    public Duration getDbTimeP99() {
        return dbTimeP99;
    }

    /** The 99th percentile of that time; without it the hold time is assumed exponential. */
    public void setDbTimeP99(Duration dbTimeP99) {
        this.dbTimeP99 = dbTimeP99;
    }

    /** The acquire wait that 99 % of requests must not exceed; null for the mean DB time. */
    public Duration getTargetWait() {
        return targetWait;
    }

    /** The acquire wait that 99 % of requests must not exceed; by default the mean DB time. */
    public void setTargetWait(Duration targetWait) {
        this.targetWait = targetWait;
    }

    /** Instances of the application in normal operation. */
    public int getInstances() {
        return instances;
    }

    /** Instances of the application in normal operation (default 1). */
    public void setInstances(int instances) {
        this.instances = instances;
    }

    /** The most instances at once; null for the same as instances. */
    public Integer getMaxInstances() {
        return maxInstances;
    }

    /** The most instances at once, during deploys or autoscaling; by default the same as instances. */
    public void setMaxInstances(Integer maxInstances) {
        this.maxInstances = maxInstances;
    }
}
