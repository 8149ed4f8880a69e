package dev.dbops.migration;

/** What kind of script a {@link Migration} is, which decides when and whether the tool runs it. */
public enum MigrationKind {

    /** A Flyway versioned migration ({@code V1.1__add_email.sql}): runs once, in version order. */
    VERSIONED,
    /**
     * A Flyway undo migration ({@code U1.1__add_email.sql}): runs only on {@code flyway undo} (Flyway
     * Teams; Community ignores these files), so it is never part of the forward run order.
     */
    UNDO,
    /**
     * A Flyway baseline migration ({@code B5__baseline.sql}): replaces the versioned migrations up to its
     * version, and only on a database that has no history yet, so it is kept out of the forward run order.
     */
    BASELINE,
    /** A Flyway repeatable migration ({@code R__views.sql}): runs after all versioned ones, by description. */
    REPEATABLE,
    /** A plain SQL file that belongs to no migration tool. */
    PLAIN_SQL,
    /** One Liquibase changeset, from an XML, YAML, JSON or formatted SQL changelog. */
    LIQUIBASE_CHANGESET
}
