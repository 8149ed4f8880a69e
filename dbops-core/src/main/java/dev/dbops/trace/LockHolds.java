package dev.dbops.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How long a migration holds each lock its session took, from the session's probes: a lock taken by
 * statement {@code i} is held through every later statement after which the session still holds it, and
 * through the statement (a script's own {@code COMMIT}) or the migration's commit that released it. The
 * time of dbops's probes between statements is not counted, so the figure is what the migration itself
 * would hold on a server where nobody traces it.
 */
final class LockHolds {

    private final List<Map<LockRow, Long>> nanosByStatement;

    private LockHolds(List<Map<LockRow, Long>> nanosByStatement) {
        this.nanosByStatement = nanosByStatement;
    }

    /** The holds of every lock the session held after each of {@code runs}. */
    static LockHolds of(List<StatementRun> runs) {
        List<Map<LockRow, Long>> byStatement = new ArrayList<>();
        Map<LockRow, Long> current = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            StatementRun run = runs.get(i);
            Map<LockRow, Long> holds = new HashMap<>();
            if (run.execution() != Execution.OUTSIDE_TRANSACTION) {
                Set<LockRow> before = run.before().locks();
                for (LockRow lock : run.after().locks()) {
                    Long carried = before.contains(lock) ? current.get(lock) : null;
                    holds.put(lock, carried != null ? carried : holdFrom(runs, i, lock));
                }
            }
            current = holds;
            byStatement.add(Map.copyOf(holds));
        }
        return new LockHolds(byStatement);
    }

    /** The hold of {@code lock} held after statement {@code index}, in nanoseconds; 0 when unknown. */
    long nanos(int index, LockRow lock) {
        return nanosByStatement.get(index).getOrDefault(lock, 0L);
    }

    private static long holdFrom(List<StatementRun> runs, int acquired, LockRow lock) {
        long nanos = runs.get(acquired).tookNanos();
        int j = acquired;
        while (true) {
            StatementRun held = runs.get(j);
            if (held.commitNanos() > 0) {
                return nanos + held.commitNanos();
            }
            if (j + 1 == runs.size() || runs.get(j + 1).execution() == Execution.OUTSIDE_TRANSACTION) {
                return nanos;
            }
            StatementRun next = runs.get(j + 1);
            nanos += next.tookNanos();
            if (!next.after().locks().contains(lock)) {
                return nanos;
            }
            j++;
        }
    }
}
