package dev.dbops.trace;

import dev.dbops.trace.PlannedMigration.PlannedStatement;
import java.util.List;

/**
 * The raw observations of one traced statement, before they are turned into a {@link LockTrace}.
 *
 * @param planned the statement
 * @param execution how it ran
 * @param started when it started ({@link System#nanoTime()})
 * @param ended when it returned
 * @param commitNanos how long the {@code COMMIT} right after it took, when one ended its transaction; else 0
 * @param before the probe right before it
 * @param after the probe right after it
 * @param sightings what the lock poller saw of the migrating session while it ran (empty when not watched)
 * @param polls how many polls ran while it ran; -1 when the poller did not watch it
 */
record StatementRun(PlannedStatement planned, Execution execution, long started, long ended, long commitNanos,
        SessionProbe.Snapshot before, SessionProbe.Snapshot after, List<LockPoller.Sighting> sightings, int polls) {

    long tookNanos() {
        return ended - started;
    }

    StatementRun withCommit(long nanos) {
        return new StatementRun(planned, execution, started, ended, nanos, before, after, sightings, polls);
    }

    StatementRun withSightings(List<LockPoller.Sighting> seen, int pollCount) {
        return new StatementRun(planned, execution, started, ended, commitNanos, before, after, seen, pollCount);
    }
}
