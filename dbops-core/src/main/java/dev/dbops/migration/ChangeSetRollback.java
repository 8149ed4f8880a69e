package dev.dbops.migration;

import java.util.Objects;

/**
 * The SQL that {@code liquibase rollback} runs on PostgreSQL to reverse one changeset: the changeset's own
 * {@code <rollback>} (or {@code --rollback} lines) when it has one, otherwise the rollback Liquibase
 * generates for its change types ({@code createTable} → {@code DROP TABLE}), last change first.
 *
 * @param changeSet the changeset it reverses
 * @param location the changelog file the changeset is declared in, as {@link Migration#location()} names it
 * @param line the 1-based line of the changeset in that file
 * @param sql the statements, each ended by {@code ;}; empty for an explicitly empty rollback
 *     ({@code --rollback not required})
 * @param generated whether Liquibase generated it from the change types, the changeset having no rollback of its own
 * @param transactionMode how Liquibase runs it: in one transaction unless the changeset says
 *     {@code runInTransaction:false}
 */
public record ChangeSetRollback(ChangeSetRef changeSet, String location, int line, String sql, boolean generated,
        TransactionMode transactionMode) {

    /** Checks that no component is null and that the line is positive. */
    public ChangeSetRollback {
        Objects.requireNonNull(changeSet, "changeSet");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(transactionMode, "transactionMode");
        if (line < 1) {
            throw new IllegalArgumentException("line must be at least 1, was " + line);
        }
    }

    /** The changeset it reverses and where, for messages: {@code rollback of db/changelog.xml::2::alice (db/changelog.xml:14)}. */
    @Override
    public String toString() {
        return "rollback of " + changeSet + " (" + location + ":" + line + ")";
    }
}
