package dev.dbops.trace.seed;

import java.util.Objects;
import java.util.Optional;

/**
 * Something seeding could not honour, or did differently than asked: a finding, not a failure.
 * Whether the table was still seeded is its {@link TableSeeding#outcome()}.
 *
 * @param kind what sort of finding this is; a stable identifier
 * @param table the table, schema-qualified and unquoted, e.g. {@code shop.orders}
 * @param subject the column or constraint concerned, when there is one
 * @param message what happened and what was done about it
 */
public record SeedFinding(Kind kind, String table, Optional<String> subject, String message) {

    /** Creates a finding; all parts are required. */
    public SeedFinding {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    /** The kinds of finding; their names are stable and appear in the JSON form. */
    public enum Kind {
        /** No generator exists for a column's type: it is left NULL or to its default, or the table is skipped. */
        UNSUPPORTED_TYPE,
        /** A CHECK is not simple enough to generate values for: its nullable columns are left NULL, or it is ignored. */
        COMPLEX_CHECK,
        /** The simple CHECKs of a column leave no value at all. */
        UNSATISFIABLE_CHECK,
        /** An exclusion constraint with operators other than {@code =} and {@code &&}. */
        EXCLUSION_CONSTRAINT,
        /** Foreign keys form a cycle: a nullable key in it is left NULL, or the table is skipped. */
        FOREIGN_KEY_CYCLE,
        /** A foreign key to the table itself could not reference generated rows and is left NULL. */
        SELF_REFERENCE,
        /** Two foreign keys share columns; the second is left NULL or the table is skipped. */
        OVERLAPPING_FOREIGN_KEYS,
        /** A foreign key's parent table has no rows: the key is left NULL, or the table is skipped. */
        MISSING_PARENT_ROWS,
        /** A unique key has fewer distinct values than rows were asked for: fewer rows were written. */
        UNIQUE_CAPACITY,
        /** No column of a unique key could be made distinct; the server may reject the rows. */
        UNIQUE_NOT_GUARANTEED,
        /** Rows of a partitioned table cannot all be routed to a partition. */
        PARTITION_NOT_COVERED,
        /** The server rejected the COPY; nothing was written to the table. */
        COPY_REJECTED,
        /** Seeding the table failed for another reason (a parent's keys could not be read, the connection broke). */
        SEEDING_FAILED
    }

    /** One line for people: {@code shop.orders (note): COMPLEX_CHECK — …}. */
    public String describe() {
        return table + subject.map(s -> " (" + s + ")").orElse("") + ": " + kind + " — " + message;
    }
}
