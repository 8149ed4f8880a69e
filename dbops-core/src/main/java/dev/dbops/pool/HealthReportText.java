package dev.dbops.pool;

import java.util.IntSummaryStatistics;
import java.util.function.ToIntFunction;

/** Renders a {@link PoolHealthReport} for a person. */
final class HealthReportText {

    private HealthReportText() {
    }

    static String render(PoolHealthReport r) {
        StringBuilder out = new StringBuilder("Pool ").append(r.poolName()).append(" (application_name '")
                .append(r.applicationName()).append("'), ").append(Durations.text(r.window())).append(" window, ")
                .append(r.samples().size()).append(" samples: ");
        out.append(range(r, "active", PoolSample::active)).append(", ").append(range(r, "idle", PoolSample::idle))
                .append(", ").append(range(r, "waiting", PoolSample::waiting));
        long waited = r.samples().stream().filter(s -> s.waiting() > 0).count();
        if (!r.samples().isEmpty()) {
            out.append(" (in ").append(Math.round(100.0 * waited / r.samples().size())).append(" % of samples)");
        }
        out.append("; maximumPoolSize ").append(r.maximumPoolSize()).append('\n');
        r.server().ifPresentOrElse(c -> {
            out.append("Server: ").append(c.clientSessions()).append(" of ").append(c.ordinaryLimit())
                    .append(" ordinary connections in use (").append(Math.round(c.usedShare() * 100)).append(" %); the app's")
                    .append(" sessions: ");
            long active = r.sessions().stream().filter(s -> s.state().equals("active")).count();
            long inTransaction = r.sessions().stream().filter(BackendSession::idleInTransaction).count();
            long idle = r.sessions().stream().filter(s -> s.state().equals("idle")).count();
            out.append(active).append(" active, ").append(inTransaction).append(" idle in transaction, ").append(idle)
                    .append(" idle\n");
        }, () -> out.append("Server: not reached\n"));
        if (r.findings().isEmpty()) {
            out.append("No findings.\n");
            return out.toString();
        }
        out.append("Findings:\n");
        for (PoolFinding f : r.findings()) {
            out.append("  ").append(f.severity()).append(' ').append(f.check().id());
            f.backendPid().ifPresent(pid -> out.append(" (pid ").append(pid).append(')'));
            out.append(": ").append(f.message()).append("\n      fix: ").append(f.help()).append('\n');
        }
        return out.toString();
    }

    private static String range(PoolHealthReport r, String name, ToIntFunction<PoolSample> gauge) {
        IntSummaryStatistics stats = r.samples().stream().mapToInt(gauge).summaryStatistics();
        if (stats.getCount() == 0) {
            return name + " unknown";
        }
        return name + " " + stats.getMin() + "–" + stats.getMax() + " (mean " + Durations.trim(stats.getAverage()) + ")";
    }
}
