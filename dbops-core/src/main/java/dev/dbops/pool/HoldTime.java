package dev.dbops.pool;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;

/**
 * How long a transaction holds its connection: the "service time" of the pool as a queue.
 *
 * <p>The queueing model needs the mean and the variability (the squared coefficient of variation,
 * variance ÷ mean²: 0 for a constant time, 1 for an exponential one); leak detection needs the 99th
 * percentile. Build it from what you know:
 * <ul>
 *   <li>{@link #exponential(Duration)} — only the mean (the classic M/M/c assumption);</li>
 *   <li>{@link #fromMeanAndP99(Duration, Duration)} — mean and p99, fitted with a log-normal
 *       distribution;</li>
 *   <li>{@link #fromSamples(Collection)} — measured hold times (for example HikariCP's
 *       {@code hikaricp.connections.usage}), used as they are.</li>
 * </ul>
 *
 * @param mean the mean hold time, positive
 * @param squaredCoefficientOfVariation variance ÷ mean², zero or more
 * @param p99 the 99th percentile
 * @param basis how the figures were obtained, for the explanation: "exponential with mean 20 ms"
 */
public record HoldTime(Duration mean, double squaredCoefficientOfVariation, Duration p99, String basis) {

    /** The standard normal quantile of 0.99. */
    static final double Z99 = 2.3263478740408408;

    /** Validates the parts. */
    public HoldTime {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(p99, "p99");
        Objects.requireNonNull(basis, "basis");
        if (mean.isNegative() || mean.isZero()) {
            throw invalid("the mean hold time must be positive, was " + Durations.text(mean)
                    + " — give the mean time a transaction holds its connection (DB time per transaction)");
        }
        if (!(squaredCoefficientOfVariation >= 0) || Double.isInfinite(squaredCoefficientOfVariation)) {
            throw invalid("the squared coefficient of variation must be a finite number ≥ 0, was "
                    + squaredCoefficientOfVariation);
        }
        if (p99.isNegative()) {
            throw invalid("the p99 hold time must not be negative, was " + Durations.text(p99));
        }
    }

    /**
     * Hold times drawn from an exponential distribution with this mean (coefficient of variation 1,
     * p99 = mean × ln 100 ≈ 4.6 × mean): the assumption when only the mean is known.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} when the mean is not positive
     */
    public static HoldTime exponential(Duration mean) {
        Objects.requireNonNull(mean, "mean");
        if (mean.isNegative() || mean.isZero()) {
            throw invalid("the DB time per transaction must be positive, was " + Durations.text(mean)
                    + " — give the mean time a transaction holds its connection");
        }
        Duration p99 = Durations.ofSeconds(Durations.seconds(mean) * Math.log(100));
        return new HoldTime(mean, 1.0, p99, "exponential with mean " + Durations.text(mean) + " (assumed: only the"
                + " mean was given)");
    }

    /**
     * Hold times with this mean and 99th percentile, modelled as a log-normal distribution (the usual
     * shape of query times: most short, a long tail). A p99 more than e^(z²/2) ≈ 15 times the mean has
     * no log-normal fit; it is modelled with the heaviest log-normal tail (σ = z₀.₉₉), and the basis says so.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} when the mean is not
     *     positive or the p99 is below the mean
     */
    public static HoldTime fromMeanAndP99(Duration mean, Duration p99) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(p99, "p99");
        if (mean.isNegative() || mean.isZero()) {
            throw invalid("the DB time per transaction must be positive, was " + Durations.text(mean)
                    + " — give the mean time a transaction holds its connection");
        }
        if (p99.compareTo(mean) < 0) {
            throw invalid("the p99 DB time (" + Durations.text(p99) + ") is below the mean (" + Durations.text(mean)
                    + "): a 99th percentile of transaction times is at least their mean — check the two figures");
        }
        double logRatio = Math.log(Durations.seconds(p99) / Durations.seconds(mean));
        double discriminant = Z99 * Z99 - 2 * logRatio;
        double sigma = discriminant >= 0 ? Z99 - Math.sqrt(discriminant) : Z99;
        String basis = "log-normal with mean " + Durations.text(mean) + " and p99 " + Durations.text(p99)
                + (discriminant >= 0 ? "" : " (p99 more than 15× the mean: modelled with the heaviest log-normal tail)");
        return new HoldTime(mean, Math.expm1(sigma * sigma), p99, basis);
    }

    /**
     * Hold times as measured: the mean, variance and 99th percentile (nearest rank) of the samples.
     *
     * @throws DbopsException with {@link ErrorCode#INVALID_CONFIGURATION} when there are no samples,
     *     a sample is negative, or all are zero
     */
    public static HoldTime fromSamples(Collection<Duration> samples) {
        Objects.requireNonNull(samples, "samples");
        if (samples.isEmpty()) {
            throw invalid("no hold-time samples were given — measure at least a few hundred transactions");
        }
        double[] seconds = new double[samples.size()];
        int i = 0;
        for (Duration sample : samples) {
            if (sample == null || sample.isNegative()) {
                throw invalid("a hold-time sample is " + (sample == null ? "missing" : "negative: "
                        + Durations.text(sample)) + " — samples are times a connection was held");
            }
            seconds[i++] = Durations.seconds(sample);
        }
        double mean = Arrays.stream(seconds).average().orElseThrow();
        if (mean <= 0) {
            throw invalid("every hold-time sample is zero — measure the time between borrowing and returning"
                    + " a connection");
        }
        double variance = Arrays.stream(seconds).map(s -> (s - mean) * (s - mean)).sum() / seconds.length;
        Arrays.sort(seconds);
        double p99 = seconds[(int) Math.ceil(0.99 * seconds.length) - 1];
        Duration meanDuration = Durations.ofSeconds(mean);
        return new HoldTime(meanDuration, variance / (mean * mean), Durations.ofSeconds(p99),
                "measured: " + seconds.length + " samples, mean " + Durations.text(meanDuration) + ", p99 "
                        + Durations.text(Durations.ofSeconds(p99)));
    }

    /** The mean in seconds. */
    double meanSeconds() {
        return Durations.seconds(mean);
    }

    /**
     * The same distribution shape (coefficient of variation) with another mean: every time scaled by
     * the same factor. Used to ask "what if transactions were faster" and to add a queue in front.
     */
    public HoldTime scaledTo(Duration otherMean) {
        Objects.requireNonNull(otherMean, "otherMean");
        double factor = Durations.seconds(otherMean) / meanSeconds();
        return new HoldTime(otherMean, squaredCoefficientOfVariation,
                Durations.ofSeconds(Durations.seconds(p99) * factor), basis + ", scaled to mean "
                        + Durations.text(otherMean));
    }

    private static DbopsException invalid(String message) {
        return new DbopsException(ErrorCode.INVALID_CONFIGURATION, message);
    }
}
