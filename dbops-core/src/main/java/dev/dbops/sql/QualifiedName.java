package dev.dbops.sql;

import java.util.Objects;
import java.util.Optional;

/**
 * A possibly schema-qualified object name as PostgreSQL resolves it: unquoted parts folded to lower
 * case, quoted parts kept as written.
 *
 * @param schema the schema part, when the name was qualified
 * @param name the object's own name
 */
public record QualifiedName(Optional<String> schema, String name) {

    /** Validates the parts. */
    public QualifiedName {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
    }

    /** An unqualified name. */
    public static QualifiedName of(String name) {
        return new QualifiedName(Optional.empty(), name);
    }

    /** A schema-qualified name. */
    public static QualifiedName of(String schema, String name) {
        return new QualifiedName(Optional.of(schema), name);
    }

    /**
     * Whether this name and {@code other} can denote the same object: equal names, and equal schemas
     * when both are qualified (an unqualified name is assumed to resolve through the search path).
     */
    public boolean sameObjectAs(QualifiedName other) {
        if (!name.equals(other.name)) {
            return false;
        }
        return schema.isEmpty() || other.schema.isEmpty() || schema.equals(other.schema);
    }

    /** The name as it would be written in SQL, with quotes only where PostgreSQL needs them. */
    public String display() {
        return schema.map(s -> SqlNames.quoteIfNeeded(s) + ".").orElse("") + SqlNames.quoteIfNeeded(name);
    }

    @Override
    public String toString() {
        return display();
    }
}
