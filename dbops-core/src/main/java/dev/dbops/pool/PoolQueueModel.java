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
 * {@code E[S] ÷ (c − a)}, which is exact. For other distributions the mean wait of M/M/c is
 * multiplied by a factor of the hold time's squared coefficient of variation cs²: with one connection
 * by {@code (1 + cs²) ÷ 2} (Pollaczek–Khinchine, exact); with more, by Whitt's (1993) two-moment
 * factor {@code φ·(1 + cs²) ÷ 2}, where φ interpolates the Cosmetatos correction for constant times
 * (M/D/c) and the D/M/c one, so that it is exact for M/M/c and shrinks the effect of variable hold
 * times in light traffic, where a waiting request is served by whichever connection frees first.
 * The wait of a request that waits is taken as exponential with that mean ÷ P(wait).
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

    /**
     * The factor by which M/M/c's mean wait is multiplied for hold times with squared coefficient of
     * variation {@code cs2}: Pollaczek–Khinchine's {@code (1 + cs²)/2} for one connection, Whitt's
     * (1993, eqs. 2.16–2.25, Poisson arrivals) {@code φ·(1 + cs²)/2} for more.
     */
    static double variabilityFactor(int c, double utilisation, double cs2) {
        double c2 = (1 + cs2) / 2;
        if (c == 1 || cs2 == 1) {
            return c2;
        }
        double rho = utilisation;
        double gamma = Math.min(0.24, (1 - rho) * (c - 1) * (Math.sqrt(4 + 5.0 * c) - 2) / (16 * c * rho));
        double constant = 1 + gamma;
        double markovianService = (1 - 4 * gamma) * Math.exp(-2 * (1 - rho) / (3 * rho));
        double between = Math.min(1, (constant + markovianService) / 2);
        double psi = c2 >= 1 ? 1 : Math.pow(between, 2 * (1 - c2));
        double phi = cs2 < 1
                ? 4 * (1 - cs2) / (4 - 3 * cs2) * constant + cs2 / (4 - 3 * cs2) * psi
                : (cs2 - 1) / (2 * (1 + cs2)) * markovianService + (cs2 + 3) / (2 * (1 + cs2)) * psi;
        return phi * c2;
    }

    private static WaitPrediction prediction(double rate, HoldTime holdTime, int c, double load, double erlangC) {
        double variability = variabilityFactor(c, load / c, holdTime.squaredCoefficientOfVariation());
        double conditional = holdTime.meanSeconds() * variability / (c - load);
        return new WaitPrediction(c, rate, load, load / c, erlangC, Durations.ofSeconds(erlangC * conditional),
                Durations.ofSeconds(conditional));
    }
}
