package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A free-standing composite type ({@code CREATE TYPE … AS (…)}). */
public record CompositeType(
        String schema,
        String name,
        List<Attribute> attributes,
        String owner,
        Optional<String> comment,
        List<ObjectRef> dependsOn) {

    /** Creates a composite type entry; attributes keep their declared order. */
    public CompositeType {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(owner, "owner");
        Models.required(comment, "comment");
        dependsOn = Models.sorted(dependsOn);
    }

    /** One attribute of a composite type. */
    public record Attribute(String name, String type, Optional<String> collation) {

        /** Creates an attribute. */
        public Attribute {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Models.required(collation, "collation");
        }
    }
}
