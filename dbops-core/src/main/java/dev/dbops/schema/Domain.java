package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A domain over a base type.
 *
 * @param baseType the base type as {@code format_type} renders it, with its typmod
 * @param checks the CHECK constraints, by name
 * @param dependsOn objects this domain needs to exist first (its base type, functions in checks)
 */
public record Domain(
        String schema,
        String name,
        String baseType,
        Optional<String> collation,
        boolean notNull,
        Optional<String> defaultValue,
        List<Check> checks,
        String owner,
        Optional<String> comment,
        List<ObjectRef> dependsOn) {

    /** Creates a domain entry; lists are copied into canonical order. */
    public Domain {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseType, "baseType");
        Models.required(collation, "collation");
        Models.required(defaultValue, "defaultValue");
        checks = Models.sorted(checks, Check::name);
        Objects.requireNonNull(owner, "owner");
        Models.required(comment, "comment");
        dependsOn = Models.sorted(dependsOn);
    }

    /**
     * A named CHECK constraint of a domain.
     *
     * @param definition as {@code pg_get_constraintdef} renders it, without {@code NOT VALID}
     */
    public record Check(String name, String definition, boolean validated, Optional<String> comment) {

        /** Creates a domain check. */
        public Check {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(definition, "definition");
            Models.required(comment, "comment");
        }
    }
}
