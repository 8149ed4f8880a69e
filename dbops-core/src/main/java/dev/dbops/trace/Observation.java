package dev.dbops.trace;

import dev.dbops.LockMode;
import dev.dbops.trace.ObservedLock.Observer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the database did during one statement, derived from its {@link StatementRun}: the locks (with
 * their holds), the relations whose storage changed, the tables scanned, and per relation oid the facts
 * that {@link Comparison} checks.
 *
 * @param locks the locks, for the report
 * @param rewrites the storage changes
 * @param scans the scanned tables
 * @param strongestTaken per relation oid, the strongest mode the statement took (granted, or waited for: the
 *     statement completed, so it got it)
 * @param heldBefore per relation oid, the modes held since earlier statements of the transaction
 * @param rewritten the oids of tables rewritten (not emptied)
 * @param scanned per table oid, the sequential scans it started
 * @param locksKnown whether the locks were observed at all (false: a statement outside a transaction that
 *     ended before the poller's first look)
 * @param scansKnown whether the scan counters of the two probes can be compared
 */
record Observation(List<ObservedLock> locks, List<RelationRewrite> rewrites, List<TableScan> scans,
        Map<Long, LockMode> strongestTaken, Map<Long, Set<LockMode>> heldBefore, Set<Long> rewritten,
        Map<Long, Long> scanned, boolean locksKnown, boolean scansKnown) {

    static Observation of(StatementRun run, int index, LockHolds holds, List<LockPoller.Sighting> sightings) {
        Map<Long, RelationState> names = new HashMap<>(run.before().relations());
        names.putAll(run.after().relations());
        List<ObservedLock> locks = new ArrayList<>();
        Map<Long, LockMode> taken = new HashMap<>();
        Map<Long, Set<LockMode>> heldBefore = new HashMap<>();
        boolean outside = run.execution() == Execution.OUTSIDE_TRANSACTION;
        Map<LockRow, Long> waited = waitSpans(sightings);
        if (!outside) {
            for (LockRow lock : run.after().locks()) {
                Optional<String> target = target(lock, names);
                if (target.isEmpty()) {
                    continue;
                }
                boolean acquired = !run.before().locks().contains(lock);
                if (acquired && lock.isRelation()) {
                    taken.merge(lock.relation(), lock.mode(), LockMode::max);
                } else if (lock.isRelation()) {
                    heldBefore.computeIfAbsent(lock.relation(), oid -> new HashSet<>()).add(lock.mode());
                }
                // A lock waited for is held only from when it was granted.
                long held = holds.nanos(index, lock) - (acquired ? waited.getOrDefault(lock, 0L) : 0L);
                locks.add(new ObservedLock(target.get(), kind(lock, names), lock.mode(), true, acquired,
                        Duration.ofNanos(Math.max(0, held)), Observer.SESSION));
            }
        }
        addSightings(sightings, outside, names, locks, taken);
        locks.sort(Comparator.comparing(ObservedLock::acquiredHere).reversed()
                .thenComparing(lock -> -lock.mode().ordinal()).thenComparing(ObservedLock::target));
        Map<Long, TableScan> scans = scans(run);
        return new Observation(List.copyOf(locks), rewrites(run),
                scans.values().stream().sorted(Comparator.comparing(TableScan::table)).toList(),
                Map.copyOf(taken), Map.copyOf(heldBefore), rewrittenOids(run),
                scans.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
                        e -> Math.max(1, e.getValue().scans()))),
                !outside || run.polls() > 0, run.before().insideTransaction() == run.after().insideTransaction());
    }

    /** How long the poller saw the session waiting for each lock, keyed as the lock once held. */
    private static Map<LockRow, Long> waitSpans(List<LockPoller.Sighting> sightings) {
        Map<LockRow, long[]> spans = new HashMap<>();
        for (LockPoller.Sighting sighting : sightings) {
            if (!sighting.lock().granted()) {
                spans.merge(sighting.lock().held(), new long[] {sighting.nanos(), sighting.nanos()},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
            }
        }
        Map<LockRow, Long> nanos = new HashMap<>();
        spans.forEach((lock, span) -> nanos.put(lock, span[1] - span[0]));
        return nanos;
    }

    /** Poller sightings: every lock of a statement outside a transaction, only the waits of the others. */
    private static void addSightings(List<LockPoller.Sighting> sightings, boolean outside, Map<Long, RelationState> names,
            List<ObservedLock> locks, Map<Long, LockMode> taken) {
        Map<LockRow, long[]> spans = new LinkedHashMap<>();
        for (LockPoller.Sighting sighting : sightings) {
            LockRow lock = sighting.lock();
            if (lock.granted() && !outside) {
                continue;
            }
            spans.merge(lock, new long[] {sighting.nanos(), sighting.nanos()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        for (Map.Entry<LockRow, long[]> entry : spans.entrySet()) {
            LockRow lock = entry.getKey();
            Optional<String> target = target(lock, names);
            if (target.isEmpty()) {
                continue;
            }
            // The statement completed, so it was granted every lock it was seen waiting for.
            if (lock.isRelation() && (lock.granted() || lock.locktype().equals("relation"))) {
                taken.merge(lock.relation(), lock.mode(), LockMode::max);
            }
            Duration span = Duration.ofNanos(entry.getValue()[1] - entry.getValue()[0]);
            locks.add(new ObservedLock(target.get(), kind(lock, names), lock.mode(), lock.granted(), true, span,
                    Observer.POLLER));
        }
    }

    /** What a lock is on, in words; empty for a relation that is not the scratch database's own (a system catalog). */
    static Optional<String> target(LockRow lock, Map<Long, RelationState> names) {
        if (!lock.isRelation()) {
            return Optional.of(lock.object());
        }
        RelationState relation = names.get(lock.relation());
        if (relation == null) {
            return Optional.empty();
        }
        return Optional.of(lock.locktype().equals("relation") ? relation.qualified()
                : lock.locktype() + " of " + relation.qualified());
    }

    private static LockedObject kind(LockRow lock, Map<Long, RelationState> names) {
        if (!lock.isRelation()) {
            return lock.locktype().equals("object") ? LockedObject.OBJECT : LockedObject.OTHER;
        }
        return lock.locktype().equals("relation") ? names.get(lock.relation()).kind() : LockedObject.OTHER;
    }

    private static List<RelationRewrite> rewrites(StatementRun run) {
        List<RelationRewrite> rewrites = new ArrayList<>();
        Map<Long, RelationState> after = run.after().relations();
        for (RelationState old : run.before().relations().values()) {
            RelationState now = after.get(old.oid());
            if (now != null && old.filenode() != 0 && now.filenode() != 0 && old.filenode() != now.filenode()) {
                boolean emptied = run.planned().isTruncate() && old.kind().holdsRows();
                rewrites.add(new RelationRewrite(now.qualified(), now.kind(), emptied ? RelationRewrite.Change.EMPTIED
                        : RelationRewrite.Change.REWRITTEN, old.filenode(), now.filenode()));
            } else if (now == null && old.kind() == LockedObject.INDEX) {
                after.values().stream().filter(other -> other.kind() == LockedObject.INDEX
                        && other.schema().equals(old.schema()) && other.name().equals(old.name())
                        && !run.before().relations().containsKey(other.oid())).findFirst()
                        .ifPresent(replacement -> rewrites.add(new RelationRewrite(replacement.qualified(),
                                LockedObject.INDEX, RelationRewrite.Change.REPLACED, old.filenode(),
                                replacement.filenode())));
            }
        }
        rewrites.sort(Comparator.comparing(RelationRewrite::relation));
        return List.copyOf(rewrites);
    }

    private static Set<Long> rewrittenOids(StatementRun run) {
        Set<Long> oids = new HashSet<>();
        Map<Long, RelationState> after = run.after().relations();
        for (RelationState old : run.before().relations().values()) {
            RelationState now = after.get(old.oid());
            if (now != null && old.kind().holdsRows() && old.filenode() != 0 && now.filenode() != 0
                    && old.filenode() != now.filenode() && !run.planned().isTruncate()) {
                oids.add(old.oid());
            }
        }
        return Set.copyOf(oids);
    }

    /** The tables the statement scanned, by oid; empty when the probes cannot be compared. */
    private static Map<Long, TableScan> scans(StatementRun run) {
        Map<Long, TableScan> scans = new TreeMap<>();
        if (run.before().insideTransaction() != run.after().insideTransaction()) {
            return scans;
        }
        Map<Long, Long> fetched = new HashMap<>();
        for (RelationState now : run.after().relations().values()) {
            RelationState old = run.before().relations().get(now.oid());
            if (old != null && now.rowsFetched() > old.rowsFetched()) {
                fetched.merge(now.kind() == LockedObject.INDEX ? now.tableOid() : now.oid(),
                        now.rowsFetched() - old.rowsFetched(), Long::sum);
            }
        }
        for (RelationState now : run.after().relations().values()) {
            RelationState old = run.before().relations().get(now.oid());
            if (old == null || !now.kind().holdsRows()) {
                continue;
            }
            long byIndex = fetched.getOrDefault(now.oid(), 0L);
            boolean readByIndex = old.reltuples() > 0 && byIndex >= old.reltuples();
            // A scan that returned nothing from a table with rows read new, empty storage: TRUNCATE rebuilds the
            // indexes of the emptied table, which starts a scan of it.
            boolean sequential = now.seqScans() > old.seqScans()
                    && (old.reltuples() <= 0 || now.rowsRead() > old.rowsRead());
            if (sequential || readByIndex) {
                scans.put(now.oid(), new TableScan(now.qualified(), sequential ? now.seqScans() - old.seqScans() : 0,
                        sequential ? Math.max(0, now.rowsRead() - old.rowsRead()) : 0, byIndex));
            }
        }
        return scans;
    }
}
