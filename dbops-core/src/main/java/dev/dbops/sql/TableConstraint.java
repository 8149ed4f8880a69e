package dev.dbops.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A table constraint as declared in {@code CREATE TABLE} or {@code ALTER TABLE … ADD}.
 *
 * @param name the constraint name, when given
 * @param kind what kind of constraint it is
 * @param columns the constrained (for a foreign key: referencing) columns; for {@code NOT NULL}
 *     (PostgreSQL 18 named form) the one column
 * @param expression the {@code CHECK} condition, or the {@code EXCLUDE} element list as written
 * @param references the referenced table for a foreign key
 * @param usingIndex the index named by {@code PRIMARY KEY/UNIQUE USING INDEX name}
 * @param notValid whether {@code NOT VALID} was given
 */
public record TableConstraint(Optional<String> name, Kind kind, List<String> columns,
        Optional<Expression> expression, Optional<ForeignKeyReference> references, Optional<String> usingIndex,
        boolean notValid) {

    /** Validates the parts and copies the columns. */
    public TableConstraint {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        columns = List.copyOf(columns);
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(references, "references");
        Objects.requireNonNull(usingIndex, "usingIndex");
    }

    /** The kinds of table constraints. */
    public enum Kind {
        /** {@code PRIMARY KEY}. */
        PRIMARY_KEY,
        /** {@code UNIQUE}. */
        UNIQUE,
        /** {@code CHECK (…)}. */
        CHECK,
        /** {@code FOREIGN KEY … REFERENCES}. */
        FOREIGN_KEY,
        /** {@code EXCLUDE USING …}. */
        EXCLUDE,
        /** {@code NOT NULL column} as a named table constraint (PostgreSQL 18+). */
        NOT_NULL
    }
}
