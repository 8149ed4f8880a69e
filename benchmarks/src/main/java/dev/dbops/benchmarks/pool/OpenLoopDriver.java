package dev.dbops.benchmarks.pool;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * An open-loop load generator: requests arrive as a Poisson process at a fixed rate whatever the
 * system's response (exponential gaps between arrivals, drawn from a seeded generator), each on its own
 * thread, so a slow pool makes requests queue instead of slowing the arrivals down.
 */
final class OpenLoopDriver {

    /** One request. Times in nanoseconds; {@code queued} is −1 when the server's clock was not read. */
    record Request(long arrival, long lateness, long acquire, long hold, long queued, long serverTime,
            Outcome outcome) {
    }

    /** Something to do at an offset from the start, on its own thread (starting or stopping an instance). */
    record Action(Duration at, Runnable action) {
    }

    private OpenLoopDriver() {
    }

    static List<Request> run(double ratePerSecond, Duration duration, long seed, ServerWork work,
            Supplier<Optional<Fleet.Instance>> router, List<Action> timeline) throws InterruptedException {
        ConcurrentLinkedQueue<Request> requests = new ConcurrentLinkedQueue<>();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(64, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>());
        workers.prestartAllCoreThreads();
        Thread actions = new Thread(() -> runTimeline(timeline, System.nanoTime()), "pool-experiment-timeline");
        SplittableRandom random = new SplittableRandom(seed);
        long start = System.nanoTime();
        actions.start();
        long end = start + duration.toNanos();
        double next = start;
        while (true) {
            next += -Math.log(1 - random.nextDouble()) / ratePerSecond * 1e9;
            if (next >= end) {
                break;
            }
            long due = (long) next;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            SplittableRandom own = random.split();
            workers.execute(() -> requests.add(one(due - start, due, work, own, router)));
        }
        actions.join();
        workers.shutdown();
        workers.awaitTermination(2, TimeUnit.MINUTES);
        return new ArrayList<>(requests);
    }

    private static Request one(long arrival, long due, ServerWork work, SplittableRandom random,
            Supplier<Optional<Fleet.Instance>> router) {
        long started = System.nanoTime();
        long lateness = started - due;
        Optional<Fleet.Instance> instance = router.get();
        if (instance.isEmpty()) {
            return new Request(arrival, lateness, 0, 0, -1, 0, Outcome.NO_INSTANCE);
        }
        long acquired = started;
        try (Connection connection = instance.get().pool().getConnection()) {
            acquired = System.nanoTime();
            Instant sent = Instant.now();
            ServerWork.Timing timing = work.run(connection, random);
            long queued = Duration.between(sent, timing.serverStart()).toNanos();
            long serverTime = Duration.between(timing.serverStart(), timing.serverEnd()).toNanos();
            connection.close();
            return new Request(arrival, lateness, acquired - started, System.nanoTime() - acquired, queued, serverTime,
                    Outcome.OK);
        } catch (SQLTransientConnectionException e) {
            return new Request(arrival, lateness, System.nanoTime() - started, 0, -1, 0, Outcome.TIMEOUT);
        } catch (SQLException e) {
            Outcome outcome = "53300".equals(e.getSQLState()) ? Outcome.TOO_MANY_CLIENTS : Outcome.OTHER;
            return new Request(arrival, lateness, acquired - started, 0, -1, 0, outcome);
        } catch (RuntimeException e) {
            return new Request(arrival, lateness, acquired - started, 0, -1, 0, Outcome.OTHER);
        }
    }

    private static void runTimeline(List<Action> timeline, long start) {
        for (Action action : timeline) {
            long wait = start + action.at().toNanos() - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            action.action().run();
        }
    }
}
