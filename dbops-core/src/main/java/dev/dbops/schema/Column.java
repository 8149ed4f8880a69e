package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table column.
 *
 * @param type the type as {@code format_type} renders it, with its typmod, e.g. {@code character varying(50)}
 * @param collation the collation when it differs from the type's default
 * @param defaultValue the default expression as {@code pg_get_expr} renders it; empty for generated columns
 * @param identity the identity definition, for identity columns
 * @param generated the expression of a {@code GENERATED ALWAYS AS (…) STORED} column
 * @param inherited whether the column comes only from a parent table or partitioned table
 * @param grants column-level privileges
 */
public record Column(
        String name,
        String type,
        Optional<String> collation,
        boolean notNull,
        Optional<String> defaultValue,
        Optional<Identity> identity,
        Optional<String> generated,
        boolean inherited,
        Optional<String> comment,
        List<Grant> grants) {

    /** Creates a column entry. */
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Models.required(collation, "collation");
        Models.required(defaultValue, "defaultValue");
        Models.required(identity, "identity");
        Models.required(generated, "generated");
        Models.required(comment, "comment");
        grants = Models.sorted(grants);
    }

    /**
     * The identity of a {@code GENERATED … AS IDENTITY} column and the options of its sequence.
     *
     * @param always {@code true} for {@code GENERATED ALWAYS}, {@code false} for {@code BY DEFAULT}
     */
    public record Identity(
            boolean always, long start, long increment, long minValue, long maxValue, long cache, boolean cycle) {
    }
}
