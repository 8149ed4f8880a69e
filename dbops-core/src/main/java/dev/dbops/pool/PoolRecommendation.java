package dev.dbops.pool;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PoolSizer} recommends, what the model predicts for it, and why.
 *
 * @param workload the workload and target as sized
 * @param server the server facts used
 * @param hikari the settings for each instance's HikariCP pool
 * @param prediction the model's prediction for one instance's pool at peak (behind PgBouncer: the
 *     wait for a PgBouncer client connection, see {@link PgBouncerPlan#serverWait()} for the server side)
 * @param budget the server's connections against the app's at peak
 * @param pgBouncer the PgBouncer settings, when a PgBouncer tier was given
 * @param decisions for each recommended setting, the constraint that decided it and why
 * @param findings warnings and notes: budget nearly used, CPU guidance exceeded, PgBouncer incompatibilities
 */
public record PoolRecommendation(PoolWorkload workload, ServerFacts server, HikariSettings hikari,
        WaitPrediction prediction, ConnectionBudget budget, Optional<PgBouncerPlan> pgBouncer,
        List<Decision> decisions, List<PoolFinding> findings) {

    /** The version of the JSON written by {@link #toJson()}; documented in docs/pool-format.md. */
    public static final int FORMAT_VERSION = 1;

    /** Checks that nothing is null and copies the lists. */
    public PoolRecommendation {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(hikari, "hikari");
        Objects.requireNonNull(prediction, "prediction");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(pgBouncer, "pgBouncer");
        decisions = List.copyOf(decisions);
        findings = List.copyOf(findings);
    }

    /** The decision behind one setting, by its name ({@code maximumPoolSize}, {@code default_pool_size}…). */
    public Optional<Decision> decision(String setting) {
        return decisions.stream().filter(d -> d.setting().equals(setting)).findFirst();
    }

    /** A report for a person: the settings with the reason for each, the prediction, the budget, the findings. */
    public String toText() {
        return RecommendationText.render(this);
    }

    /** The recommendation as JSON ({@code "formatVersion": 1}, docs/pool-format.md), pretty-printed. */
    public String toJson() {
        return RecommendationJson.render(this);
    }
}
