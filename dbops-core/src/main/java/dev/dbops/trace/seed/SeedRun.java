package dev.dbops.trace.seed;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.trace.seed.SeedFinding.Kind;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds planned tables on up to N connections at once: a table starts as soon as every table it
 * references is done, so independent tables are seeded side by side.
 */
final class SeedRun {

    private static final Logger LOG = LoggerFactory.getLogger(SeedRun.class);

    private final Map<String, TablePlan> plans;
    private final SeedOrder.Result order;
    private final TableSeeder seeder;
    private final int connections;

    SeedRun(Map<String, TablePlan> plans, SeedOrder.Result order, TableSeeder seeder, int connections) {
        this.plans = plans;
        this.order = order;
        this.seeder = seeder;
        this.connections = connections;
    }

    /** Seeds every planned table; returns the results in seeding order. */
    List<TableSeeding> run(DataSource dataSource) {
        Map<String, TableSeeding> results = new LinkedHashMap<>();
        order.order().forEach(t -> results.put(t, null));
        if (plans.isEmpty()) {
            return List.of();
        }
        int lanes = Math.max(1, Math.min(connections, plans.size()));
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(lanes);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(lanes, task -> {
            Thread thread = new Thread(task, "dbops-seed-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int i = 0; i < lanes; i++) {
                pool.add(open(dataSource));
            }
            schedule(executor, pool, results);
        } finally {
            executor.shutdownNow();
            for (Connection connection : pool) {
                try {
                    connection.close();
                } catch (SQLException e) {
                    LOG.debug("closing a seeding connection failed: {}", e.getMessage());
                }
            }
        }
        return new ArrayList<>(results.values());
    }

    private void schedule(ExecutorService executor, BlockingQueue<Connection> pool, Map<String, TableSeeding> results) {
        CompletionService<TableSeeding> completion = new ExecutorCompletionService<>(executor);
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (String table : order.order()) {
            Set<String> parents = order.parents().getOrDefault(table, Set.of());
            waiting.put(table, parents.size());
            parents.forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(table));
        }
        int submitted = 0;
        for (String table : order.order()) {
            if (waiting.get(table) == 0) {
                submit(completion, pool, table);
                submitted++;
            }
        }
        for (int done = 0; done < submitted; done++) {
            TableSeeding result = take(completion);
            results.put(result.table(), result);
            LOG.debug("seeded {}: {} rows in {} ms ({})", result.table(), result.rowsWritten(),
                    result.duration().toMillis(), result.outcome());
            for (String child : children.getOrDefault(result.table(), List.of())) {
                if (waiting.merge(child, -1, Integer::sum) == 0) {
                    submit(completion, pool, child);
                    submitted++;
                }
            }
        }
    }

    private void submit(CompletionService<TableSeeding> completion, BlockingQueue<Connection> pool, String table) {
        TablePlan plan = plans.get(table);
        completion.submit(() -> {
            Connection connection = pool.take();
            try {
                return seeder.seed(plan, connection);
            } catch (RuntimeException e) {
                return new TableSeeding(plan.name(), TableSeeding.Outcome.FAILED, plan.rows(), 0, Duration.ZERO,
                        List.of(new SeedFinding(Kind.SEEDING_FAILED, plan.name(), Optional.empty(),
                                "seeding failed: " + e)));
            } finally {
                pool.add(connection);
            }
        });
    }

    private static TableSeeding take(CompletionService<TableSeeding> completion) {
        try {
            Future<TableSeeding> future = completion.take();
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbopsException(ErrorCode.SEEDING_FAILED, "seeding was interrupted; tables that were being"
                    + " seeded are rolled back, tables already seeded keep their rows");
        } catch (ExecutionException e) {
            throw new DbopsException(ErrorCode.SEEDING_FAILED, "seeding a table failed unexpectedly: " + e.getCause(),
                    e.getCause());
        }
    }

    private static Connection open(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.SEEDING_FAILED, "opening a connection for seeding failed: "
                    + e.getMessage() + " — check the data source's URL, user and password", e);
        }
    }
}
