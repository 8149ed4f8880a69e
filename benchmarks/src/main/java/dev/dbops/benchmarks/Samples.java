package dev.dbops.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Wall-clock timings of repeated runs of one task, with the order statistics the report prints.
 *
 * @param values every timed run, in the order they ran
 */
record Samples(List<Duration> values) {

    /** Work that is timed; it returns its result so that the JIT cannot drop it. */
    @FunctionalInterface
    interface Task {
        Object run() throws Exception;
    }

    /** Where results go so the work that produced them stays observable. */
    private static volatile Object sink;

    /** Copies the values; there must be at least one. */
    Samples {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no samples");
        }
        values = List.copyOf(values);
    }

    /** Runs the task {@code warmups} times untimed, then {@code runs} times timed. */
    static Samples measure(int warmups, int runs, Task task) throws Exception {
        for (int i = 0; i < warmups; i++) {
            sink = task.run();
        }
        List<Duration> values = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            values.add(once(task));
        }
        return new Samples(values);
    }

    /** Times one run of the task. */
    static Duration once(Task task) throws Exception {
        long started = System.nanoTime();
        sink = task.run();
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The median; for an even count, the mean of the two middle values. */
    Duration median() {
        List<Duration> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }

    /** The fastest run. */
    Duration min() {
        return values.stream().min(Duration::compareTo).orElseThrow();
    }

    /** The slowest run. */
    Duration max() {
        return values.stream().max(Duration::compareTo).orElseThrow();
    }

    /** How many runs were timed. */
    int count() {
        return values.size();
    }

    /** The duration in milliseconds with a fractional part, for printing and ratios. */
    static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }

    /** {@code median 812.3 ms (min 790.1, max 840.0, n=5)}. */
    String summary() {
        return "%.1f ms (min %.1f, max %.1f, n=%d)".formatted(millis(median()), millis(min()), millis(max()),
                count());
    }
}
