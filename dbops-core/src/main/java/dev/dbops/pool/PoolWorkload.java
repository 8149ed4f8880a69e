package dev.dbops.pool;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The load a pool is sized for and the wait it must keep, as given to {@link PoolSizer}.
 *
 * @param peakRate transactions per second at peak, across all instances
 * @param holdTime how long a transaction holds its connection
 * @param targetWait the acquire wait not to exceed at {@code targetPercentile}
 * @param targetPercentile the share of requests that must wait at most {@code targetWait}, for example 0.99
 * @param instances app instances in normal operation; the peak rate is spread over them
 * @param maxInstances the most instances running at once (rolling deploys, autoscaling); their pools all count
 * @param connectionsPerTransaction the most connections one transaction holds at once (Cm): 2 with a
 *     nested {@code REQUIRES_NEW} transaction
 * @param threadsPerInstance the threads of an instance that can hold connections at once (Tn); needed
 *     when {@code connectionsPerTransaction} is above 1
 */
public record PoolWorkload(double peakRate, HoldTime holdTime, Duration targetWait, double targetPercentile,
        int instances, int maxInstances, int connectionsPerTransaction, OptionalInt threadsPerInstance) {

    /** Checks that nothing is null; {@link PoolSizer.Builder#build()} checks the values. */
    public PoolWorkload {
        Objects.requireNonNull(holdTime, "holdTime");
        Objects.requireNonNull(targetWait, "targetWait");
        Objects.requireNonNull(threadsPerInstance, "threadsPerInstance");
    }

    /**
     * Connection requests per second that one instance's pool serves at peak: the peak rate spread over
     * the usual instances, times the connections each transaction holds.
     */
    public double perInstanceArrivals() {
        return peakRate * connectionsPerTransaction / instances;
    }

    /** Connection requests per second of all instances together at peak. */
    public double totalArrivals() {
        return peakRate * connectionsPerTransaction;
    }

    /** The nested-connection deadlock floor Tn × (Cm − 1) + 1 per instance; 1 when a transaction holds one connection. */
    public int deadlockFloor() {
        return connectionsPerTransaction <= 1 ? 1
                : threadsPerInstance.orElse(1) * (connectionsPerTransaction - 1) + 1;
    }

    /** "p99 acquire wait ≤ 20 ms". */
    String targetText() {
        return "p" + Durations.trim(targetPercentile * 100) + " acquire wait ≤ " + Durations.text(targetWait);
    }
}
