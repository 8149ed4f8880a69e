package dev.dbops.pool;

import java.time.Duration;
import java.util.Objects;

/**
 * What the queueing model predicts for one pool at its peak arrival rate: how busy it is and how long
 * a request waits for a connection.
 *
 * <p>Waits follow the M/G/c approximation of {@link PoolQueueModel}: a request waits at all with
 * probability {@link #probabilityOfWait()} (Erlang C); a request that waits, waits an exponentially
 * distributed time with mean {@link #conditionalMeanWait()}.
 *
 * @param poolSize connections in the pool
 * @param arrivalsPerSecond transactions per second that ask this pool for a connection
 * @param offeredLoad arrivals × mean hold time: the mean number of connections in use (Little's law), in Erlangs
 * @param utilisation offered load ÷ pool size, below 1
 * @param probabilityOfWait the probability that a request finds every connection busy (Erlang C, 0–1)
 * @param meanWait the mean acquire wait over all requests, waiting or not
 * @param conditionalMeanWait the mean acquire wait of the requests that wait
 */
public record WaitPrediction(int poolSize, double arrivalsPerSecond, double offeredLoad, double utilisation,
        double probabilityOfWait, Duration meanWait, Duration conditionalMeanWait) {

    /** Validates the parts. */
    public WaitPrediction {
        Objects.requireNonNull(meanWait, "meanWait");
        Objects.requireNonNull(conditionalMeanWait, "conditionalMeanWait");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1, was " + poolSize);
        }
        if (!(probabilityOfWait >= 0 && probabilityOfWait <= 1)) {
            throw new IllegalArgumentException("probabilityOfWait must be within 0–1, was " + probabilityOfWait);
        }
    }

    /**
     * The acquire wait at a percentile of all requests: zero when at least that share of requests
     * finds a free connection, else conditional mean × ln(P(wait) ÷ (1 − percentile)).
     *
     * @param percentile between 0 and 1, exclusive: 0.99 for the 99th percentile
     * @throws IllegalArgumentException for a percentile outside (0, 1)
     */
    public Duration waitAt(double percentile) {
        if (!(percentile > 0 && percentile < 1)) {
            throw new IllegalArgumentException("percentile must be between 0 and 1 (exclusive), was " + percentile);
        }
        double tail = 1 - percentile;
        if (probabilityOfWait <= tail) {
            return Duration.ZERO;
        }
        return Durations.ofSeconds(Durations.seconds(conditionalMeanWait) * Math.log(probabilityOfWait / tail));
    }

    /** The median acquire wait. */
    public Duration p50() {
        return waitAt(0.50);
    }

    /** The 95th percentile acquire wait. */
    public Duration p95() {
        return waitAt(0.95);
    }

    /** The 99th percentile acquire wait. */
    public Duration p99() {
        return waitAt(0.99);
    }
}
