package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A range type.
 *
 * @param subtypeOpclass the operator class, when it is not the subtype's default
 * @param multirange the name of its multirange type (PostgreSQL 14+), when the server has them
 */
public record RangeType(
        String schema,
        String name,
        String subtype,
        Optional<String> subtypeOpclass,
        Optional<String> collation,
        Optional<String> canonical,
        Optional<String> subtypeDiff,
        Optional<String> multirange,
        String owner,
        Optional<String> comment,
        List<ObjectRef> dependsOn) {

    /** Creates a range type entry. */
    public RangeType {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subtype, "subtype");
        Models.required(subtypeOpclass, "subtypeOpclass");
        Models.required(collation, "collation");
        Models.required(canonical, "canonical");
        Models.required(subtypeDiff, "subtypeDiff");
        Models.required(multirange, "multirange");
        Objects.requireNonNull(owner, "owner");
        Models.required(comment, "comment");
        dependsOn = Models.sorted(dependsOn);
    }
}
