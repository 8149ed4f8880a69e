package dev.dbops.trace;

import dev.dbops.LockMode;
import dev.dbops.lint.DeclaredLock;
import dev.dbops.lint.DeclaredWork;
import dev.dbops.lint.RelationRole;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.QualifiedName;
import dev.dbops.trace.Disagreement.Fact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares what the linter declared for a statement with what the database did, relation by relation,
 * for the relations that existed before the statement:
 * <ul>
 *   <li>lock: the strongest mode the statement took on each relation the linter names, and on every table,
 *       view or materialized view it locked; a weak lock the linter does not list (ACCESS SHARE or ROW
 *       SHARE, which conflict only with EXCLUSIVE and ACCESS EXCLUSIVE) is not a disagreement;</li>
 *   <li>rewrite: whether each table was rewritten into new storage ({@code TRUNCATE}'s new empty storage
 *       is not a rewrite);</li>
 *   <li>full read: whether each table was read in full — by a sequential scan, by fetching all its rows
 *       through an index, or by a rewrite; the linter declares one for every scan, index build, table-wide
 *       write and rewrite. A full read the linter does not declare counts only where the statement took SHARE
 *       UPDATE EXCLUSIVE or stronger on the table, since a query under a weaker lock (an
 *       {@code UPDATE … WHERE}, a {@code SELECT}) scans at the planner's choice.</li>
 * </ul>
 */
final class Comparison {

    private Comparison() {
    }

    /** The outcome: the disagreements, and why some facts were not compared. */
    record Result(List<Disagreement> disagreements, Optional<String> notCompared) {
    }

    static Result compare(Prediction prediction, StatementRun run, Observation observed) {
        if (!prediction.inspected()) {
            return new Result(List.of(), Optional.of("the linter could not read this statement, so it declared nothing"));
        }
        SessionProbe.Snapshot before = run.before();
        Set<String> unknown = new TreeSet<>();
        Map<Long, LockMode> declaredLocks = new HashMap<>();
        for (DeclaredLock lock : prediction.locks()) {
            for (RelationState relation : resolve(lock.relation(), lock.role(), before, unknown)) {
                declaredLocks.merge(relation.oid(), lock.mode(), LockMode::max);
            }
        }
        Map<Long, Optional<String>> declaredScans = new HashMap<>();
        Map<Long, Optional<String>> declaredRewrites = new HashMap<>();
        for (DeclaredWork work : prediction.work()) {
            for (RelationState relation : resolve(work.relation(), work.role(), before, unknown)) {
                long table = relation.kind() == LockedObject.INDEX ? relation.tableOid() : relation.oid();
                if (work.readsAllRows()) {
                    declaredScans.merge(table, work.condition(), Comparison::unconditionalWins);
                }
                if (work.impact() == TableImpact.REWRITE && relation.kind() != LockedObject.INDEX) {
                    declaredRewrites.merge(table, work.condition(), Comparison::unconditionalWins);
                }
            }
        }
        List<Disagreement> disagreements = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (observed.locksKnown()) {
            compareLocks(before, declaredLocks, observed, disagreements);
        } else {
            notes.add("locks not compared: the statement ended before the poller's first look");
        }
        if (observed.scansKnown()) {
            compareScans(run, declaredScans, declaredLocks, observed, disagreements);
        } else {
            notes.add("scans not compared: the statement began or ended a transaction");
        }
        compareRewrites(run, declaredRewrites, observed, disagreements);
        if (!unknown.isEmpty()) {
            notes.add("not found before the statement: " + String.join(", ", unknown));
        }
        return new Result(List.copyOf(disagreements), notes.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", notes)));
    }

    private static void compareLocks(SessionProbe.Snapshot before, Map<Long, LockMode> declared, Observation observed,
            List<Disagreement> disagreements) {
        Set<Long> oids = new LinkedHashSet<>(declared.keySet());
        for (Long oid : observed.strongestTaken().keySet()) {
            RelationState relation = before.relations().get(oid);
            if (relation != null && (relation.kind().holdsRows() || relation.kind() == LockedObject.VIEW)) {
                oids.add(oid);
            }
        }
        for (Long oid : oids) {
            RelationState relation = before.relations().get(oid);
            LockMode expected = declared.getOrDefault(oid, LockMode.NONE);
            LockMode seen = observed.strongestTaken().getOrDefault(oid, LockMode.NONE);
            if (observed.heldBefore().getOrDefault(oid, Set.of()).contains(expected)) {
                seen = seen.max(expected);
            }
            if (seen == expected || expected == LockMode.NONE && !seen.isStrongerThan(LockMode.ROW_SHARE)) {
                continue;
            }
            disagreements.add(new Disagreement(relation.qualified(), Fact.LOCK,
                    expected == LockMode.NONE ? "no lock" : expected.sqlName(),
                    seen == LockMode.NONE ? "took no lock" : "took " + seen.sqlName(), Optional.empty()));
        }
    }

    private static void compareScans(StatementRun run, Map<Long, Optional<String>> declared,
            Map<Long, LockMode> declaredLocks, Observation observed, List<Disagreement> disagreements) {
        Set<Long> oids = new LinkedHashSet<>(declared.keySet());
        oids.addAll(observed.scanned().keySet());
        for (Long oid : oids) {
            RelationState relation = run.before().relations().get(oid);
            if (relation == null || !relation.kind().holdsRows()) {
                continue;
            }
            boolean expected = declared.containsKey(oid);
            // A rewrite reads the whole table too, row by row or (SET TABLESPACE) block by block.
            long scans = observed.scanned().getOrDefault(oid, 0L) + (observed.rewritten().contains(oid) ? 1 : 0);
            if (expected == scans > 0) {
                continue;
            }
            LockMode lock = observed.strongestTaken().getOrDefault(oid, LockMode.NONE)
                    .max(declaredLocks.getOrDefault(oid, LockMode.NONE));
            if (!expected && lock.compareTo(LockMode.SHARE_UPDATE_EXCLUSIVE) < 0) {
                continue;
            }
            disagreements.add(new Disagreement(relation.qualified(), Fact.SCAN, expected ? "a full read" : "no full read",
                    scans > 0 ? "read it in full" : "did not read it in full",
                    expected ? declared.get(oid) : Optional.empty()));
        }
    }

    private static void compareRewrites(StatementRun run, Map<Long, Optional<String>> declared, Observation observed,
            List<Disagreement> disagreements) {
        Set<Long> oids = new LinkedHashSet<>(declared.keySet());
        oids.addAll(observed.rewritten());
        for (Long oid : oids) {
            RelationState relation = run.before().relations().get(oid);
            if (relation == null || !relation.kind().holdsRows() || !run.after().relations().containsKey(oid)) {
                continue;
            }
            boolean expected = declared.containsKey(oid);
            boolean seen = observed.rewritten().contains(oid);
            if (expected != seen) {
                disagreements.add(new Disagreement(relation.qualified(), Fact.REWRITE,
                        expected ? "a rewrite" : "no rewrite", seen ? "rewrote it" : "did not rewrite it",
                        expected ? declared.get(oid) : Optional.empty()));
            }
        }
    }

    /** The relations a declared name stands for in {@code snapshot}; unresolvable names go to {@code unknown}. */
    static List<RelationState> resolve(QualifiedName name, RelationRole role, SessionProbe.Snapshot snapshot,
            Set<String> unknown) {
        Optional<RelationState> named = snapshot.resolve(name);
        if (named.isEmpty()) {
            unknown.add(name.display());
            return List.of();
        }
        RelationState relation = named.get();
        return switch (role) {
            case TABLE_OF_INDEX -> relation.kind() == LockedObject.INDEX
                    ? Optional.ofNullable(snapshot.relations().get(relation.tableOid())).map(List::of).orElse(List.of())
                    : List.of(relation);
            case INDEXES_OF_TABLE -> snapshot.relations().values().stream()
                    .filter(index -> index.kind() == LockedObject.INDEX && index.tableOid() == relation.oid()).toList();
            default -> List.of(relation);
        };
    }

    private static Optional<String> unconditionalWins(Optional<String> a, Optional<String> b) {
        return a.isEmpty() || b.isEmpty() ? Optional.empty() : a;
    }
}
