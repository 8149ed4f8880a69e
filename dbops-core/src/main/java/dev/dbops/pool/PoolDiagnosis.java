package dev.dbops.pool;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns what the inspector saw — the pool's samples over the window and the server's sessions — into
 * findings. A pure function of its inputs.
 */
final class PoolDiagnosis {

    /** The thresholds the inspector was configured with. */
    record Thresholds(Duration leak, String leakBasis, Duration idleInTransaction, double saturatedShare,
            double budgetShare) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final PoolGauge pool;
    private final String applicationName;
    private final List<PoolSample> samples;
    private final Optional<SessionActivity.Snapshot> server;
    private final Thresholds thresholds;
    private final List<PoolFinding> findings = new ArrayList<>();

    PoolDiagnosis(PoolGauge pool, String applicationName, List<PoolSample> samples,
            Optional<SessionActivity.Snapshot> server, Thresholds thresholds) {
        this.pool = pool;
        this.applicationName = applicationName;
        this.samples = samples;
        this.server = server;
        this.thresholds = thresholds;
    }

    List<PoolFinding> findings() {
        saturation();
        server.ifPresent(snapshot -> {
            sessions(snapshot.sessions());
            tooManyIdle(snapshot.server());
            budget(snapshot);
        });
        return findings;
    }

    private void saturation() {
        long withWaiters = samples.stream().filter(s -> s.waiting() > 0).count();
        double share = samples.isEmpty() ? 0 : (double) withWaiters / samples.size();
        if (samples.isEmpty() || share < thresholds.saturatedShare()) {
            return;
        }
        int peakWaiting = samples.stream().mapToInt(PoolSample::waiting).max().orElse(0);
        long full = samples.stream().filter(s -> s.active() >= pool.maximumPoolSize()).count();
        Duration window = Duration.between(samples.get(0).at(), samples.get(samples.size() - 1).at());
        StringBuilder message = new StringBuilder("pool ").append(pool.poolName()).append(": requests waited for a")
                .append(" connection in ").append(withWaiters).append(" of ").append(samples.size())
                .append(" samples over ").append(Durations.text(window)).append(" (up to ").append(peakWaiting)
                .append(" waiting); all ").append(pool.maximumPoolSize()).append(" connections were in use in ")
                .append(full).append(" samples");
        acquireTrend().ifPresent(message::append);
        String help = server.map(snapshot -> cause(snapshot.sessions())).orElse("compare the pool's hold time"
                + " (hikaricp.connections.usage) with the DB time per transaction, and resize with 'dbops pool'");
        findings.add(PoolFinding.of(PoolCheck.POOL_SATURATED, share >= 0.9 ? PoolSeverity.ERROR : PoolSeverity.WARNING,
                message.toString(), help));
    }

    /** "; the slowest acquire rose from 2 ms in the first half of the window to 480 ms in the second". */
    private Optional<String> acquireTrend() {
        int half = samples.size() / 2;
        Optional<Duration> first = samples.subList(0, half).stream().flatMap(s -> s.slowestAcquire().stream())
                .max(Comparator.naturalOrder());
        Optional<Duration> second = samples.subList(half, samples.size()).stream()
                .flatMap(s -> s.slowestAcquire().stream()).max(Comparator.naturalOrder());
        if (second.isEmpty()) {
            return Optional.empty();
        }
        if (first.isEmpty() || second.get().compareTo(first.get().multipliedBy(3).dividedBy(2)) > 0) {
            return Optional.of("; the slowest acquire rose from " + first.map(Durations::text).orElse("none finished")
                    + " in the first half of the window to " + Durations.text(second.get()) + " in the second");
        }
        return Optional.of("; the slowest acquire was " + Durations.text(second.get()) + " in the second half of the window");
    }

    /** What the server says the borrowed connections are doing: the likely cause and fix. */
    private String cause(List<BackendSession> sessions) {
        long active = sessions.stream().filter(s -> s.state().equals("active")).count();
        long inTransaction = sessions.stream().filter(BackendSession::idleInTransaction).count();
        long idle = sessions.stream().filter(s -> s.state().equals("idle")).count();
        String seen = "the server shows the app's sessions " + active + " active, " + inTransaction
                + " idle in transaction, " + idle + " idle";
        if (inTransaction > active && inTransaction >= idle) {
            return seen + ": connections are held inside open transactions while the app does other work (or leaks"
                    + " them) — keep transactions to database work, and see the connection-leak findings";
        }
        if (active >= idle) {
            return seen + ": the server is busy with the app's queries — either the pool is too small for the load"
                    + " (resize with 'dbops pool') or queries got slower (check pg_stat_statements)";
        }
        return seen + ": borrowed connections sit idle on the server — the app holds them between queries or leaks"
                + " them (HikariCP's leakDetectionThreshold logs the borrowing stack)";
    }

    private void sessions(List<BackendSession> sessions) {
        Duration keepalive = pool.keepaliveTime();
        int minActive = samples.stream().mapToInt(PoolSample::active).min().orElse(0);
        for (BackendSession s : sessions) {
            if (s.idleInTransaction() && s.inState().compareTo(thresholds.leak()) > 0) {
                findings.add(PoolFinding.forBackend(PoolCheck.CONNECTION_LEAK, PoolSeverity.ERROR, s.pid(),
                        describe(s) + ", far beyond the leak threshold of " + Durations.text(thresholds.leak()) + " ("
                                + thresholds.leakBasis() + "): its connection is borrowed and not returned",
                        "find the code path that begins a transaction without commit/rollback and close (HikariCP's"
                                + " leakDetectionThreshold logs its stack); pg_terminate_backend(" + s.pid() + ") frees it"
                                + " now; idle_in_transaction_session_timeout is a safety net"));
            } else if (s.idleInTransaction() && s.inState().compareTo(thresholds.idleInTransaction()) > 0) {
                findings.add(PoolFinding.forBackend(PoolCheck.IDLE_IN_TRANSACTION, PoolSeverity.WARNING, s.pid(),
                        describe(s), "commit or roll back before doing non-database work; an open transaction"
                                + " holds its locks and keeps VACUUM from removing dead rows"));
            } else if (s.state().equals("active") && s.queryStart().isPresent()
                    && Duration.between(s.queryStart().get(), s.observedAt()).compareTo(thresholds.leak()) > 0) {
                findings.add(PoolFinding.forBackend(PoolCheck.LONG_RUNNING_QUERY, PoolSeverity.WARNING, s.pid(),
                        "backend pid " + s.pid() + " of '" + applicationName + "' has run one statement for "
                                + Durations.text(Duration.between(s.queryStart().get(), s.observedAt()))
                                + ", beyond " + Durations.text(thresholds.leak()) + ": " + shorten(s.query()),
                        "a slow statement holds its connection as long as a leak would: check its plan, or set"
                                + " statement_timeout for the app's role"));
            } else if (s.state().equals("idle") && keepalive.compareTo(Duration.ZERO) > 0 && minActive > 0) {
                Duration beyond = max(thresholds.leak(), keepalive.multipliedBy(2));
                if (s.inState().compareTo(beyond) > 0) {
                    findings.add(PoolFinding.forBackend(PoolCheck.CONNECTION_LEAK, PoolSeverity.WARNING, s.pid(),
                            describe(s) + ", more than twice the pool's keepaliveTime (" + Durations.text(keepalive)
                                    + "), so no pool keeps it idle: an instance of '" + applicationName + "' has"
                                    + " borrowed it without a transaction and not returned it",
                            "find the code path that gets a connection without closing it (HikariCP's"
                                    + " leakDetectionThreshold logs its stack); pg_terminate_backend(" + s.pid()
                                    + ") frees it now"));
                }
            }
        }
    }

    private void tooManyIdle(ServerConnections connections) {
        if (samples.isEmpty()) {
            return;
        }
        int minIdle = samples.stream().mapToInt(PoolSample::idle).min().orElse(0);
        int peakActive = samples.stream().mapToInt(PoolSample::active).max().orElse(0);
        int total = samples.get(samples.size() - 1).total();
        if (minIdle >= 5 && peakActive * 2 <= total && connections.usedShare() >= 0.5) {
            findings.add(PoolFinding.of(PoolCheck.TOO_MANY_IDLE, PoolSeverity.WARNING, "pool " + pool.poolName()
                    + " kept at least " + minIdle + " of its " + total + " connections idle throughout the window"
                    + " (at most " + peakActive + " in use) while the server's connections are "
                    + Math.round(connections.usedShare() * 100) + " % used", "lower maximumPoolSize to what the"
                    + " load needs ('dbops pool' computes it) so other instances and clients keep their share"));
        }
    }

    private void budget(SessionActivity.Snapshot snapshot) {
        ServerConnections c = snapshot.server();
        if (c.usedShare() < thresholds.budgetShare()) {
            return;
        }
        StringBuilder largest = new StringBuilder();
        snapshot.groups().stream().limit(3).forEach(g -> largest.append(largest.length() == 0 ? "" : ", ")
                .append(g.applicationName().isEmpty() ? "(no application_name)" : "'" + g.applicationName() + "'")
                .append(' ').append(g.sessions()).append(' ').append(g.state().isEmpty() ? "(state hidden)" : g.state()));
        findings.add(PoolFinding.of(PoolCheck.SERVER_BUDGET_NEARLY_EXHAUSTED,
                c.usedShare() >= 1 ? PoolSeverity.ERROR : PoolSeverity.WARNING, c.clientSessions() + " client"
                        + " sessions use " + Math.round(c.usedShare() * 100) + " % of the " + c.ordinaryLimit()
                        + " connections ordinary users may open (max_connections " + c.maxConnections() + " − "
                        + c.superuserReservedConnections() + " superuser-reserved − " + c.reservedConnections()
                        + " reserved); largest groups: " + largest, "the next pool to grow or instance to start"
                        + " gets \"too many clients already\": shrink pools ('dbops pool' with every instance counted),"
                        + " raise max_connections, or put PgBouncer in transaction mode in front"));
    }

    private static String describe(BackendSession s) {
        return "backend pid " + s.pid() + " of '" + s.applicationName() + "' has been " + s.state() + " for "
                + Durations.text(s.inState()) + s.transactionStart().map(t -> " (transaction started "
                        + TIME.format(t) + ")").orElse("") + "; last query: " + shorten(s.query());
    }

    private static String shorten(String query) {
        String flat = query.replaceAll("\\s+", " ").strip();
        return flat.isEmpty() ? "(none)" : flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
