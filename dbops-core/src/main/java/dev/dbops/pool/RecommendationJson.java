package dev.dbops.pool;

import dev.dbops.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes a {@link PoolRecommendation} as JSON, format version {@value PoolRecommendation#FORMAT_VERSION}. */
final class RecommendationJson {

    private RecommendationJson() {
    }

    static String render(PoolRecommendation r) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("formatVersion", PoolRecommendation.FORMAT_VERSION);
        root.put("workload", workload(r.workload()));
        root.put("hikari", hikari(r.hikari()));
        root.put("prediction", prediction(r.prediction()));
        r.pgBouncer().ifPresent(plan -> {
            Map<String, Object> bouncer = new LinkedHashMap<>();
            bouncer.put("poolMode", plan.poolMode().configValue());
            bouncer.put("defaultPoolSize", plan.defaultPoolSize());
            bouncer.put("maxClientConn", plan.maxClientConn());
            plan.maxPreparedStatements().ifPresent(n -> bouncer.put("maxPreparedStatements", n));
            bouncer.put("serverWait", prediction(plan.serverWait()));
            root.put("pgbouncer", bouncer);
        });
        root.put("budget", budget(r.budget(), r.server()));
        List<Object> decisions = new ArrayList<>();
        for (Decision d : r.decisions()) {
            Map<String, Object> decision = new LinkedHashMap<>();
            decision.put("setting", d.setting());
            decision.put("value", d.value());
            decision.put("decidedBy", d.decidedBy().name());
            decision.put("reason", d.reason());
            decisions.add(decision);
        }
        root.put("decisions", decisions);
        root.put("findings", findings(r.findings()));
        return Json.writePretty(root);
    }

    static List<Object> findings(List<PoolFinding> findings) {
        List<Object> list = new ArrayList<>();
        for (PoolFinding f : findings) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("check", f.check().id());
            finding.put("severity", f.severity().name());
            finding.put("message", f.message());
            finding.put("help", f.help());
            f.backendPid().ifPresent(pid -> finding.put("backendPid", pid));
            list.add(finding);
        }
        return list;
    }

    private static Map<String, Object> workload(PoolWorkload w) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("peakRatePerSecond", w.peakRate());
        map.put("holdTimeMeanMs", millis(w.holdTime().mean()));
        map.put("holdTimeP99Ms", millis(w.holdTime().p99()));
        map.put("holdTimeScv", w.holdTime().squaredCoefficientOfVariation());
        map.put("holdTimeBasis", w.holdTime().basis());
        map.put("targetWaitMs", millis(w.targetWait()));
        map.put("targetPercentile", w.targetPercentile());
        map.put("instances", w.instances());
        map.put("maxInstances", w.maxInstances());
        map.put("connectionsPerTransaction", w.connectionsPerTransaction());
        w.threadsPerInstance().ifPresent(n -> map.put("threadsPerInstance", n));
        return map;
    }

    private static Map<String, Object> hikari(HikariSettings h) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("maximumPoolSize", h.maximumPoolSize());
        map.put("minimumIdle", h.minimumIdle());
        map.put("connectionTimeoutMs", h.connectionTimeout().toMillis());
        map.put("maxLifetimeMs", h.maxLifetime().toMillis());
        map.put("keepaliveTimeMs", h.keepaliveTime().toMillis());
        map.put("leakDetectionThresholdMs", h.leakDetectionThreshold().toMillis());
        map.put("dataSourceProperties", new LinkedHashMap<String, Object>(h.dataSourceProperties()));
        return map;
    }

    private static Map<String, Object> prediction(WaitPrediction p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("poolSize", p.poolSize());
        map.put("arrivalsPerSecond", p.arrivalsPerSecond());
        map.put("offeredLoad", p.offeredLoad());
        map.put("utilisation", p.utilisation());
        map.put("probabilityOfWait", p.probabilityOfWait());
        map.put("meanWaitMs", millis(p.meanWait()));
        map.put("p50WaitMs", millis(p.p50()));
        map.put("p95WaitMs", millis(p.p95()));
        map.put("p99WaitMs", millis(p.p99()));
        return map;
    }

    private static Map<String, Object> budget(ConnectionBudget b, ServerFacts server) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("source", server.source());
        map.put("maxConnections", b.maxConnections());
        map.put("superuserReservedConnections", b.superuserReservedConnections());
        map.put("reservedConnections", b.reservedConnections());
        map.put("otherConnections", b.otherConnections());
        map.put("availableConnections", b.availableConnections());
        map.put("steadyConnections", b.steadyConnections());
        map.put("peakConnections", b.peakConnections());
        map.put("viaPgBouncer", b.viaPgBouncer());
        map.put("fits", b.fits());
        return map;
    }

    /** Milliseconds with microsecond precision. */
    static double millis(Duration duration) {
        return Math.round(Durations.seconds(duration) * 1e6) / 1e3;
    }
}
