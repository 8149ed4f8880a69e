package dev.dbops.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AuditCheck#REDUNDANT_INDEX}: a btree index, neither unique nor backing a constraint, whose
 * key columns (with operator classes, collations and order) are the leading key columns of a longer
 * valid btree index with the same predicate, which also holds its INCLUDE columns. The longer index
 * answers every lookup and ordering the shorter one does. Expression indexes are not compared.
 */
final class RedundantIndexCheck implements Check {

    @Override
    public AuditCheck id() {
        return AuditCheck.REDUNDANT_INDEX;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        Map<List<String>, List<IndexDefinition>> byTable = new LinkedHashMap<>();
        for (IndexDefinition index : IndexDefinition.read(session)) {
            byTable.computeIfAbsent(List.of(index.schema(), index.table()), table -> new ArrayList<>()).add(index);
        }
        List<AuditFinding> findings = new ArrayList<>();
        for (IndexDefinition candidate : byTable.values().stream().flatMap(List::stream).toList()) {
            if (candidate.unique() || candidate.backsConstraint() || !comparable(candidate)) {
                continue;
            }
            byTable.get(List.of(candidate.schema(), candidate.table())).stream()
                    .filter(other -> other.oid() != candidate.oid() && covers(other, candidate))
                    .min((a, b) -> Integer.compare(a.columns().size(), b.columns().size()))
                    .ifPresent(cover -> findings.add(finding(candidate, cover)));
        }
        return findings;
    }

    private static boolean comparable(IndexDefinition index) {
        return index.method().equals("btree") && index.expressions().isEmpty();
    }

    /** Whether {@code longer} makes {@code shorter} redundant; identical column lists are duplicates, not this. */
    static boolean covers(IndexDefinition longer, IndexDefinition shorter) {
        if (!longer.sameTable(shorter) || !comparable(longer) || !longer.predicate().equals(shorter.predicate())
                || longer.columns().size() <= shorter.columns().size()
                || !longer.keysStartWith(shorter, shorter.keyCount())) {
            return false;
        }
        List<Integer> included = shorter.columns().subList(shorter.keyCount(), shorter.columns().size());
        return new HashSet<>(longer.columns()).containsAll(included);
    }

    private AuditFinding finding(IndexDefinition redundant, IndexDefinition cover) {
        Evidence evidence = new Evidence()
                .text("coveredBy", cover.display())
                .count("indexBytes", redundant.bytes())
                .count("scans", redundant.scans().orElse(null))
                .text("definition", redundant.description())
                .text("coveredByDefinition", cover.description());
        String message = "index " + redundant.display() + " (" + redundant.bytes() + " bytes) is covered by "
                + cover.display() + ", which starts with the same key columns: every write maintains both";
        return new AuditFinding(id(), AuditSeverity.WARNING, redundant.display(), message, evidence.map(),
                Optional.of(redundant.dropSql()));
    }
}
