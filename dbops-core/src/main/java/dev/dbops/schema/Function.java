package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A function or procedure (aggregates are not modelled).
 *
 * @param arguments the identity argument types as {@code pg_get_function_identity_arguments}
 *     renders them; together with schema and name they identify the function
 * @param procedure whether it is a procedure
 * @param result the result type as {@code pg_get_function_result} renders it; empty for procedures
 * @param definition the complete {@code CREATE OR REPLACE} statement as {@code pg_get_functiondef} renders it
 * @param dependsOn types and relations the signature or a {@code BEGIN ATOMIC} body needs
 */
public record Function(
        String schema,
        String name,
        String arguments,
        boolean procedure,
        Optional<String> result,
        String definition,
        String owner,
        Optional<String> comment,
        List<Grant> grants,
        List<ObjectRef> dependsOn) {

    /** Creates a function entry. */
    public Function {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(arguments, "arguments");
        Models.required(result, "result");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(owner, "owner");
        Models.required(comment, "comment");
        grants = Models.sorted(grants);
        dependsOn = Models.sorted(dependsOn);
    }

    /** The name with its argument types, e.g. {@code add(integer, integer)}: unique within a schema. */
    public String signature() {
        return name + "(" + arguments + ")";
    }

    /** A reference to this function. */
    public ObjectRef ref() {
        return new ObjectRef(ObjectKind.FUNCTION, schema, signature());
    }
}
