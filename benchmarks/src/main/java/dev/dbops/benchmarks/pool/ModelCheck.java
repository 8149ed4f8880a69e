package dev.dbops.benchmarks.pool;

import static dev.dbops.benchmarks.pool.Stats.ms;
import static dev.dbops.benchmarks.pool.Stats.percentile;

import com.zaxxer.hikari.HikariConfig;
import dev.dbops.pool.HoldTime;
import dev.dbops.pool.PoolQueueModel;
import dev.dbops.pool.PoolRecommendation;
import dev.dbops.pool.PoolSizer;
import dev.dbops.pool.WaitPrediction;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresServer;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Part 1: for three workloads, the pool the sizer recommends (and one connection fewer, where waits
 * are longer), run under open-loop Poisson load; the model's predicted utilisation and acquire-wait
 * percentiles next to the measured ones.
 */
final class ModelCheck {

    /** A workload and its peak rate. */
    record Case(ServerWork work, double rate) {
    }

    static final List<Case> CASES = List.of(new Case(ServerWork.EXPONENTIAL_20MS, 200),
            new Case(ServerWork.LOGNORMAL_WITH_QUERY, 300), new Case(ServerWork.BIMODAL, 300));

    private final PostgresServer server;
    private final Duration seconds;
    private final Duration warmup;
    private final PrintStream out;
    private final List<String> rows = new ArrayList<>();

    ModelCheck(PostgresServer server, Duration seconds, Duration warmup, PrintStream out) {
        this.server = server;
        this.seconds = seconds;
        this.warmup = warmup;
        this.out = out;
    }

    void run() throws Exception {
        out.println("\n## 1. Model vs measurement (one instance, open-loop Poisson arrivals, " + seconds.toSeconds()
                + " s measured after " + warmup.toSeconds() + " s warm-up)\n");
        long seed = 1;
        for (Case c : CASES) {
            try (PostgresDatabase database = server.createDatabase()) {
                try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                    statement.execute(ServerWork.TABLE_DDL);
                }
                PGSimpleDataSource target = Calibration.dataSource(database.url(), "model-check");
                Calibration.Result calibration = Calibration.measure(target, c.work(), 400, seed++);
                HoldTime apriori = HoldTime.fromSamples(calibration.holds());
                PoolRecommendation recommendation = PoolSizer.builder().peakRate(c.rate()).holdTime(apriori)
                        .build().recommend();
                int recommended = recommendation.hikari().maximumPoolSize();
                out.println("- " + c.work().description() + " at " + (int) c.rate() + " tx/s: calibrated hold time mean "
                        + ms(apriori.mean()) + ", p99 " + ms(apriori.p99()) + String.format(Locale.ROOT, ", cs² %.2f",
                                apriori.squaredCoefficientOfVariation()) + "; target p99 wait ≤ "
                        + ms(recommendation.workload().targetWait()) + " → maximumPoolSize " + recommended);
                for (int size : new int[] {recommended, recommended - 1}) {
                    if (size < 1 || !PoolQueueModel.isStable(c.rate(), apriori, size)
                            || PoolQueueModel.predict(c.rate(), apriori, size).utilisation() > 0.92) {
                        continue;
                    }
                    measure(c, target, apriori, size, size == recommended, seed++);
                }
            }
        }
        out.println();
        out.println("P(wait), mean wait and p95 are predicted from the hold times and rate measured in the run.\n");
        out.println("| workload | pool | λ measured | utilisation pred (a priori) / meas | P(wait) pred / meas"
                + " | mean wait pred / meas | p95 pred / meas | p99 pred (a priori) | p99 pred (in-run holds) | p99 measured | p99 ratio (in-run)"
                + " | driver lateness p99 |");
        out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        rows.forEach(out::println);
    }

    private void measure(Case c, PGSimpleDataSource target, HoldTime apriori, int size, boolean recommended, long seed)
            throws Exception {
        try (Fleet fleet = new Fleet(name -> {
            HikariConfig config = new HikariConfig();
            config.setMaximumPoolSize(size);
            config.setMinimumIdle(size);
            config.setConnectionTimeout(30_000);
            return config;
        })) {
            fleet.start("model-" + size, target);
            awaitFull(fleet, size);
            List<OpenLoopDriver.Request> all = OpenLoopDriver.run(c.rate(), warmup.plus(seconds), seed, c.work(),
                    fleet::route, List.of());
            List<OpenLoopDriver.Request> measured = Stats.after(all, warmup);
            double rate = measured.size() / (double) seconds.toSeconds();
            List<Duration> holds = measured.stream().filter(r -> r.outcome() == Outcome.OK)
                    .map(r -> Duration.ofNanos(r.hold())).toList();
            HoldTime inRun = HoldTime.fromSamples(holds);
            double busy = holds.stream().mapToLong(Duration::toNanos).sum() / 1e9 / seconds.toSeconds();
            WaitPrediction before = PoolQueueModel.predict(c.rate(), apriori, size);
            WaitPrediction after = PoolQueueModel.predict(rate, inRun, size);
            long mean = (long) measured.stream().filter(r -> r.outcome() == Outcome.OK)
                    .mapToLong(OpenLoopDriver.Request::acquire).average().orElse(0);
            long p95 = percentile(measured, OpenLoopDriver.Request::acquire, 0.95);
            long p99 = percentile(measured, OpenLoopDriver.Request::acquire, 0.99);
            double waited = Stats.share(measured, r -> r.acquire() > 100_000);
            long failed = measured.stream().filter(r -> r.outcome() != Outcome.OK).count();
            rows.add("| " + c.work().name().toLowerCase(Locale.ROOT) + " | " + size + (recommended ? " (recommended)" : "")
                    + " | " + String.format(Locale.ROOT, "%.0f/s", rate) + " | " + Stats.percent(before.utilisation())
                    + " / " + Stats.percent(busy / size) + " | " + Stats.percent(after.probabilityOfWait()) + " / "
                    + Stats.percent(waited) + " | " + ms(after.meanWait()) + " / " + ms(mean) + " | " + ms(after.p95()) + " / "
                    + ms(p95) + " | " + ms(before.p99()) + " | " + ms(after.p99()) + " | " + ms(p99) + " | "
                    + Stats.ratio(after.p99(), p99) + " | " + ms(percentile(measured, OpenLoopDriver.Request::lateness,
                            0.99)) + (failed > 0 ? " (" + failed + " failed)" : "") + " |");
        }
    }

    static void awaitFull(Fleet fleet, int size) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        for (Fleet.Instance instance : fleet.live()) {
            while (instance.pool().getHikariPoolMXBean().getTotalConnections() < size && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
    }
}
