package dev.dbops.diff;

import dev.dbops.schema.ObjectKind;
import java.util.List;
import java.util.Objects;

/**
 * One object that differs between two schemas.
 *
 * @param kind what kind of object it is
 * @param object its name, schema-qualified and, for parts of a table, table-qualified
 *     ({@code public.orders.customer_id})
 * @param change whether it was added, removed or changed going from the first schema to the second
 * @param fields for a changed object, each property that differs
 */
public record Difference(ObjectKind kind, String object, Change change, List<FieldChange> fields) {

    /** Creates a difference; fields are copied. */
    public Difference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(change, "change");
        fields = List.copyOf(fields);
    }

    /** One line for people: {@code column public.orders.total changed: type numeric(10,2) → numeric(12,2)}. */
    public String describe() {
        StringBuilder line = new StringBuilder(kind.label()).append(' ').append(object).append(' ')
                .append(change.label());
        for (int i = 0; i < fields.size(); i++) {
            FieldChange field = fields.get(i);
            line.append(i == 0 ? ": " : "; ").append(field.field()).append(' ')
                    .append(field.from()).append(" → ").append(field.to());
        }
        return line.toString();
    }

    /** How an object differs. */
    public enum Change {
        /** Only in the second schema. */
        ADDED("only in target"),
        /** Only in the first schema. */
        REMOVED("only in source"),
        /** In both, with different properties. */
        CHANGED("changed");

        private final String label;

        Change(String label) {
            this.label = label;
        }

        /** The words used in {@link Difference#describe()}. */
        public String label() {
            return label;
        }
    }

    /**
     * One property that differs, with both values rendered as text ({@code (none)} when absent).
     *
     * @param field the model property, e.g. {@code type}, {@code notNull}, {@code definition}
     */
    public record FieldChange(String field, String from, String to) {

        /** Creates a field change. */
        public FieldChange {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }
}
