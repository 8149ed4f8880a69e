package dev.dbops.sql;

import java.util.List;
import java.util.Objects;

/**
 * The target of a foreign key: {@code REFERENCES table (columns)}.
 *
 * @param table the referenced table
 * @param columns the referenced columns; empty when the primary key is meant
 */
public record ForeignKeyReference(QualifiedName table, List<String> columns) {

    /** Validates the parts and copies the columns. */
    public ForeignKeyReference {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(columns);
    }
}
