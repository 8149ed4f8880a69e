package dev.dbops.pool;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A connection pool as a queue: Poisson arrivals, {@code c} connections, hold times of any
 * distribution (M/G/c).
 *
 * <p>The probability of waiting is Erlang C, computed with the numerically stable Erlang B
 * recursion {@code B(k) = a·B(k−1) ÷ (k + a·B(k−1))}, {@code C = c·B ÷ (c − a·(1 − B))}. For
 * exponential hold times (M/M/c) the wait of a request that waits is exponential with mean
 * {@code E[S] ÷ (c − a)}, which is exact. For other distributions that mean is multiplied by
 * {@code (1 + cs²) ÷ 2}, where cs² is the squared coefficient of variation of the hold time (the
 * Allen–Cunneen approximation; the arrival side's factor is 1 for Poisson arrivals).
 *
 * <p>Little's law gives the mean number of connections in use: {@code a = λ × E[S]}.
 */
public final class PoolQueueModel {

    private PoolQueueModel() {
    }

    /**
     * Predicts utilisation and acquire waits for a pool.
     *
     * @param arrivalsPerSecond transactions per second asking this pool for a connection, positive
     * @param holdTime how long each holds its connection
     * @param poolSize connections in the pool; must exceed the offered load (see {@link #isStable})
     * @throws IllegalArgumentException when the rate is not positive, the pool size is below 1, or the
     *     pool cannot keep up (offered load ≥ pool size: the queue grows without bound)
     */
    public static WaitPrediction predict(double arrivalsPerSecond, HoldTime holdTime, int poolSize) {
        Objects.requireNonNull(holdTime, "holdTime");
        double load = offeredLoad(arrivalsPerSecond, holdTime);
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        if (load >= poolSize) {
            throw new IllegalArgumentException("a pool of " + poolSize + " cannot keep up with an offered load of "
                    + Durations.trim(load) + " connections (" + Durations.trim(arrivalsPerSecond) + "/s × "
                    + Durations.text(holdTime.mean()) + "): requests would queue without bound");
        }
        return prediction(arrivalsPerSecond, holdTime, poolSize, load, erlangC(poolSize, load));
    }

    /** Whether a pool of this size keeps up at all: offered load (λ × mean hold time) below the pool size. */
    public static boolean isStable(double arrivalsPerSecond, HoldTime holdTime, int poolSize) {
        return offeredLoad(arrivalsPerSecond, holdTime) < poolSize;
    }

    /**
     * The smallest pool whose acquire wait at {@code percentile} is at most {@code targetWait}, if one
     * of at most {@code maxPoolSize} connections exists.
     */
    public static OptionalInt smallestPoolSize(double arrivalsPerSecond, HoldTime holdTime, Duration targetWait,
            double percentile, int maxPoolSize) {
        Objects.requireNonNull(targetWait, "targetWait");
        double load = offeredLoad(arrivalsPerSecond, holdTime);
        double erlangB = 1;
        for (int c = 1; c <= maxPoolSize; c++) {
            erlangB = load * erlangB / (c + load * erlangB);
            if (load < c) {
                double erlangC = c * erlangB / (c - load * (1 - erlangB));
                WaitPrediction prediction = prediction(arrivalsPerSecond, holdTime, c, load, erlangC);
                if (prediction.waitAt(percentile).compareTo(targetWait) <= 0) {
                    return OptionalInt.of(c);
                }
            }
        }
        return OptionalInt.empty();
    }

    /** λ × E[S], in Erlangs. */
    static double offeredLoad(double arrivalsPerSecond, HoldTime holdTime) {
        if (!(arrivalsPerSecond > 0) || Double.isInfinite(arrivalsPerSecond)) {
            throw new IllegalArgumentException("the arrival rate must be a positive number, was " + arrivalsPerSecond);
        }
        return arrivalsPerSecond * holdTime.meanSeconds();
    }

    /** Erlang B: the blocking probability of {@code c} servers offered {@code a} Erlangs. */
    static double erlangB(int c, double a) {
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return b;
    }

    /** Erlang C: the probability of waiting with {@code c} servers offered {@code a < c} Erlangs. */
    static double erlangC(int c, double a) {
        if (a >= c) {
            return 1;
        }
        double b = erlangB(c, a);
        return c * b / (c - a * (1 - b));
    }

    private static WaitPrediction prediction(double rate, HoldTime holdTime, int c, double load, double erlangC) {
        double variability = (1 + holdTime.squaredCoefficientOfVariation()) / 2;
        double conditional = holdTime.meanSeconds() * variability / (c - load);
        return new WaitPrediction(c, rate, load, load / c, erlangC, Durations.ofSeconds(erlangC * conditional),
                Durations.ofSeconds(conditional));
    }
}
