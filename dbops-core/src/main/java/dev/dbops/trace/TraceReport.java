package dev.dbops.trace;

import dev.dbops.lint.Severity;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of a lock trace: per migration and statement what the database did and what the linter
 * predicted, the findings worst first, and the failure that stopped the trace, if one did. Findings are
 * data; only the policy layer (the CLI's exit code, a test) turns them into a failure. Render it with
 * {@link #toText()} or {@link #toJson()} (format in {@code docs/trace.md}).
 *
 * @param pgVersion the major version of the server traced on
 * @param serverVersion its full version, e.g. {@code 15.19}
 * @param baselineMigrations how many migrations were applied untraced before the traced ones
 * @param seeding what the seeder did between them, when one ran
 * @param migrations the traced migrations, in run order (up to a failed one)
 * @param failure the statement that failed and stopped the trace, if one did
 * @param findings what needs attention, worst first, then in run order
 * @param took the whole trace's time, from creating the scratch database (and starting the server) to the report
 */
public record TraceReport(int pgVersion, String serverVersion, int baselineMigrations, Optional<Seeding> seeding,
        List<MigrationTrace> migrations, Optional<MigrationFailure> failure, List<TraceFinding> findings,
        Duration took) {

    /** The version of the JSON format; raised only for a change that could break a reader. */
    public static final int FORMAT_VERSION = 1;

    /**
     * What the seeder did before the traced migrations.
     *
     * @param summary its one-line summary
     * @param unsatisfied what it could not do
     * @param took how long it took
     */
    public record Seeding(String summary, List<String> unsatisfied, Duration took) {

        /** Validates the parts and copies the list. */
        public Seeding {
            Objects.requireNonNull(summary, "summary");
            unsatisfied = List.copyOf(unsatisfied);
            Objects.requireNonNull(took, "took");
        }
    }

    /** Validates the parts and copies the lists. */
    public TraceReport {
        Objects.requireNonNull(serverVersion, "serverVersion");
        Objects.requireNonNull(seeding, "seeding");
        migrations = List.copyOf(migrations);
        Objects.requireNonNull(failure, "failure");
        findings = List.copyOf(findings);
        Objects.requireNonNull(took, "took");
    }

    /** Every traced statement, in run order. */
    public List<LockTrace> statements() {
        return migrations.stream().flatMap(migration -> migration.statements().stream()).toList();
    }

    /** Every disagreement between the linter and the database, conditional ones included, in run order. */
    public List<Disagreement> disagreements() {
        return statements().stream().flatMap(statement -> statement.disagreements().stream()).toList();
    }

    /** The findings of at least {@code threshold} severity. */
    public List<TraceFinding> findingsAtLeast(Severity threshold) {
        Objects.requireNonNull(threshold, "threshold");
        return findings.stream().filter(finding -> finding.severity().isAtLeast(threshold)).toList();
    }

    /** Whether any finding is at least {@code threshold} severe. */
    public boolean hasFindingsAtLeast(Severity threshold) {
        return !findingsAtLeast(threshold).isEmpty();
    }

    /** The longest time an application query of the simulated workload took, when a workload ran. */
    public Optional<Duration> longestApplicationWait() {
        return migrations.stream().flatMap(migration -> migration.workload().stream())
                .map(WorkloadOutcome::longestWait).max(Duration::compareTo);
    }

    /** The report for a terminal: findings first, then each migration's statements. */
    public String toText() {
        return TraceText.render(this);
    }

    /** The report as versioned JSON ({@code formatVersion} {@value #FORMAT_VERSION}, documented in docs/trace.md). */
    public String toJson() {
        return TraceJson.render(this);
    }
}
