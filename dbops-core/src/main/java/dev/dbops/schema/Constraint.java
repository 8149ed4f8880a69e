package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table constraint declared on this table (constraints PostgreSQL copies from a parent or
 * partitioned table are implied by that parent and not listed).
 *
 * @param definition as {@code pg_get_constraintdef} renders it, without {@code NOT VALID}; it
 *     includes deferrability, FK actions and MATCH, NULLS NOT DISTINCT and index parameters
 * @param validated {@code false} for a constraint added {@code NOT VALID} and not validated since
 * @param references for a foreign key, the table it references
 */
public record Constraint(
        String name,
        ConstraintType type,
        String definition,
        boolean validated,
        boolean deferrable,
        boolean initiallyDeferred,
        Optional<ObjectRef> references,
        Optional<String> comment) {

    /** Creates a constraint entry. */
    public Constraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(definition, "definition");
        Models.required(references, "references");
        Models.required(comment, "comment");
    }

    static List<Constraint> canonical(List<Constraint> constraints) {
        return Models.sorted(constraints, Constraint::name);
    }
}
