package dev.dbops.lint;

import dev.dbops.sql.QualifiedName;
import java.util.Objects;
import java.util.Optional;

/**
 * Work over every row of a relation that the rules say a statement does: a validating scan, an index
 * build, a table-wide write or a rewrite.
 *
 * @param relation the relation as the statement names it
 * @param role what kind of relation it is
 * @param impact what happens to its rows
 * @param detail why, in words, e.g. "to validate constraint positive"; empty when the statement says it all
 * @param condition when the rules can only give an upper bound, what would spare the work, e.g. "unless
 *     the change is binary-compatible"; empty when the statement certainly does it
 */
public record DeclaredWork(QualifiedName relation, RelationRole role, TableImpact impact, String detail,
        Optional<String> condition) {

    /** Validates the parts. */
    public DeclaredWork {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(impact, "impact");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(condition, "condition");
    }

    /** Whether the work reads every row of the relation: anything but {@link TableImpact#NONE}. */
    public boolean readsAllRows() {
        return impact != TableImpact.NONE;
    }
}
