package dev.dbops.pool;

import dev.dbops.pool.Decision.Constraint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** One run of {@link PoolSizer#recommend()}: the pool sizes, the budget, PgBouncer, and the reasons. */
final class Sizing {

    /** The largest pool the search considers when nothing else bounds it. */
    static final int SEARCH_LIMIT = 1_000_000;
    /** PgBouncer's default {@code max_client_conn}. */
    static final int PGBOUNCER_DEFAULT_MAX_CLIENT_CONN = 100;
    /** What {@code max_prepared_statements} to recommend: PgBouncer 1.24's default. */
    static final int RECOMMENDED_MAX_PREPARED_STATEMENTS = 200;

    private final PoolWorkload workload;
    private final ServerFacts server;
    private final Optional<PgBouncerTier> pgBouncer;
    private final int prepareThreshold;
    private final TimeoutPlanner timeouts;
    private final List<Decision> decisions = new ArrayList<>();
    private final List<PoolFinding> findings = new ArrayList<>();
    private final Map<String, String> dataSourceProperties = new LinkedHashMap<>();

    Sizing(PoolWorkload workload, ServerFacts server, Optional<PgBouncerTier> pgBouncer, int prepareThreshold,
            TimeoutPlanner timeouts) {
        this.workload = workload;
        this.server = server;
        this.pgBouncer = pgBouncer;
        this.prepareThreshold = prepareThreshold;
        this.timeouts = timeouts;
    }

    PoolRecommendation recommend() {
        boolean multiplexed = pgBouncer.map(t -> t.poolMode() == PoolMode.TRANSACTION).orElse(false);
        int poolSize;
        WaitPrediction prediction;
        ConnectionBudget budget;
        Optional<PgBouncerPlan> plan = Optional.empty();
        if (multiplexed) {
            PgBouncerPlan bouncer = sizePgBouncer();
            poolSize = sizeClientPool(bouncer.serverWait());
            OptionalInt maxPreparedStatements = preparedStatements(pgBouncer.get());
            HoldTime clientHold = clientHold(bouncer.serverWait());
            prediction = PoolQueueModel.predict(workload.perInstanceArrivals(), clientHold, poolSize);
            int peakClients = poolSize * workload.maxInstances();
            int maxClientConn = Math.max(pgBouncer.get().maxClientConn().orElse(PGBOUNCER_DEFAULT_MAX_CLIENT_CONN),
                    peakClients);
            plan = Optional.of(new PgBouncerPlan(PoolMode.TRANSACTION, bouncer.defaultPoolSize(), maxClientConn,
                    maxPreparedStatements, bouncer.serverWait()));
            clientLimit(peakClients, maxClientConn);
            budget = budget(bouncer.defaultPoolSize(), bouncer.defaultPoolSize(), true);
        } else {
            poolSize = sizeDirectPool();
            prediction = PoolQueueModel.predict(workload.perInstanceArrivals(), workload.holdTime(), poolSize);
            budget = budget(poolSize * workload.instances(), poolSize * workload.maxInstances(), false);
            pgBouncer.ifPresent(tier -> sessionMode(tier, poolSize));
        }
        decisions.add(new Decision("minimumIdle", Integer.toString(poolSize), Constraint.HIKARI_GUIDANCE,
                "equal to maximumPoolSize: HikariCP advises a fixed-size pool, and the budget already counts every"
                        + " connection at peak"));
        budgetTight(budget);
        coreGuidance();
        TimeoutPlanner.Timeouts planned = timeouts.plan(decisions, findings);
        HikariSettings hikari = new HikariSettings(poolSize, poolSize, planned.connectionTimeout(),
                planned.maxLifetime(), planned.keepaliveTime(), planned.leakThreshold(), dataSourceProperties);
        return new PoolRecommendation(workload, server, hikari, prediction, budget, plan, decisions, findings);
    }

    /** Each instance's own pool, sized for its share of the rate and bounded by its share of the budget. */
    private int sizeDirectPool() {
        int available = server.availableConnections();
        int bound = available / workload.maxInstances();
        OptionalInt byTarget = PoolQueueModel.smallestPoolSize(workload.perInstanceArrivals(), workload.holdTime(),
                workload.targetWait(), workload.targetPercentile(), bound);
        int floor = workload.deadlockFloor();
        if (byTarget.isEmpty() || floor > bound) {
            throw new Remedies(workload, server).unreachableDirect();
        }
        int size = Math.max(byTarget.getAsInt(), floor);
        WaitPrediction atTarget = PoolQueueModel.predict(workload.perInstanceArrivals(), workload.holdTime(),
                byTarget.getAsInt());
        addPoolSizeDecision("maximumPoolSize", byTarget.getAsInt(), atTarget, size, floor, "per instance at "
                + rate(workload.perInstanceArrivals()) + " (" + rate(workload.peakRate()) + " over "
                + workload.instances() + " instance" + (workload.instances() == 1 ? "" : "s") + ")");
        return size;
    }

    /** PgBouncer's server pool: one queue for every instance's transactions. */
    private PgBouncerPlan sizePgBouncer() {
        int available = server.availableConnections();
        OptionalInt byTarget = PoolQueueModel.smallestPoolSize(workload.totalArrivals(), workload.holdTime(),
                workload.targetWait(), workload.targetPercentile(), available);
        int floor = serverFloor();
        if (byTarget.isEmpty() || floor > available) {
            throw new Remedies(workload, server).unreachableBehindPgBouncer(floor);
        }
        int size = Math.max(byTarget.getAsInt(), floor);
        WaitPrediction atTarget = PoolQueueModel.predict(workload.totalArrivals(), workload.holdTime(),
                byTarget.getAsInt());
        addPoolSizeDecision("default_pool_size", byTarget.getAsInt(), atTarget, size, floor,
                "for all instances' transactions together at " + rate(workload.totalArrivals())
                        + ", shared through PgBouncer's transaction pooling");
        PgBouncerTier tier = pgBouncer.orElseThrow();
        tier.defaultPoolSize().ifPresent(current -> {
            if (current < size) {
                String effect = PoolQueueModel.isStable(workload.totalArrivals(), workload.holdTime(), current)
                        ? "predicted p" + percentile() + " wait for a server connection "
                                + Durations.text(PoolQueueModel.predict(workload.totalArrivals(), workload.holdTime(),
                                        current).waitAt(workload.targetPercentile()))
                        : "it cannot keep up at all: clients queue in PgBouncer without bound at peak";
                findings.add(PoolFinding.of(PoolCheck.PGBOUNCER_POOL_TOO_SMALL, PoolSeverity.WARNING,
                        "PgBouncer's default_pool_size is " + current + ", below the " + size + " the target needs: "
                                + effect, "set default_pool_size = " + size));
            }
        });
        WaitPrediction serverWait = PoolQueueModel.predict(workload.totalArrivals(), workload.holdTime(), size);
        return new PgBouncerPlan(PoolMode.TRANSACTION, size, 0, OptionalInt.empty(), serverWait);
    }

    /**
     * Behind transaction pooling a HikariCP connection is only a PgBouncer client slot, cheap to have:
     * the pool is made large enough that requests almost never wait in HikariCP (P(wait) within
     * 1 − target percentile), so the wait that counts is PgBouncer's, sized above.
     */
    private int sizeClientPool(WaitPrediction serverWait) {
        HoldTime clientHold = clientHold(serverWait);
        int byWait = PoolQueueModel.smallestPoolSize(workload.perInstanceArrivals(), clientHold, Duration.ZERO,
                workload.targetPercentile(), SEARCH_LIMIT).orElseThrow();
        int floor = workload.deadlockFloor();
        int size = Math.max(byWait, floor);
        decisions.add(new Decision("maximumPoolSize", Integer.toString(size),
                size == byWait ? Constraint.TARGET_WAIT : Constraint.DEADLOCK_FLOOR, size == byWait
                        ? "the smallest pool in which at least " + percentile() + " % of requests find a free"
                                + " PgBouncer client connection at once, at " + rate(workload.perInstanceArrivals())
                                + " per instance holding each " + Durations.text(clientHold.mean())
                                + " (transaction plus mean PgBouncer wait); behind transaction pooling a HikariCP"
                                + " connection costs no server connection, so the queue is left to PgBouncer"
                        : floorReason(floor, byWait)));
        return size;
    }

    private HoldTime clientHold(WaitPrediction serverWait) {
        return workload.holdTime().scaledTo(workload.holdTime().mean().plus(serverWait.meanWait()));
    }

    private int serverFloor() {
        if (workload.connectionsPerTransaction() <= 1) {
            return 1;
        }
        return workload.maxInstances() * workload.threadsPerInstance().orElse(1)
                * (workload.connectionsPerTransaction() - 1) + 1;
    }

    private OptionalInt preparedStatements(PgBouncerTier tier) {
        if (prepareThreshold == 0 || !tier.breaksNamedPreparedStatements()) {
            return OptionalInt.empty();
        }
        boolean canTrack = tier.version().map(PgBouncerVersion::supportsPreparedStatements).orElse(false);
        String problem = "pgjdbc switches to named server-side prepared statements after " + prepareThreshold
                + " executions (prepareThreshold=" + prepareThreshold + "), and PgBouncer "
                + tier.version().map(PgBouncerVersion::toString).orElse("(version unknown)") + " in transaction mode "
                + (tier.version().isPresent() && !canTrack ? "cannot track them (that needs 1.21+)"
                        : "has max_prepared_statements = " + tier.maxPreparedStatements().orElse(0))
                + ": a statement prepared on one server connection is missing on the next (prepared statement"
                + " \"S_1\" does not exist) or clashes with another client's (\"S_1\" already exists)";
        if (canTrack) {
            findings.add(PoolFinding.of(PoolCheck.PGBOUNCER_PREPARED_STATEMENTS, PoolSeverity.ERROR, problem,
                    "set max_prepared_statements = " + RECOMMENDED_MAX_PREPARED_STATEMENTS + " in pgbouncer.ini"));
            decisions.add(new Decision("max_prepared_statements", Integer.toString(RECOMMENDED_MAX_PREPARED_STATEMENTS),
                    Constraint.COMPATIBILITY, "lets PgBouncer " + tier.version().orElseThrow() + " track pgjdbc's"
                            + " named prepared statements across server connections (1.24's default)"));
            return OptionalInt.of(RECOMMENDED_MAX_PREPARED_STATEMENTS);
        }
        findings.add(PoolFinding.of(PoolCheck.PGBOUNCER_PREPARED_STATEMENTS, PoolSeverity.ERROR, problem,
                "add prepareThreshold=0 to the JDBC URL (or the data source properties), or upgrade PgBouncer to"
                        + " 1.21+ with max_prepared_statements = " + RECOMMENDED_MAX_PREPARED_STATEMENTS));
        dataSourceProperties.put("prepareThreshold", "0");
        decisions.add(new Decision("prepareThreshold", "0", Constraint.COMPATIBILITY, "pgjdbc then sends only unnamed"
                + " statements, which work with any PgBouncer in transaction mode"));
        return OptionalInt.empty();
    }

    private void sessionMode(PgBouncerTier tier, int poolSize) {
        int pinned = poolSize * workload.maxInstances();
        findings.add(PoolFinding.of(PoolCheck.PGBOUNCER_SESSION_MODE, PoolSeverity.WARNING, "PgBouncer is in session"
                + " mode: each of the " + pinned + " HikariCP connections at peak pins a server connection for its"
                + " whole life, so PgBouncer shares nothing", "use pool_mode = transaction (when the app uses no"
                + " session state: SET, advisory locks, LISTEN, temporary tables across transactions)"));
        tier.defaultPoolSize().ifPresent(current -> {
            if (current < pinned) {
                findings.add(PoolFinding.of(PoolCheck.PGBOUNCER_POOL_TOO_SMALL, PoolSeverity.WARNING,
                        "PgBouncer's default_pool_size is " + current + ", below the " + pinned + " HikariCP"
                                + " connections it must pin at peak: the rest wait in PgBouncer to log in",
                        "set default_pool_size ≥ " + pinned + " or switch to transaction mode"));
            }
        });
    }

    private void clientLimit(int peakClients, int recommended) {
        pgBouncer.orElseThrow().maxClientConn().ifPresent(current -> {
            if (current < peakClients) {
                findings.add(PoolFinding.of(PoolCheck.PGBOUNCER_CLIENT_LIMIT, PoolSeverity.WARNING, "PgBouncer's"
                        + " max_client_conn is " + current + ", below the " + peakClients + " HikariCP connections of "
                        + workload.maxInstances() + " instances at peak: PgBouncer refuses the rest",
                        "set max_client_conn ≥ " + recommended));
            }
        });
        decisions.add(new Decision("max_client_conn", Integer.toString(recommended), Constraint.CONNECTION_BUDGET,
                "at least every instance's HikariCP pool at the most instances (" + workload.maxInstances() + " × "
                        + peakClients / workload.maxInstances() + " = " + peakClients + ")"));
    }

    private ConnectionBudget budget(int steady, int peak, boolean viaPgBouncer) {
        return new ConnectionBudget(server.maxConnections(), server.superuserReservedConnections(),
                server.reservedConnections(), server.otherConnections(), steady, peak, viaPgBouncer);
    }

    private void budgetTight(ConnectionBudget budget) {
        if (budget.peakShare() > 0.9) {
            findings.add(PoolFinding.of(PoolCheck.BUDGET_TIGHT, PoolSeverity.WARNING, "at peak the app uses "
                    + budget.peakConnections() + " of the " + budget.availableConnections() + " connections left for"
                    + " it (" + Math.round(budget.peakShare() * 100) + " %): one more instance, a migration or a"
                    + " console session can hit \"too many clients already\"", "raise max_connections, or put"
                    + " PgBouncer in transaction mode in front of the server"));
        }
    }

    private void coreGuidance() {
        if (server.cpuCores().isEmpty()) {
            return;
        }
        int guidance = 2 * server.cpuCores().getAsInt();
        double busy = workload.totalArrivals() * workload.holdTime().meanSeconds();
        if (busy > guidance) {
            findings.add(PoolFinding.of(PoolCheck.CORE_GUIDANCE, PoolSeverity.WARNING, "at peak the app keeps "
                    + Durations.trim(busy) + " connections busy on average (Little's law: "
                    + rate(workload.totalArrivals()) + " × " + Durations.text(workload.holdTime().mean())
                    + "), more than HikariCP's guidance of 2 × " + server.cpuCores().getAsInt() + " cores = " + guidance
                    + " for the whole server: unless transactions mostly wait on I/O, locks or the app, the CPUs"
                    + " saturate and the DB time given will not hold at this rate", "make transactions shorter"
                    + " (fewer round trips while holding the connection, better plans) rather than pools larger"));
        }
    }

    private void addPoolSizeDecision(String setting, int byTarget, WaitPrediction atTarget, int size, int floor,
            String where) {
        if (size > byTarget) {
            decisions.add(new Decision(setting, Integer.toString(size), Constraint.DEADLOCK_FLOOR,
                    floorReason(floor, byTarget)));
            return;
        }
        decisions.add(new Decision(setting, Integer.toString(size), Constraint.TARGET_WAIT, "the smallest pool that"
                + " keeps " + workload.targetText() + " " + where + ", each transaction holding its connection "
                + Durations.text(workload.holdTime().mean()) + " on average: predicted p" + percentile() + " wait "
                + Durations.text(atTarget.waitAt(workload.targetPercentile())) + ", offered load "
                + Durations.trim(atTarget.offeredLoad()) + " connections (Little's law), utilisation "
                + Math.round(atTarget.utilisation() * 100) + " %"));
    }

    private String floorReason(int floor, int byTarget) {
        return "the nested-connection deadlock floor Tn × (Cm − 1) + 1 = " + floor + " is above the " + byTarget
                + " the target needs: with fewer, threads each holding one connection and waiting for another can"
                + " deadlock the pool (" + workload.connectionsPerTransaction() + " connections per transaction, "
                + workload.threadsPerInstance().orElse(1) + " threads per instance)";
    }

    private String percentile() {
        return Durations.trim(workload.targetPercentile() * 100);
    }

    static String rate(double perSecond) {
        return Durations.trim(perSecond) + " tx/s";
    }
}
