package dev.dbops.trace;

import dev.dbops.trace.WorkloadDriver.QueryRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins the workload's queries with what the poller saw of its sessions: a query waited for a lock when
 * its session was seen waiting while the query ran; the wait is its time from being issued to its result,
 * and it is attributed to the statement that was running (or whose locks were held) when it began.
 */
final class WorkloadAnalysis {

    private WorkloadAnalysis() {
    }

    static WorkloadOutcome of(MigrationRun run, int migratingPid, Duration threshold) {
        Map<Long, RelationState> names = new HashMap<>();
        for (StatementRun statement : run.statements()) {
            names.putAll(statement.before().relations());
        }
        List<QueryWait> waits = new ArrayList<>();
        long longest = 0;
        int waited = 0;
        int failed = 0;
        for (QueryRecord query : run.queries()) {
            long latency = query.ended() - query.issued();
            longest = Math.max(longest, latency);
            failed += query.failed() ? 1 : 0;
            Optional<String> lock = Optional.empty();
            Set<Integer> blockers = new LinkedHashSet<>();
            long firstWait = -1;
            for (LockPoller.Sighting sighting : run.sightings()) {
                if (sighting.pid() == query.pid() && !sighting.lock().granted() && sighting.nanos() >= query.started()
                        && sighting.nanos() <= query.ended()) {
                    if (lock.isEmpty()) {
                        lock = Optional.of(describe(sighting.lock(), names));
                        firstWait = sighting.nanos();
                    }
                    blockers.addAll(sighting.blockedBy());
                }
            }
            waited += lock.isPresent() ? 1 : 0;
            if (lock.isPresent() || latency >= threshold.toNanos()) {
                waits.add(new QueryWait(query.kind(), query.table(), lock, List.copyOf(blockers),
                        blockers.contains(migratingPid), Duration.ofNanos(latency),
                        Duration.ofNanos(query.started() - query.issued()),
                        during(run, firstWait >= 0 ? firstWait : query.issued())));
            }
        }
        waits.sort(Comparator.comparing(QueryWait::waited).reversed());
        return new WorkloadOutcome(run.workloadTables(), run.queries().size(), waited, failed,
                Duration.ofNanos(longest), waits.subList(0, Math.min(waits.size(), WorkloadOutcome.MAX_WAITS_LISTED)));
    }

    private static String describe(LockRow lock, Map<Long, RelationState> names) {
        Optional<String> target = Observation.target(lock, names);
        if (lock.isRelation() && lock.locktype().equals("relation")) {
            return lock.mode().sqlName() + " on " + target.orElse("relation " + lock.relation());
        }
        return target.orElse(lock.locktype());
    }

    /** The statement whose locks were held at {@code nanos}: the one running, else the last one that ran. */
    private static String during(MigrationRun run, long nanos) {
        String position = "before the first statement";
        for (StatementRun statement : run.statements()) {
            if (statement.started() > nanos) {
                break;
            }
            position = run.planned().migration().location() + ":" + statement.planned().line();
            if (nanos > statement.ended() && statement == run.statements().get(run.statements().size() - 1)
                    && run.planned().transactional()) {
                position = "commit";
            }
        }
        return position;
    }
}
