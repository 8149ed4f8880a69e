package dev.dbops.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A sequence that is not the hidden sequence of an identity column. Its current value is
 * deliberately not part of the model: it changes with every insert.
 *
 * @param ownedBy the column it is {@code OWNED BY}, as {@code table.column} in this sequence's
 *     schema or {@code schema.table.column} elsewhere
 */
public record Sequence(
        String schema,
        String name,
        String dataType,
        long start,
        long increment,
        long minValue,
        long maxValue,
        long cache,
        boolean cycle,
        Optional<ColumnRef> ownedBy,
        String owner,
        Optional<String> comment,
        List<Grant> grants) {

    /** Creates a sequence entry. */
    public Sequence {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataType, "dataType");
        Models.required(ownedBy, "ownedBy");
        Objects.requireNonNull(owner, "owner");
        Models.required(comment, "comment");
        grants = Models.sorted(grants);
    }

    /** A column named by schema, table and column name. */
    public record ColumnRef(String schema, String table, String column) {

        /** Creates a column reference. */
        public ColumnRef {
            Objects.requireNonNull(schema, "schema");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(column, "column");
        }
    }
}
