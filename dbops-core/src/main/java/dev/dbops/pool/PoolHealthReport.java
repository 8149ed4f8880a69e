package dev.dbops.pool;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the {@link PoolInspector} saw over one sampling window, and what it found.
 *
 * @param poolName the pool's name
 * @param applicationName the {@code application_name} the app's sessions were matched by
 * @param startedAt when sampling began
 * @param window how long the pool was sampled
 * @param maximumPoolSize the pool's configured maximum
 * @param samples the pool's gauges, in time order
 * @param sessions the app's sessions on the server at the end of the window (empty when unreachable)
 * @param serverSessions every client session on the server, grouped by application and state
 * @param server the server's connection limit and use, when the inspector reached it
 * @param findings saturation, leaks, idle in transaction, idle connections, budget — data, never exceptions
 */
public record PoolHealthReport(String poolName, String applicationName, Instant startedAt, Duration window,
        int maximumPoolSize, List<PoolSample> samples, List<BackendSession> sessions, List<SessionGroup> serverSessions,
        Optional<ServerConnections> server, List<PoolFinding> findings) {

    /** Checks that nothing is null and copies the lists. */
    public PoolHealthReport {
        Objects.requireNonNull(poolName, "poolName");
        Objects.requireNonNull(applicationName, "applicationName");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(server, "server");
        samples = List.copyOf(samples);
        sessions = List.copyOf(sessions);
        serverSessions = List.copyOf(serverSessions);
        findings = List.copyOf(findings);
    }

    /** The findings of one kind. */
    public List<PoolFinding> findings(PoolCheck check) {
        return findings.stream().filter(f -> f.check() == check).toList();
    }

    /** Whether any finding is at least this severe. */
    public boolean hasFindingsAtLeast(PoolSeverity severity) {
        return findings.stream().anyMatch(f -> f.severity().isAtLeast(severity));
    }

    /** A report for a person: the pool's range over the window, the server's use, the findings with fixes. */
    public String toText() {
        return HealthReportText.render(this);
    }
}
