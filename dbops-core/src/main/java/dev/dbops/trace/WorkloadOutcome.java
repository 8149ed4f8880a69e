package dev.dbops.trace;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What the simulated application workload experienced while one migration ran.
 *
 * @param tables the tables it ran on: the existing tables the migration's statements lock
 * @param queries how many queries it issued
 * @param waitedQueries how many of them were seen waiting for a lock
 * @param failedQueries how many failed (for example by the workload's statement timeout)
 * @param longestWait the longest time any of its queries took from being issued to its result
 * @param waits the queries that waited for a lock, longest first (at most {@value #MAX_WAITS_LISTED})
 */
public record WorkloadOutcome(List<String> tables, int queries, int waitedQueries, int failedQueries,
        Duration longestWait, List<QueryWait> waits) {

    /** How many waits a report lists; the counts cover all. */
    public static final int MAX_WAITS_LISTED = 20;

    /** Validates the parts and copies the lists. */
    public WorkloadOutcome {
        tables = List.copyOf(tables);
        Objects.requireNonNull(longestWait, "longestWait");
        waits = List.copyOf(waits);
    }
}
