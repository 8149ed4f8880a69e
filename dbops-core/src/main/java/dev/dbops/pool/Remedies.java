package dev.dbops.pool;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;

/**
 * When no pool that fits the budget keeps the target: which constraint fails, and what would satisfy
 * it — more {@code max_connections}, PgBouncer, fewer instances, faster transactions — with the numbers.
 */
final class Remedies {

    private final PoolWorkload workload;
    private final ServerFacts server;

    Remedies(PoolWorkload workload, ServerFacts server) {
        this.workload = workload;
        this.server = server;
    }

    /** The target cannot be met with one pool per instance. */
    DbopsException unreachableDirect() {
        int available = server.availableConnections();
        int floor = workload.deadlockFloor();
        OptionalInt byTarget = perInstance(workload.instances(), workload.holdTime());
        StringBuilder message = new StringBuilder(header());
        if (byTarget.isEmpty()) {
            message.append(": no pool of up to ").append(Sizing.SEARCH_LIMIT).append(" connections per instance keeps it");
            return failure(message.append('.').toString());
        }
        int each = Math.max(byTarget.getAsInt(), floor);
        int peak = each * workload.maxInstances();
        message.append(": each instance needs maximumPoolSize ").append(each).append(' ')
                .append(floor > byTarget.getAsInt() ? "(the nested-connection deadlock floor)"
                        : "(at " + Sizing.rate(workload.perInstanceArrivals()) + " per instance)")
                .append(", so ").append(workload.maxInstances()).append(" instance")
                .append(workload.maxInstances() == 1 ? "" : "s").append(" at peak need ").append(peak)
                .append(" connections, but ").append(budgetText()).append(" leaves ").append(available);
        List<String> options = new ArrayList<>();
        options.add("max_connections ≥ " + (server.maxConnections() - available + peak));
        pgBouncerOption(available).ifPresent(options::add);
        fewerInstances(available).ifPresent(options::add);
        if (workload.maxInstances() > workload.instances() && each * workload.instances() <= available) {
            options.add("deploy without extra instances (at most " + workload.instances() + " at once: "
                    + workload.instances() * each + " connections fit)");
        }
        if (floor * workload.maxInstances() > available) {
            options.add("fewer threads holding nested connections: the deadlock floor alone needs "
                    + floor * workload.maxInstances() + " connections");
        } else {
            fasterTransactions(m -> fitsDirect(m, available)).ifPresent(options::add);
        }
        return failure(withOptions(message, options));
    }

    /** Even PgBouncer's shared server pool cannot keep the target within the budget. */
    DbopsException unreachableBehindPgBouncer(int floor) {
        int available = server.availableConnections();
        OptionalInt byTarget = shared(workload.holdTime());
        StringBuilder message = new StringBuilder(header());
        if (byTarget.isEmpty()) {
            message.append(": no PgBouncer server pool of up to ").append(Sizing.SEARCH_LIMIT).append(" connections keeps it");
            return failure(message.append('.').toString());
        }
        int needed = Math.max(byTarget.getAsInt(), floor);
        message.append(" behind PgBouncer: its server pool for all instances needs default_pool_size ").append(needed)
                .append(floor > byTarget.getAsInt() ? " (the nested-connection deadlock floor)" : "")
                .append(", but ").append(budgetText()).append(" leaves ").append(available);
        List<String> options = new ArrayList<>();
        options.add("max_connections ≥ " + (server.maxConnections() - available + needed));
        if (floor <= available) {
            fasterTransactions(m -> shared(workload.holdTime().scaledTo(m)).orElse(Integer.MAX_VALUE) <= available)
                    .ifPresent(options::add);
        }
        return failure(withOptions(message, options));
    }

    private String header() {
        return "the target (" + workload.targetText() + " at " + Sizing.rate(workload.peakRate())
                + " peak) cannot be met within the server's connection budget";
    }

    private String budgetText() {
        return "max_connections " + server.maxConnections() + " − " + server.superuserReservedConnections()
                + " superuser_reserved_connections − " + server.reservedConnections() + " reserved_connections − "
                + server.otherConnections() + " other clients' connections";
    }

    private Optional<String> pgBouncerOption(int available) {
        OptionalInt shared = shared(workload.holdTime());
        int floor = workload.connectionsPerTransaction() <= 1 ? 1 : workload.maxInstances()
                * workload.threadsPerInstance().orElse(1) * (workload.connectionsPerTransaction() - 1) + 1;
        if (shared.isEmpty() || Math.max(shared.getAsInt(), floor) > available) {
            return Optional.empty();
        }
        return Optional.of("PgBouncer in transaction mode in front of the server: one server pool of"
                + " default_pool_size " + Math.max(shared.getAsInt(), floor) + " serves every instance and fits");
    }

    private Optional<String> fewerInstances(int available) {
        int surge = workload.maxInstances() - workload.instances();
        for (int n = workload.instances() - 1; n >= 1; n--) {
            double rate = workload.totalArrivals() / n;
            OptionalInt size = PoolQueueModel.smallestPoolSize(rate, workload.holdTime(), workload.targetWait(),
                    workload.targetPercentile(), available);
            if (size.isPresent()) {
                int each = Math.max(size.getAsInt(), workload.deadlockFloor());
                if ((n + surge) * each <= available) {
                    return Optional.of("at most " + n + " instance" + (n == 1 ? "" : "s")
                            + (surge > 0 ? " (" + (n + surge) + " during deploys)" : "") + ", each with maximumPoolSize "
                            + each + " at " + Sizing.rate(rate) + " — if one instance can take that load");
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> fasterTransactions(Predicate<Duration> fits) {
        Duration mean = workload.holdTime().mean();
        double low = 0;
        double high = Durations.seconds(mean);
        if (!fits.test(Durations.ofSeconds(high * 1e-6))) {
            return Optional.empty();
        }
        for (int i = 0; i < 50; i++) {
            double middle = (low + high) / 2;
            if (middle > 0 && fits.test(Durations.ofSeconds(middle))) {
                low = middle;
            } else {
                high = middle;
            }
        }
        Duration fastest = Durations.floorSignificant(Durations.ofSeconds(low));
        return Optional.of("faster transactions: a mean DB time of at most " + Durations.text(fastest)
                + " instead of " + Durations.text(mean) + " (same shape of distribution)");
    }

    private boolean fitsDirect(Duration mean, int available) {
        OptionalInt size = PoolQueueModel.smallestPoolSize(workload.perInstanceArrivals(),
                workload.holdTime().scaledTo(mean), workload.targetWait(), workload.targetPercentile(),
                available / workload.maxInstances());
        return size.isPresent() && Math.max(size.getAsInt(), workload.deadlockFloor()) * workload.maxInstances()
                <= available;
    }

    private OptionalInt perInstance(int instances, HoldTime holdTime) {
        return PoolQueueModel.smallestPoolSize(workload.totalArrivals() / instances, holdTime, workload.targetWait(),
                workload.targetPercentile(), Sizing.SEARCH_LIMIT);
    }

    private OptionalInt shared(HoldTime holdTime) {
        return PoolQueueModel.smallestPoolSize(workload.totalArrivals(), holdTime, workload.targetWait(),
                workload.targetPercentile(), Sizing.SEARCH_LIMIT);
    }

    private static String withOptions(StringBuilder message, List<String> options) {
        message.append(". What would satisfy it: ");
        for (int i = 0; i < options.size(); i++) {
            message.append(i == 0 ? "" : "; or ").append(options.get(i));
        }
        return message.append('.').toString();
    }

    private static DbopsException failure(String message) {
        return new DbopsException(ErrorCode.POOL_TARGET_UNREACHABLE, message);
    }
}
