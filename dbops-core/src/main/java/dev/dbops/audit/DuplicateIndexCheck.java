package dev.dbops.audit;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AuditCheck#DUPLICATE_INDEX}: indexes of one table with the same method, columns, operator
 * classes, collations, sort order (or its exact reverse), expressions and predicate. One is kept —
 * the one backing a constraint, else a unique one, else the oldest — and each other is a finding.
 */
final class DuplicateIndexCheck implements Check {

    private static final Comparator<IndexDefinition> KEEP_FIRST = Comparator
            .comparing((IndexDefinition index) -> !index.backsConstraint())
            .thenComparing(index -> !index.unique())
            .thenComparingLong(IndexDefinition::oid);

    @Override
    public AuditCheck id() {
        return AuditCheck.DUPLICATE_INDEX;
    }

    @Override
    public List<AuditFinding> run(AuditSession session) throws SQLException {
        Map<List<Object>, List<IndexDefinition>> groups = new LinkedHashMap<>();
        for (IndexDefinition index : IndexDefinition.read(session)) {
            List<Object> key = List.of(index.schema(), index.table(), index.method(), index.keyCount(), index.columns(),
                    index.opclasses(), index.collations(), index.orderInsensitiveOptions(),
                    index.expressions().orElse(""), index.predicate().orElse(""));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(index);
        }
        List<AuditFinding> findings = new ArrayList<>();
        for (List<IndexDefinition> group : groups.values()) {
            if (group.size() < 2) {
                continue;
            }
            group.sort(KEEP_FIRST);
            IndexDefinition kept = group.get(0);
            for (IndexDefinition duplicate : group.subList(1, group.size())) {
                findings.add(finding(duplicate, kept));
            }
        }
        return findings;
    }

    private AuditFinding finding(IndexDefinition duplicate, IndexDefinition kept) {
        Evidence evidence = new Evidence()
                .text("duplicateOf", kept.display())
                .count("indexBytes", duplicate.bytes())
                .count("scans", duplicate.scans().orElse(null))
                .text("definition", duplicate.description())
                .text("keptDefinition", kept.description());
        String message = "index " + duplicate.display() + " duplicates " + kept.display() + " ("
                + duplicate.bytes() + " bytes): every write to " + Sql.display(duplicate.schema(), duplicate.table())
                + " maintains both, and the planner uses one";
        return new AuditFinding(id(), AuditSeverity.WARNING, duplicate.display(), message, evidence.map(),
                Optional.of(duplicate.dropSql()));
    }
}
