package dev.dbops.pool;

/** Renders a {@link PoolRecommendation} for a person: each setting with its reason, the prediction, the budget. */
final class RecommendationText {

    private RecommendationText() {
    }

    static String render(PoolRecommendation r) {
        PoolWorkload w = r.workload();
        StringBuilder out = new StringBuilder();
        out.append("Workload: ").append(Sizing.rate(w.peakRate())).append(" at peak over ").append(w.instances())
                .append(" instance").append(w.instances() == 1 ? "" : "s");
        if (w.maxInstances() > w.instances()) {
            out.append(" (").append(w.maxInstances()).append(" at most, during deploys or autoscaling)");
        }
        out.append("; hold time ").append(r.workload().holdTime().basis()).append("; target ").append(w.targetText())
                .append(".\n\n");

        out.append("HikariCP, each instance:\n");
        for (Decision d : r.decisions()) {
            if (isHikari(d.setting())) {
                appendDecision(out, d);
            }
        }
        r.pgBouncer().ifPresent(plan -> {
            out.append("\nPgBouncer (pool_mode = ").append(plan.poolMode().configValue()).append("):\n");
            for (Decision d : r.decisions()) {
                if (!isHikari(d.setting())) {
                    appendDecision(out, d);
                }
            }
        });

        WaitPrediction p = r.prediction();
        out.append("\nPredicted at peak, ").append(r.pgBouncer().isPresent() ? "HikariCP wait for a PgBouncer client"
                + " connection, " : "").append("each instance: ").append(prediction(p)).append('\n');
        r.pgBouncer().ifPresent(plan -> out.append("Predicted at peak, PgBouncer wait for a server connection: ")
                .append(prediction(plan.serverWait())).append('\n'));

        ConnectionBudget b = r.budget();
        out.append("\nConnection budget (").append(r.server().source()).append("): max_connections ")
                .append(b.maxConnections()).append(" − ").append(b.superuserReservedConnections())
                .append(" superuser-reserved − ").append(b.reservedConnections()).append(" reserved − ")
                .append(b.otherConnections()).append(" other clients = ").append(b.availableConnections())
                .append(" for the app; ");
        if (b.viaPgBouncer()) {
            out.append("PgBouncer's server pool uses ").append(b.peakConnections()).append(", whatever the instance count");
        } else {
            int size = r.hikari().maximumPoolSize();
            out.append("it uses ").append(b.steadyConnections()).append(" (").append(w.instances()).append(" × ")
                    .append(size).append(')');
            if (w.maxInstances() > w.instances()) {
                out.append(", ").append(b.peakConnections()).append(" at peak (").append(w.maxInstances())
                        .append(" × ").append(size).append(')');
            }
        }
        out.append(": ").append(Math.round(b.peakShare() * 100)).append(" %.\n");

        if (!r.findings().isEmpty()) {
            out.append("\nFindings:\n");
            for (PoolFinding f : r.findings()) {
                out.append("  ").append(f.severity()).append(' ').append(f.check().id()).append(": ").append(f.message())
                        .append("\n      fix: ").append(f.help()).append('\n');
            }
        }
        out.append("\nAs Spring Boot properties:\n");
        for (String line : r.hikari().toSpringProperties().split("\n")) {
            out.append("  ").append(line).append('\n');
        }
        r.pgBouncer().ifPresent(plan -> {
            out.append("\nIn pgbouncer.ini:\n");
            for (String line : plan.toIni().split("\n")) {
                out.append("  ").append(line).append('\n');
            }
        });
        return out.toString();
    }

    private static boolean isHikari(String setting) {
        return !setting.contains("_");
    }

    private static void appendDecision(StringBuilder out, Decision d) {
        out.append("  ").append(d.setting()).append(" = ").append(d.value()).append("\n      decided by ")
                .append(d.decidedBy().label()).append(": ")
                .append(d.reason()).append('\n');
    }

    static String prediction(WaitPrediction p) {
        return "utilisation " + Math.round(p.utilisation() * 100) + " %, P(wait) "
                + Durations.trim(p.probabilityOfWait() * 100) + " %, acquire wait p50 " + Durations.text(p.p50())
                + ", p95 " + Durations.text(p.p95()) + ", p99 " + Durations.text(p.p99()) + ", mean "
                + Durations.text(p.meanWait()) + "; " + Durations.trim(p.offeredLoad()) + " of " + p.poolSize()
                + " connections busy on average (Little's law: " + Sizing.rate(p.arrivalsPerSecond()) + " × mean hold"
                + " time)";
    }
}
