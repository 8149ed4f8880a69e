package dev.dbops.trace;

import dev.dbops.lint.Severity;
import dev.dbops.trace.TraceFinding.Kind;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Derives the {@link TraceFinding}s from what was traced: the policy of which observation is a finding. */
final class TraceFindings {

    private TraceFindings() {
    }

    /**
     * The findings of one statement: its disagreements; a table with rows rewritten or scanned while the
     * migration held a lock on it that blocks writes; a lock blocking writes on an existing table held for
     * at least {@code longLock}.
     */
    static List<TraceFinding> of(LockTrace trace, StatementRun run, Observation observed, Duration longLock) {
        List<TraceFinding> findings = new ArrayList<>();
        for (Disagreement disagreement : trace.disagreements()) {
            findings.add(new TraceFinding(Kind.DISAGREEMENT, disagreement.conditional() ? Severity.INFO : Severity.ERROR,
                    trace.position(), disagreement.describe()));
        }
        Set<String> reported = new HashSet<>();
        for (RelationState table : run.before().relations().values()) {
            boolean rewritten = observed.rewritten().contains(table.oid());
            long scans = observed.scanned().getOrDefault(table.oid(), 0L);
            if (table.reltuples() <= 0 || !rewritten && scans == 0) {
                continue;
            }
            strongestBlocking(trace, table.qualified()).ifPresent(lock -> {
                reported.add(table.qualified());
                findings.add(new TraceFinding(Kind.WORK_UNDER_LOCK, Severity.ERROR, trace.position(),
                        (rewritten ? "rewrote " : "scanned ") + table.qualified() + " (about " + count(table.reltuples())
                                + " rows) while holding " + lock.mode().sqlName() + " on it ("
                                + lock.mode().blockedDescription() + ") for " + TraceText.duration(lock.heldFor())
                                + (trace.execution() == Execution.IN_MIGRATION_TRANSACTION ? ", until the migration"
                                        + " committed" : "")));
            });
        }
        for (ObservedLock lock : trace.acquiredLocks()) {
            if (lock.granted() && lock.kind().holdsRows() && lock.mode().blocksWrites()
                    && lock.heldFor().compareTo(longLock) >= 0 && !reported.contains(lock.target())
                    && existedBefore(run, lock.target())) {
                reported.add(lock.target());
                findings.add(new TraceFinding(Kind.LONG_LOCK, Severity.WARNING, trace.position(), "held "
                        + lock.mode().sqlName() + " on " + lock.target() + " (" + lock.mode().blockedDescription()
                        + ") for " + TraceText.duration(lock.heldFor()) + ", at least the threshold of "
                        + TraceText.duration(longLock)));
            }
        }
        return findings;
    }

    /** The finding of a workload whose longest query took at least its threshold. */
    static Optional<TraceFinding> of(MigrationTrace migration, Workload workload) {
        Optional<WorkloadOutcome> outcome = migration.workload();
        if (outcome.isEmpty() || outcome.get().longestWait().compareTo(workload.waitThreshold()) < 0) {
            return Optional.empty();
        }
        WorkloadOutcome felt = outcome.get();
        QueryWait worst = felt.waits().get(0);
        String position = worst.during().equals("commit") || worst.during().startsWith("before")
                ? migration.file() : worst.during();
        return Optional.of(new TraceFinding(Kind.APPLICATION_WAIT, Severity.ERROR, position, felt.waitedQueries()
                + " of " + felt.queries() + " application queries waited for a lock; the longest, a "
                + worst.kind().name().toLowerCase(Locale.ROOT) + " of " + worst.table() + ", took "
                + TraceText.duration(worst.waited()) + worst.waitedFor().map(lock -> " waiting for " + lock).orElse("")
                + (worst.blockedByMigration() ? ", behind the migration" : "") + " (threshold "
                + TraceText.duration(workload.waitThreshold()) + ")"));
    }

    /** The finding of a failed statement. */
    static TraceFinding of(MigrationFailure failure) {
        return new TraceFinding(Kind.MIGRATION_FAILED, Severity.ERROR, failure.file() + ":" + failure.line(),
                (failure.baseline() ? "a migration before the traced ones failed: " : "failed: ") + failure.error()
                        + " (SQLState " + failure.sqlState() + ")");
    }

    private static Optional<ObservedLock> strongestBlocking(LockTrace trace, String table) {
        return trace.locks().stream().filter(lock -> lock.granted() && lock.target().equals(table)
                && lock.mode().blocksWrites()).max((a, b) -> a.mode().compareTo(b.mode()));
    }

    private static boolean existedBefore(StatementRun run, String target) {
        return run.before().relations().values().stream().anyMatch(relation -> relation.qualified().equals(target));
    }

    private static String count(double rows) {
        return NumberFormat.getIntegerInstance(Locale.ROOT).format(Math.round(rows));
    }
}
