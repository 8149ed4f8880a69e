package dev.dbops.trace;

import java.util.List;
import java.util.Optional;

/**
 * The raw observations of one traced migration.
 *
 * @param planned the migration
 * @param statements the statements that completed, in order
 * @param failure the statement that failed, when one did
 * @param workloadTables the tables the workload ran on (empty without a workload)
 * @param queries the workload's queries (empty without a workload)
 * @param sightings what the poller saw over the whole migration when a workload ran (empty otherwise)
 * @param ended when the migration ended, its commit included ({@link System#nanoTime()})
 */
record MigrationRun(PlannedMigration planned, List<StatementRun> statements, Optional<MigrationFailure> failure,
        List<String> workloadTables, List<WorkloadDriver.QueryRecord> queries, List<LockPoller.Sighting> sightings,
        long ended) {
}
