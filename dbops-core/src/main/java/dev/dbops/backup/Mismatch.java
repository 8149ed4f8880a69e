package dev.dbops.backup;

import java.util.Objects;

/**
 * One way in which the restored copy differs from what was backed up.
 *
 * @param kind what differs
 * @param object the table, sequence or schema object concerned ({@code public.orders}); for a restore
 *     error, the archive item that failed when known, else the archive
 * @param expected what the source had, in words ({@code 1000 rows}); empty when not applicable
 * @param actual what the restored copy has, in words; empty when not applicable
 * @param detail one sentence that explains the difference and what it means
 */
public record Mismatch(Kind kind, String object, String expected, String actual, String detail) {

    /** Checks that every part is present. */
    public Mismatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line for people: {@code row count differs: public.orders — expected 1000 rows, restored 999 rows}. */
    public String describe() {
        StringBuilder line = new StringBuilder(kind.label()).append(": ").append(object);
        if (!expected.isEmpty() || !actual.isEmpty()) {
            line.append(" — expected ").append(expected.isEmpty() ? "nothing" : expected)
                    .append(", restored ").append(actual.isEmpty() ? "nothing" : actual);
        }
        if (!detail.isEmpty()) {
            line.append(" (").append(detail).append(')');
        }
        return line.toString();
    }

    /** The kinds of difference a drill reports. */
    public enum Kind {
        /** The restore itself failed: {@code pg_restore} reported an error and stopped. */
        RESTORE_ERROR("restore failed"),
        /** A table of the source is missing from the restored copy. */
        MISSING_TABLE("table missing"),
        /** The restored copy has a table the source did not have. */
        EXTRA_TABLE("extra table"),
        /** A table has a different number of rows. */
        ROW_COUNT("row count differs"),
        /** A table has the same number of rows but different content. */
        CONTENT_HASH("content differs"),
        /** A sequence is missing from the restored copy. */
        MISSING_SEQUENCE("sequence missing"),
        /** A sequence was restored with a state the dump cannot have read. */
        SEQUENCE_STATE("sequence state differs"),
        /** The schemas differ: an object is missing, extra or changed (per the schema engine). */
        SCHEMA("schema differs"),
        /** A file of a physical backup is missing, extra, or differs from the backup manifest ({@code pg_verifybackup}). */
        BACKUP_FILE("backup file check failed"),
        /** {@code amcheck} found an index or table of the restored copy corrupted. */
        CORRUPTION("corruption found"),
        /** The globals dump ({@code pg_dumpall --globals-only}) lacks roles or tablespaces of the source cluster. */
        GLOBALS("globals incomplete");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The kind in words. */
        public String label() {
            return label;
        }
    }
}
