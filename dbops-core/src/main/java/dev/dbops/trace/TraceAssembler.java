package dev.dbops.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the raw observations of one migration into its {@link MigrationTrace} and {@link TraceFinding}s:
 * per statement the locks with their holds, the storage changes, the scans, the linter's prediction and
 * the comparison of the two; and what the workload felt.
 */
final class TraceAssembler {

    private final int migratingPid;
    private final Optional<Workload> workload;
    private final Duration longLock;

    TraceAssembler(int migratingPid, Optional<Workload> workload, Duration longLock) {
        this.migratingPid = migratingPid;
        this.workload = workload;
        this.longLock = longLock;
    }

    /** The trace of {@code run}, with {@code predictions} aligned to its planned statements; findings go to {@code findings}. */
    MigrationTrace assemble(MigrationRun run, List<Prediction> predictions, List<TraceFinding> findings) {
        LockHolds holds = LockHolds.of(run.statements());
        List<LockTrace> traces = new ArrayList<>();
        List<PlannedMigration.PlannedStatement> planned = run.planned().statements();
        for (int i = 0; i < run.statements().size(); i++) {
            StatementRun statement = run.statements().get(i);
            if (statement.polls() < 0 && workload.isPresent()) {
                List<LockPoller.Sighting> during = sightingsDuring(run, statement);
                statement = statement.withSightings(during,
                        (int) during.stream().mapToLong(LockPoller.Sighting::nanos).distinct().count());
            }
            Observation observed = Observation.of(statement, i, holds, statement.sightings());
            int index = planned.indexOf(statement.planned());
            Prediction prediction = index >= 0 && index < predictions.size() ? predictions.get(index) : Prediction.none();
            Comparison.Result compared = Comparison.compare(prediction, statement, observed);
            LockTrace trace = new LockTrace(run.planned().migration().location(), statement.planned().line(),
                    statement.planned().text(), statement.execution(), Duration.ofNanos(statement.tookNanos()),
                    observed.locks(), observed.rewrites(), observed.scans(), prediction, compared.disagreements(),
                    compared.notCompared());
            traces.add(trace);
            findings.addAll(TraceFindings.of(trace, statement, observed, longLock));
        }
        long commit = run.planned().transactional() && !run.statements().isEmpty() && run.failure().isEmpty()
                ? run.statements().get(run.statements().size() - 1).commitNanos() : 0;
        Optional<WorkloadOutcome> felt = workload.map(w -> WorkloadAnalysis.of(run, migratingPid, w.waitThreshold()));
        MigrationTrace trace = new MigrationTrace(run.planned().migration().id(), run.planned().migration().location(),
                run.planned().transactional(), traces, Duration.ofNanos(commit), felt);
        workload.flatMap(w -> TraceFindings.of(trace, w)).ifPresent(findings::add);
        run.failure().map(TraceFindings::of).ifPresent(findings::add);
        return trace;
    }

    /** With a workload the poller watched the whole migration: the migrating session's sightings while this statement ran. */
    private List<LockPoller.Sighting> sightingsDuring(MigrationRun run, StatementRun statement) {
        return run.sightings().stream().filter(s -> s.pid() == migratingPid && s.nanos() >= statement.started()
                && s.nanos() <= statement.ended()).toList();
    }
}
