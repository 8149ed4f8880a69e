package dev.dbops.benchmarks.pool;

import static dev.dbops.benchmarks.pool.Stats.ms;
import static dev.dbops.benchmarks.pool.Stats.percentile;

import dev.dbops.DbopsException;
import dev.dbops.pool.HoldTime;
import dev.dbops.pool.LocalPgBouncer;
import dev.dbops.pool.PgBouncerPlan;
import dev.dbops.pool.PgBouncerProbe;
import dev.dbops.pool.PgBouncerStats;
import dev.dbops.pool.PgBouncerTier;
import dev.dbops.pool.PgBouncerVersion;
import dev.dbops.pool.PoolMode;
import dev.dbops.pool.PoolRecommendation;
import dev.dbops.pool.PoolSizer;
import dev.dbops.pool.ServerFacts;
import dev.dbops.pool.WaitPrediction;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresServer;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Part 3: more instances than the server could take directly, through a real PgBouncer in
 * transaction mode sized by the sizer, through the same rolling deploy; PgBouncer's queue wait
 * (the server's statement_timestamp() minus the client's send time, less the unloaded transit) next
 * to the model's prediction.
 */
final class PgBouncerCheck {

    static final double RATE = 400;
    static final int INSTANCES = 12;
    static final int DURING_DEPLOY = 16;

    private final PostgresServer server;
    private final Path binary;
    private final Duration seconds;
    private final Duration warmup;
    private final PrintStream out;

    PgBouncerCheck(PostgresServer server, Path binary, Duration seconds, Duration warmup, PrintStream out) {
        this.server = server;
        this.binary = binary;
        this.seconds = seconds;
        this.warmup = warmup;
        this.out = out;
    }

    void run() throws Exception {
        try (PostgresDatabase database = server.createDatabase()) {
            PGSimpleDataSource direct = Calibration.dataSource(database.url(), "bouncer-app");
            HoldTime hold = HoldTime.fromSamples(Calibration.measure(direct, ServerWork.EXPONENTIAL_10MS, 300, 21).holds());
            ServerFacts facts;
            try (Connection connection = database.connect()) {
                facts = ServerFacts.read(connection, Optional.of("bouncer-app"));
            }
            PoolSizer.Builder sizer = PoolSizer.builder().peakRate(RATE).holdTime(hold)
                    .targetWait(Duration.ofMillis(10), 0.99).instances(INSTANCES, DURING_DEPLOY).server(facts);
            out.println("\n## 3. " + INSTANCES + " instances (" + DURING_DEPLOY + " during the deploy) through PgBouncer"
                    + " in transaction mode, max_connections " + facts.maxConnections() + ", " + (int) RATE + " tx/s, "
                    + seconds.toSeconds() + " s\n");
            try {
                sizer.build().recommend();
                out.println("Without PgBouncer the sizer finds a pool that fits.\n");
            } catch (DbopsException e) {
                out.println("Without PgBouncer: " + e.getMessage() + "\n");
            }
            PgBouncerVersion version = LocalPgBouncer.versionOf(binary);
            PoolRecommendation r = sizer.pgBouncer(PgBouncerTier.planned(PoolMode.TRANSACTION).withVersion(version))
                    .build().recommend();
            PgBouncerPlan plan = r.pgBouncer().orElseThrow();
            out.println("With PgBouncer " + version + ": default_pool_size " + plan.defaultPoolSize() + ", max_client_conn "
                    + plan.maxClientConn() + ", HikariCP maximumPoolSize " + r.hikari().maximumPoolSize()
                    + " per instance, data source properties " + r.hikari().dataSourceProperties() + ".\n");
            try (LocalPgBouncer bouncer = LocalPgBouncer.builder(binary, database.url()).poolMode(PoolMode.TRANSACTION)
                    .defaultPoolSize(plan.defaultPoolSize()).maxClientConn(plan.maxClientConn()).start()) {
                PGSimpleDataSource viaBouncer = Calibration.dataSource(bouncer.url(), "bouncer-app");
                viaBouncer.setPrepareThreshold(Integer.parseInt(r.hikari().dataSourceProperties()
                        .getOrDefault("prepareThreshold", "5")));
                Duration transit = Calibration.measure(viaBouncer, ServerWork.EXPONENTIAL_10MS, 300, 22).medianTransit();
                measure(r, viaBouncer, transit, bouncer, database.name());
            }
        }
    }

    private void measure(PoolRecommendation r, PGSimpleDataSource target, Duration transit, LocalPgBouncer bouncer,
            String databaseName) throws Exception {
        try (Fleet fleet = new Fleet(name -> Stats.hikari(r.hikari()))) {
            for (int i = 1; i <= INSTANCES; i++) {
                fleet.start("app-" + i, target);
            }
            Duration third = warmup.plus(seconds.dividedBy(3));
            List<OpenLoopDriver.Action> timeline = List.of(
                    new OpenLoopDriver.Action(third, () -> {
                        for (int i = INSTANCES + 1; i <= DURING_DEPLOY; i++) {
                            fleet.start("app-" + i, target);
                        }
                    }),
                    new OpenLoopDriver.Action(warmup.plus(seconds.dividedBy(3).multipliedBy(2)), () -> {
                        for (int i = 1; i <= DURING_DEPLOY - INSTANCES; i++) {
                            fleet.stop("app-" + i);
                        }
                    }));
            PgBouncerStats start = PgBouncerProbe.read(bouncer.adminUrl()).stats(databaseName).orElseThrow();
            List<OpenLoopDriver.Request> requests = Stats.after(OpenLoopDriver.run(RATE, warmup.plus(seconds), 23,
                    ServerWork.EXPONENTIAL_10MS, fleet::route, timeline), warmup);
            PgBouncerStats counted = PgBouncerProbe.read(bouncer.adminUrl()).stats(databaseName).orElseThrow()
                    .since(start);
            List<OpenLoopDriver.Request> waits = requests.stream().map(q -> new OpenLoopDriver.Request(q.arrival(),
                    q.lateness(), q.acquire(), q.hold(), Math.max(0, q.queued() - transit.toNanos()), q.serverTime(),
                    q.outcome())).toList();
            Map<Outcome, Long> outcomes = Stats.outcomes(requests);
            double rate = requests.size() / (double) seconds.toSeconds();
            HoldTime serverHold = HoldTime.fromSamples(requests.stream().filter(q -> q.outcome() == Outcome.OK)
                    .map(q -> Duration.ofNanos(q.serverTime()).plus(transit)).toList());
            WaitPrediction predicted = r.pgBouncer().orElseThrow().serverWait();
            WaitPrediction after = dev.dbops.pool.PoolQueueModel.predict(rate, serverHold,
                    r.pgBouncer().orElseThrow().defaultPoolSize());
            long p50 = percentile(waits, OpenLoopDriver.Request::queued, 0.50);
            long p95 = percentile(waits, OpenLoopDriver.Request::queued, 0.95);
            long p99 = percentile(waits, OpenLoopDriver.Request::queued, 0.99);
            out.println("| figure | predicted (a priori) | predicted (in-run server times) | measured |");
            out.println("|---|---|---|---|");
            out.println("| PgBouncer wait p50 | " + ms(predicted.p50()) + " | " + ms(after.p50()) + " | " + ms(p50) + " |");
            out.println("| PgBouncer wait p95 | " + ms(predicted.p95()) + " | " + ms(after.p95()) + " | " + ms(p95) + " |");
            out.println("| PgBouncer wait p99 | " + ms(predicted.p99()) + " | " + ms(after.p99()) + " | " + ms(p99)
                    + " (ratio " + Stats.ratio(after.p99(), p99) + ") |");
            Duration bouncerHold = counted.transactionTime().dividedBy(Math.max(1, counted.transactions()));
            WaitPrediction fromCounters = dev.dbops.pool.PoolQueueModel.predict(rate,
                    serverHold.scaledTo(bouncerHold), r.pgBouncer().orElseThrow().defaultPoolSize());
            out.println("| PgBouncer wait mean | " + ms(predicted.meanWait()) + " | " + ms(after.meanWait()) + " | "
                    + ms(waits.stream().filter(q -> q.outcome() == Outcome.OK).mapToLong(OpenLoopDriver.Request::queued)
                            .sum() / Math.max(1, outcomes.get(Outcome.OK))) + " |");
            out.println("| PgBouncer wait mean, PgBouncer's own counters (SHOW STATS total_wait_time ÷ total_xact_count) | "
                    + ms(predicted.meanWait()) + " | " + ms(fromCounters.meanWait()) + " (with its mean transaction time "
                    + ms(bouncerHold) + ") | " + ms(counted.waitTime().dividedBy(Math.max(1, counted.transactions())))
                    + " |");
            out.println("| HikariCP acquire p99 | " + ms(r.prediction().p99()) + " | | "
                    + ms(percentile(requests, OpenLoopDriver.Request::acquire, 0.99)) + " |");
            out.println("| server utilisation | " + Stats.percent(predicted.utilisation()) + " | "
                    + Stats.percent(after.utilisation()) + " | |");
            out.println();
            out.println("Requests: " + outcomes.get(Outcome.OK) + " ok, " + outcomes.get(Outcome.TIMEOUT) + " timed out, "
                    + (outcomes.get(Outcome.TOO_MANY_CLIENTS) + outcomes.get(Outcome.OTHER)) + " failed, "
                    + outcomes.get(Outcome.NO_INSTANCE) + " without an instance; instances that failed to start: "
                    + fleet.startFailures().size() + "; connections refused: " + fleet.refusedConnections()
                    + "; unloaded transit to the server through PgBouncer (subtracted): " + ms(transit) + ".");
            fleet.startFailures().forEach(f -> out.println("- " + f));
        }
    }
}
