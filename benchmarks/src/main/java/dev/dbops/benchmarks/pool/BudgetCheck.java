package dev.dbops.benchmarks.pool;

import static dev.dbops.benchmarks.pool.Stats.ms;

import com.zaxxer.hikari.HikariConfig;
import dev.dbops.pool.HoldTime;
import dev.dbops.pool.PoolRecommendation;
import dev.dbops.pool.PoolSizer;
import dev.dbops.pool.ServerFacts;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresServer;
import java.io.PrintStream;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Part 2: several instances share a server with a low {@code max_connections}, through a rolling
 * deploy (two extra instances start, then two old ones stop). HikariCP's defaults against the sizer's
 * recommendation, same load, same timeline.
 */
final class BudgetCheck {

    static final double RATE = 400;
    static final int INSTANCES = 4;
    static final int DURING_DEPLOY = 6;

    private final PostgresServer server;
    private final Duration seconds;
    private final PrintStream out;

    BudgetCheck(PostgresServer server, Duration seconds, PrintStream out) {
        this.server = server;
        this.seconds = seconds;
        this.out = out;
    }

    void run() throws Exception {
        try (PostgresDatabase database = server.createDatabase()) {
            PGSimpleDataSource target = Calibration.dataSource(database.url(), "budget-app");
            HoldTime hold = HoldTime.fromSamples(Calibration.measure(target, ServerWork.EXPONENTIAL_10MS, 300, 7).holds());
            ServerFacts facts;
            try (Connection connection = database.connect()) {
                facts = ServerFacts.read(connection, Optional.of("budget-app"));
            }
            PoolRecommendation recommendation = PoolSizer.builder().peakRate(RATE).holdTime(hold)
                    .targetWait(Duration.ofMillis(10), 0.99).instances(INSTANCES, DURING_DEPLOY).server(facts).build()
                    .recommend();
            out.println("\n## 2. " + INSTANCES + " instances (" + DURING_DEPLOY + " during a rolling deploy) sharing"
                    + " max_connections " + facts.maxConnections() + " (" + facts.availableConnections()
                    + " left for the app), " + (int) RATE + " tx/s of " + ServerWork.EXPONENTIAL_10MS.description()
                    + ", " + seconds.toSeconds() + " s\n");
            out.println("Timeline: " + INSTANCES + " instances run; at 1/3 two new ones start; at 2/3 two old ones stop."
                    + " The load balancer routes to the instances that started.\n");
            out.println("Recommendation: maximumPoolSize " + recommendation.hikari().maximumPoolSize() + ", peak "
                    + recommendation.budget().peakConnections() + " of " + recommendation.budget().availableConnections()
                    + " connections; predicted p99 acquire wait " + ms(recommendation.prediction().p99()) + ".\n");
            out.println("| configuration | instances that failed to start | connections refused (too many clients) |"
                    + " requests ok | timed out | refused | no instance | acquire p99 | acquire max |");
            out.println("|---|---|---|---|---|---|---|---|---|");
            List<String> failures = new ArrayList<>();
            row("HikariCP defaults (10 per instance)", name -> new HikariConfig(), target, failures);
            row("dbops recommendation", name -> Stats.hikari(recommendation.hikari()), target, failures);
            out.println();
            failures.forEach(f -> out.println("- " + f));
        }
    }

    private void row(String label, Function<String, HikariConfig> configs, PGSimpleDataSource target,
            List<String> failures) throws Exception {
        Thread.sleep(2_000);
        try (Fleet fleet = new Fleet(configs)) {
            for (int i = 1; i <= INSTANCES; i++) {
                fleet.start("app-" + i, target);
            }
            Duration third = seconds.dividedBy(3);
            List<OpenLoopDriver.Action> timeline = List.of(
                    new OpenLoopDriver.Action(third, () -> {
                        fleet.start("app-" + (INSTANCES + 1), target);
                        fleet.start("app-" + (INSTANCES + 2), target);
                    }),
                    new OpenLoopDriver.Action(third.multipliedBy(2), () -> {
                        fleet.stop("app-1");
                        fleet.stop("app-2");
                    }));
            List<OpenLoopDriver.Request> requests = OpenLoopDriver.run(RATE, seconds, 11, ServerWork.EXPONENTIAL_10MS,
                    fleet::route, timeline);
            Map<Outcome, Long> outcomes = Stats.outcomes(requests);
            out.println("| " + label + " | " + fleet.startFailures().size() + " | " + fleet.refusedConnections() + " | "
                    + outcomes.get(Outcome.OK) + " | " + outcomes.get(Outcome.TIMEOUT) + " | "
                    + (outcomes.get(Outcome.TOO_MANY_CLIENTS) + outcomes.get(Outcome.OTHER)) + " | "
                    + outcomes.get(Outcome.NO_INSTANCE) + " | "
                    + ms(Stats.percentile(requests, OpenLoopDriver.Request::acquire, 0.99)) + " | "
                    + ms(Stats.max(requests, OpenLoopDriver.Request::acquire)) + " |");
            fleet.startFailures().forEach(f -> failures.add(label + ": " + f));
        }
    }
}
