package dev.dbops.trace;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one statement of a traced migration did on the database, next to what the linter predicted.
 *
 * @param file the migration's file, as in {@code Migration.location()}
 * @param line the 1-based line of the file where the statement starts
 * @param statement the statement's text
 * @param execution how it ran with respect to transactions
 * @param took how long the statement ran (dbops's probes before and after excluded)
 * @param locks the locks the migrating session held after it (or, outside a transaction, was seen holding
 *     or waiting for while it ran), on relations and objects of the scratch database; system catalogs left out
 * @param rewrites the relations whose storage it replaced
 * @param scans the tables it read with sequential scans
 * @param predicted what the linter said about it
 * @param disagreements where the linter's declaration and the database disagree
 * @param notCompared why the comparison was skipped or incomplete, when it was
 */
public record LockTrace(String file, int line, String statement, Execution execution, Duration took,
        List<ObservedLock> locks, List<RelationRewrite> rewrites, List<TableScan> scans, Prediction predicted,
        List<Disagreement> disagreements, Optional<String> notCompared) {

    /** Validates the parts and copies the lists. */
    public LockTrace {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(execution, "execution");
        Objects.requireNonNull(took, "took");
        locks = List.copyOf(locks);
        rewrites = List.copyOf(rewrites);
        scans = List.copyOf(scans);
        Objects.requireNonNull(predicted, "predicted");
        disagreements = List.copyOf(disagreements);
        Objects.requireNonNull(notCompared, "notCompared");
    }

    /** {@code file:line}. */
    public String position() {
        return file + ":" + line;
    }

    /** The locks this statement took (not those held since earlier statements), waits included. */
    public List<ObservedLock> acquiredLocks() {
        return locks.stream().filter(ObservedLock::acquiredHere).toList();
    }
}
