package dev.dbops;

/**
 * Stable identifiers for every failure dbops reports as an exception.
 *
 * <p>Frameworks and the CLI decide what to do by matching on the code, never on message text. Codes
 * are never renamed once released; new ones are added at the end of their group.
 */
public enum ErrorCode {

    /** A database could not be reached: unknown host, refused connection, network timeout. */
    CONNECTION_FAILED,
    /** The server rejected the credentials. */
    AUTHENTICATION_FAILED,
    /** A URL or JDBC URL could not be understood, or names a database other than PostgreSQL. */
    INVALID_URL,
    /** The server is a PostgreSQL major version dbops does not support. */
    UNSUPPORTED_SERVER_VERSION,
    /** A catalog query failed or timed out while reading a database. */
    INSPECTION_FAILED,
    /** A snapshot file is unreadable, corrupted, or of a format version this build does not know. */
    INVALID_SNAPSHOT,
    /** A local embedded PostgreSQL could not be provisioned or started. */
    EMBEDDED_POSTGRES_FAILED,
    /** Options given to a builder or command are invalid; the message lists every problem. */
    INVALID_CONFIGURATION,
    /** A file could not be read or written. */
    IO_FAILED,
    /**
     * Migrations could not be loaded at all: a location does not exist, or reading it needs a library
     * (Liquibase) that is not on the classpath. Problems with single files are reported as data instead.
     */
    MIGRATION_SOURCE_FAILED,
    /**
     * The shadow database that drift detection replays the migrations on could not be created or
     * used: the server cannot be started or reached, or its user may not create databases.
     */
    SHADOW_DATABASE_FAILED,
    /**
     * A reconciliation migration cannot be written: the migration files do not replay and no snapshot
     * was given, so there is no expected schema to start from.
     */
    RECONCILIATION_IMPOSSIBLE,
    /**
     * No connection pool that fits the server's connection budget keeps the target acquire wait; the
     * message names the failing constraint and what would satisfy it.
     */
    POOL_TARGET_UNREACHABLE,
    /**
     * A PostgreSQL client program a backup drill needs ({@code pg_dump}, {@code pg_restore}) is missing,
     * does not run, or is older than the server it must read.
     */
    BACKUP_TOOL_UNAVAILABLE,
    /**
     * A backup drill could not complete: {@code pg_dump} failed, {@code pg_restore} was killed, a
     * fingerprint query failed. A backup that restores with errors is a finding, not this failure.
     */
    BACKUP_DRILL_FAILED,
    /** A restore target is the source database or a database that dbops did not create for a drill. */
    UNSAFE_RESTORE_TARGET,
    /** There is not enough free disk space for a restore; the message gives the figures. */
    INSUFFICIENT_DISK_SPACE,
    /** A backup fingerprint or drill history file is unreadable, corrupted, or of an unknown format version. */
    INVALID_FINGERPRINT,
    /**
     * A startup guard found migration drift its policy fails on: the migration files, the history table and
     * the live schema disagree. The message names each difference and the reconciliation migration written.
     */
    MIGRATION_DRIFT,
    /**
     * A startup guard found lint violations in pending migrations at or above its threshold, before they ran.
     */
    UNSAFE_MIGRATION,
    /**
     * Seeding synthetic rows could not run as a whole: no connection could be opened for it, or it was
     * interrupted. A table that cannot be seeded, or whose COPY the server rejects, is reported as data
     * in the seed report instead.
     */
    SEEDING_FAILED,
    /**
     * A lock trace could not be carried out: its scratch database could not be created, used or dropped,
     * or a session that observes the migration failed. A migration that fails on the scratch database is
     * reported in the trace, not as this failure.
     */
    TRACE_FAILED,
    /**
     * Migrations cannot be traced the way their tool would run them: a file did not load, or Flyway would
     * refuse a script; the message lists every such problem.
     */
    UNTRACEABLE_MIGRATIONS
}
