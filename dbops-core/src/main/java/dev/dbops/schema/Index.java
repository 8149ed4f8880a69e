package dev.dbops.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * An index that does not back a constraint (those are part of their {@link Constraint}), and is
 * not the automatically attached copy of a partitioned table's index on one partition.
 *
 * @param definition as {@code pg_get_indexdef} renders it, schema-qualified
 * @param valid {@code false} when a {@code CREATE INDEX CONCURRENTLY} failed and left it invalid
 */
public record Index(String name, String definition, boolean valid, Optional<String> comment) {

    /** Creates an index entry. */
    public Index {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(definition, "definition");
        Models.required(comment, "comment");
    }
}
