package dev.dbops.trace;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One traced migration: its statements and, when a workload ran, what the application felt.
 *
 * @param id the migration's id ({@code V7}, {@code file::id::author}, a plain file's location)
 * @param file its file
 * @param transactional whether the tool runs it in one transaction
 * @param statements the statements that completed, in order (a failed one is in {@link TraceReport#failure()})
 * @param commitTook how long the migration's {@code COMMIT} took; zero when it has none
 * @param workload what the simulated application workload experienced, when one ran
 */
public record MigrationTrace(String id, String file, boolean transactional, List<LockTrace> statements,
        Duration commitTook, Optional<WorkloadOutcome> workload) {

    /** Validates the parts and copies the list. */
    public MigrationTrace {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        statements = List.copyOf(statements);
        Objects.requireNonNull(commitTook, "commitTook");
        Objects.requireNonNull(workload, "workload");
    }
}
