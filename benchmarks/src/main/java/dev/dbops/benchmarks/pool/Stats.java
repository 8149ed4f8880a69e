package dev.dbops.benchmarks.pool;

import dev.dbops.pool.HikariSettings;
import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

/** Order statistics and formatting for the experiment's report. */
final class Stats {

    private Stats() {
    }

    /** The requests that arrived after the warm-up. */
    static List<OpenLoopDriver.Request> after(List<OpenLoopDriver.Request> requests, Duration warmup) {
        return requests.stream().filter(r -> r.arrival() >= warmup.toNanos()).toList();
    }

    /** The nearest-rank percentile of one field over the successful requests, in nanoseconds. */
    static long percentile(List<OpenLoopDriver.Request> requests, ToLongFunction<OpenLoopDriver.Request> field,
            double q) {
        long[] values = requests.stream().filter(r -> r.outcome() == Outcome.OK).mapToLong(field).sorted().toArray();
        if (values.length == 0) {
            return 0;
        }
        return values[Math.max(0, (int) Math.ceil(q * values.length) - 1)];
    }

    static long max(List<OpenLoopDriver.Request> requests, ToLongFunction<OpenLoopDriver.Request> field) {
        return requests.stream().mapToLong(field).max().orElse(0);
    }

    static double share(List<OpenLoopDriver.Request> requests, java.util.function.Predicate<OpenLoopDriver.Request> p) {
        long ok = requests.stream().filter(r -> r.outcome() == Outcome.OK).count();
        return ok == 0 ? 0 : (double) requests.stream().filter(r -> r.outcome() == Outcome.OK).filter(p).count() / ok;
    }

    static Map<Outcome, Long> outcomes(List<OpenLoopDriver.Request> requests) {
        Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0L);
        }
        requests.forEach(r -> counts.merge(r.outcome(), 1L, Long::sum));
        return counts;
    }

    /** "12.3 ms" with three significant digits. */
    static String ms(long nanos) {
        double ms = nanos / 1e6;
        return (ms >= 100 ? String.format(Locale.ROOT, "%.0f", ms) : ms >= 10 ? String.format(Locale.ROOT, "%.1f", ms)
                : String.format(Locale.ROOT, "%.2f", ms)) + " ms";
    }

    static String ms(Duration duration) {
        return ms(duration.toNanos());
    }

    /** predicted ÷ measured, or "—" when the measured value is too small to divide by. */
    static String ratio(Duration predicted, long measuredNanos) {
        if (measuredNanos < 200_000) {
            return "—";
        }
        return String.format(Locale.ROOT, "%.2f", predicted.toNanos() / (double) measuredNanos);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    static long[] sorted(long[] values) {
        long[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }

    /** A HikariCP configuration with the recommended settings. */
    static HikariConfig hikari(HikariSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setMaximumPoolSize(settings.maximumPoolSize());
        config.setMinimumIdle(settings.minimumIdle());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        config.setMaxLifetime(settings.maxLifetime().toMillis());
        config.setKeepaliveTime(settings.keepaliveTime().toMillis());
        config.setLeakDetectionThreshold(settings.leakDetectionThreshold().toMillis());
        return config;
    }
}
