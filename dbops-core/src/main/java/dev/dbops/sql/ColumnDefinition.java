package dev.dbops.sql;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A column as declared in {@code CREATE TABLE} or {@code ALTER TABLE … ADD COLUMN}, with its inline
 * constraints.
 *
 * @param name the column name
 * @param type the declared type
 * @param notNull whether {@code NOT NULL} is declared inline (a primary key implies it too; see {@link #primaryKey})
 * @param defaultValue the {@code DEFAULT} expression
 * @param generated the {@code GENERATED ALWAYS AS (…)} expression, for generated columns
 * @param generatedStored whether {@code STORED} is written; without it PostgreSQL 18 makes the column
 *     {@code VIRTUAL} (computed on read), while PostgreSQL 12–17 require {@code STORED}
 * @param identity {@code ALWAYS} or {@code BY DEFAULT} for identity columns
 * @param primaryKey whether the column is declared {@code PRIMARY KEY}
 * @param unique whether the column is declared {@code UNIQUE}
 * @param references the inline {@code REFERENCES} target
 * @param checks inline {@code CHECK} conditions
 * @param collation the {@code COLLATE} clause
 */
public record ColumnDefinition(String name, TypeName type, boolean notNull, Optional<Expression> defaultValue,
        Optional<Expression> generated, boolean generatedStored, Optional<String> identity, boolean primaryKey,
        boolean unique, Optional<ForeignKeyReference> references, List<Expression> checks,
        Optional<String> collation) {

    /** Validates the parts and copies the checks. */
    public ColumnDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(generated, "generated");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(references, "references");
        checks = List.copyOf(checks);
        Objects.requireNonNull(collation, "collation");
    }

    /** Whether the column is {@code serial}, {@code bigserial} or {@code smallserial}. */
    public boolean isSerial() {
        return type.is("serial") || type.is("bigserial") || type.is("smallserial");
    }

    /** Whether new rows get a value without the application giving one: default, identity, serial or generated. */
    public boolean hasValueSource() {
        return defaultValue.isPresent() || identity.isPresent() || isSerial() || generated.isPresent();
    }
}
