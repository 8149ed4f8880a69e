package dev.dbops.pool;

import dev.dbops.pool.Decision.Constraint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Chooses HikariCP's timeouts: {@code connectionTimeout} from the target wait and the transaction p99,
 * {@code keepaliveTime} and {@code maxLifetime} below the infrastructure's idle and lifetime limits,
 * {@code leakDetectionThreshold} far above the transaction p99.
 */
final class TimeoutPlanner {

    static final Duration HIKARI_DEFAULT_MAX_LIFETIME = Duration.ofMinutes(30);
    static final Duration HIKARI_DEFAULT_KEEPALIVE = Duration.ofMinutes(2);
    /** HikariCP disables a keepaliveTime below 30 s and rejects a maxLifetime below 30 s. */
    static final Duration HIKARI_MINIMUM_KEEPALIVE = Duration.ofSeconds(30);
    static final Duration HIKARI_MINIMUM_LIFETIME = Duration.ofSeconds(30);
    /** HikariCP disables a leakDetectionThreshold below 2 s. */
    static final Duration HIKARI_MINIMUM_LEAK_THRESHOLD = Duration.ofSeconds(2);

    /** The planned timeouts. */
    record Timeouts(Duration connectionTimeout, Duration maxLifetime, Duration keepaliveTime, Duration leakThreshold) {
    }

    private record Limit(Duration value, String name) {
    }

    private final PoolWorkload workload;
    private final ServerFacts server;
    private final Optional<PgBouncerTier> pgBouncer;
    private final Optional<Duration> infrastructureIdleTimeout;
    private final Optional<Duration> lifetimeLimit;

    TimeoutPlanner(PoolWorkload workload, ServerFacts server, Optional<PgBouncerTier> pgBouncer,
            Optional<Duration> infrastructureIdleTimeout, Optional<Duration> lifetimeLimit) {
        this.workload = workload;
        this.server = server;
        this.pgBouncer = pgBouncer;
        this.infrastructureIdleTimeout = infrastructureIdleTimeout;
        this.lifetimeLimit = lifetimeLimit;
    }

    Timeouts plan(List<Decision> decisions, List<PoolFinding> findings) {
        Duration connectionTimeout = connectionTimeout(decisions);
        Duration keepalive = keepalive(decisions, findings);
        Duration maxLifetime = maxLifetime(decisions, findings);
        if (keepalive.compareTo(maxLifetime) >= 0) {
            // HikariCP ignores a keepaliveTime at or above maxLifetime; retiring the connection does the job.
            keepalive = Duration.ZERO;
            decisions.add(new Decision("keepaliveTime", "0 (off)", Constraint.HIKARI_GUIDANCE, "maxLifetime ("
                    + Durations.text(maxLifetime) + ") already retires connections before a keepalive would run"));
        }
        Duration leak = leakThreshold(maxLifetime, decisions, findings);
        return new Timeouts(connectionTimeout, maxLifetime, keepalive, leak);
    }

    private Duration connectionTimeout(List<Decision> decisions) {
        Duration tenTargets = workload.targetWait().multipliedBy(10);
        Duration clamped = tenTargets.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1)
                : tenTargets.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : tenTargets;
        Duration twoP99 = workload.holdTime().p99().multipliedBy(2);
        if (twoP99.compareTo(clamped) > 0) {
            Duration value = Durations.ceil(twoP99, Duration.ofMillis(100));
            decisions.add(new Decision("connectionTimeout", value.toMillis() + " ms", Constraint.TRANSACTION_TIME,
                    "twice the transaction p99 (" + Durations.text(workload.holdTime().p99()) + "): a request queued"
                            + " behind slow transactions is not failed while they finish"));
            return value;
        }
        Duration value = Durations.ceil(clamped, Duration.ofMillis(100));
        decisions.add(new Decision("connectionTimeout", value.toMillis() + " ms", Constraint.TARGET_WAIT,
                "10 × the target wait (" + Durations.text(workload.targetWait()) + "), kept within 1–30 s: a request"
                        + " that waited this long has missed its latency budget, so fail it fast instead of piling"
                        + " up threads; at least 1 s so that replacing a connection does not fail requests"));
        return value;
    }

    private Optional<Limit> idleLimit() {
        List<Limit> limits = new ArrayList<>();
        server.idleSessionTimeout().ifPresent(d -> limits.add(new Limit(d, "the server's idle_session_timeout")));
        infrastructureIdleTimeout.ifPresent(d -> limits.add(new Limit(d, "the infrastructure idle timeout")));
        pgBouncer.flatMap(PgBouncerTier::clientIdleTimeout)
                .ifPresent(d -> limits.add(new Limit(d, "PgBouncer's client_idle_timeout")));
        return limits.stream().min((a, b) -> a.value().compareTo(b.value()));
    }

    private Duration keepalive(List<Decision> decisions, List<PoolFinding> findings) {
        Optional<Limit> idle = idleLimit();
        if (idle.isEmpty()) {
            decisions.add(new Decision("keepaliveTime", "120000 ms", Constraint.HIKARI_GUIDANCE,
                    "HikariCP's default; no idle timeout between the app and the server is known (give one if a"
                            + " load balancer, firewall or NAT cuts idle connections)"));
            return HIKARI_DEFAULT_KEEPALIVE;
        }
        Limit limit = idle.get();
        Duration quarter = limit.value().dividedBy(4);
        Duration margin = quarter.compareTo(Duration.ofSeconds(10)) > 0 ? quarter : Duration.ofSeconds(10);
        Duration below = limit.value().minus(margin).withNanos(0);
        Duration value = below.compareTo(HIKARI_DEFAULT_KEEPALIVE) < 0 ? below : HIKARI_DEFAULT_KEEPALIVE;
        if (value.compareTo(HIKARI_MINIMUM_KEEPALIVE) < 0) {
            findings.add(PoolFinding.of(PoolCheck.IDLE_TIMEOUT_TOO_SHORT, PoolSeverity.WARNING, limit.name() + " is "
                    + Durations.text(limit.value()) + ", shorter than HikariCP's keepalive can outrun (keepaliveTime"
                    + " is at least 30 s): idle pooled connections will be cut and replaced",
                    "raise " + limit.name() + " to at least 45 s for the app's connections"));
            decisions.add(new Decision("keepaliveTime", HIKARI_MINIMUM_KEEPALIVE.toMillis() + " ms",
                    Constraint.HIKARI_GUIDANCE, "HikariCP's minimum; " + limit.name() + " ("
                            + Durations.text(limit.value()) + ") is shorter still"));
            return HIKARI_MINIMUM_KEEPALIVE;
        }
        decisions.add(new Decision("keepaliveTime", value.toMillis() + " ms", Constraint.INFRASTRUCTURE_TIMEOUT,
                value.equals(HIKARI_DEFAULT_KEEPALIVE)
                        ? "HikariCP's default, already well below " + limit.name() + " (" + Durations.text(limit.value()) + ")"
                        : "below " + limit.name() + " (" + Durations.text(limit.value()) + ") with a margin, so an idle"
                                + " connection is touched before it is cut"));
        return value;
    }

    private Duration maxLifetime(List<Decision> decisions, List<PoolFinding> findings) {
        if (lifetimeLimit.isEmpty()) {
            decisions.add(new Decision("maxLifetime", HIKARI_DEFAULT_MAX_LIFETIME.toMillis() + " ms",
                    Constraint.HIKARI_GUIDANCE, "HikariCP's default; no limit on a connection's age is known"));
            return HIKARI_DEFAULT_MAX_LIFETIME;
        }
        Duration limit = lifetimeLimit.get();
        Duration tenth = limit.dividedBy(10);
        Duration margin = tenth.compareTo(Duration.ofSeconds(30)) > 0 ? tenth : Duration.ofSeconds(30);
        Duration value = limit.minus(margin).withNanos(0);
        if (value.compareTo(HIKARI_DEFAULT_MAX_LIFETIME) > 0) {
            value = HIKARI_DEFAULT_MAX_LIFETIME;
        }
        if (value.compareTo(HIKARI_MINIMUM_LIFETIME) < 0) {
            findings.add(PoolFinding.of(PoolCheck.IDLE_TIMEOUT_TOO_SHORT, PoolSeverity.WARNING,
                    "connections may live at most " + Durations.text(limit) + ", too short for HikariCP's maxLifetime"
                            + " (at least 30 s) to retire them first: some will be cut while in use",
                    "raise the connection lifetime limit to at least 90 s"));
            value = HIKARI_MINIMUM_LIFETIME;
        }
        decisions.add(new Decision("maxLifetime", value.toMillis() + " ms", Constraint.INFRASTRUCTURE_TIMEOUT,
                "below the connection lifetime limit (" + Durations.text(limit) + ") by at least 30 s, so HikariCP"
                        + " retires a connection before the infrastructure cuts it"));
        return value;
    }

    private Duration leakThreshold(Duration maxLifetime, List<Decision> decisions, List<PoolFinding> findings) {
        Duration p99 = workload.holdTime().p99();
        Duration tenP99 = p99.multipliedBy(10);
        Duration value = Durations.ceil(tenP99.compareTo(HIKARI_MINIMUM_LEAK_THRESHOLD) > 0 ? tenP99
                : HIKARI_MINIMUM_LEAK_THRESHOLD, Duration.ofSeconds(1));
        if (value.compareTo(maxLifetime) >= 0) {
            Duration capped = maxLifetime.minusSeconds(1);
            if (capped.compareTo(HIKARI_MINIMUM_LEAK_THRESHOLD) < 0 || capped.compareTo(p99) <= 0) {
                findings.add(PoolFinding.of(PoolCheck.LEAK_DETECTION_DISABLED, PoolSeverity.INFO,
                        "no leak-detection threshold fits above the transaction p99 (" + Durations.text(p99)
                                + ") and below maxLifetime (" + Durations.text(maxLifetime) + ")",
                        "rely on the PoolInspector's leak check, which reads the server's view of each session"));
                decisions.add(new Decision("leakDetectionThreshold", "0 (off)", Constraint.TRANSACTION_TIME,
                        "transactions are too long for a threshold below maxLifetime"));
                return Duration.ZERO;
            }
            value = capped;
        }
        decisions.add(new Decision("leakDetectionThreshold", value.toMillis() + " ms", Constraint.TRANSACTION_TIME,
                "10 × the transaction p99 (" + Durations.text(p99) + "), at least HikariCP's 2 s and below maxLifetime:"
                        + " a connection held that long is far outside any normal transaction"));
        return value;
    }
}
