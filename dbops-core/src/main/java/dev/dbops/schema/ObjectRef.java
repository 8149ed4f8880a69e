package dev.dbops.schema;

import java.util.Comparator;
import java.util.Objects;

/**
 * A reference to a top-level object by kind and qualified name; functions carry their argument
 * types in {@code name}, e.g. {@code add(integer, integer)}.
 */
public record ObjectRef(ObjectKind kind, String schema, String name) implements Comparable<ObjectRef> {

    private static final Comparator<ObjectRef> ORDER = Comparator.comparing(ObjectRef::kind)
            .thenComparing(ObjectRef::schema)
            .thenComparing(ObjectRef::name);

    /** Creates a reference; all parts are required. */
    public ObjectRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public int compareTo(ObjectRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return kind.label() + " " + (schema.isEmpty() ? name : schema + "." + name);
    }
}
