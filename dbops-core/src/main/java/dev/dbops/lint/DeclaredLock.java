package dev.dbops.lint;

import dev.dbops.LockMode;
import dev.dbops.sql.QualifiedName;
import java.util.Objects;

/**
 * A table-level lock that the rules' lock catalogue says a statement takes.
 *
 * @param relation the relation as the statement names it (for {@link RelationRole#TABLE_OF_INDEX} and
 *     {@link RelationRole#INDEX}: the index, unless the linted migrations created it, then its table)
 * @param role what the lock is on
 * @param mode the lock mode
 */
public record DeclaredLock(QualifiedName relation, RelationRole role, LockMode mode) {

    /** Validates the parts. */
    public DeclaredLock {
        Objects.requireNonNull(relation, "relation");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(mode, "mode");
    }
}
