package dev.dbops.drift;

/**
 * How one migration's file and its history-table entry relate, with how much it matters.
 *
 * <p>The {@linkplain #level() level} is the default weight: {@link DriftLevel#DRIFT} means files and
 * history disagree about what ran (Flyway's {@code validate} fails, or the files no longer describe the
 * database), {@link DriftLevel#WARNING} deserves a look, {@link DriftLevel#INFO} is normal work in
 * progress, {@link DriftLevel#OK} is agreement. {@link DriftGuard} can weigh them differently.
 */
public enum HistoryStatus {

    /** The file's checksum equals the recorded one (Liquibase: and so does its identity). */
    MATCHES("matches", DriftLevel.OK),
    /** Flyway's baseline marker, or a file below it: never run here, stood for by the baseline. */
    BELOW_BASELINE("below baseline", DriftLevel.OK),
    /** Applied by a kind of migration dbops does not read (Flyway Java or script migrations): not compared. */
    NOT_CHECKED("not checked", DriftLevel.INFO),
    /** In the files, not yet applied: the next migrate runs it. */
    PENDING("pending", DriftLevel.INFO),
    /** A repeatable migration whose file changed since it last ran: the next migrate runs it again. */
    REPEATABLE_CHANGED("repeatable changed", DriftLevel.INFO),
    /** Applied after a migration with a higher version ({@code outOfOrder=true}). */
    OUT_OF_ORDER("applied out of order", DriftLevel.WARNING),
    /** Applied, with a version above every file: a newer release migrated this database. */
    FUTURE("applied, newer than the files", DriftLevel.WARNING),
    /** Not applied, with a version below the latest applied one: Flyway's validate fails on it. */
    PENDING_OUT_OF_ORDER("pending below the latest applied version", DriftLevel.DRIFT),
    /** Checksum changed, but the text has the same SQL tokens as when it ran: only formatting or comments. */
    FORMATTING_ONLY("checksum changed, formatting only", DriftLevel.DRIFT),
    /** Checksum changed and the SQL differs from what ran: the statements that changed are listed. */
    CONTENT_CHANGED("checksum changed, content changed", DriftLevel.DRIFT),
    /** Checksum changed, and the text that ran could not be found to tell formatting from content. */
    CHECKSUM_CHANGED("checksum changed", DriftLevel.DRIFT),
    /** Applied under another name or version; a file with the same checksum exists under the new one. */
    RENAMED("renamed", DriftLevel.DRIFT),
    /** Applied, but no file has its version (or identity) any more: deleted, or renamed and edited. */
    MISSING("applied, file missing", DriftLevel.DRIFT),
    /** The file exists but could not be read, so its checksum could not be compared. */
    UNREADABLE("file unreadable", DriftLevel.DRIFT),
    /** The history records that the migration failed ({@code success = false}, Liquibase {@code FAILED}). */
    FAILED("failed", DriftLevel.DRIFT);

    private final String label;
    private final DriftLevel level;

    HistoryStatus(String label, DriftLevel level) {
        this.label = label;
        this.level = level;
    }

    /** The words used in reports, e.g. {@code "checksum changed, formatting only"}. */
    public String label() {
        return label;
    }

    /** How much this status matters by default. */
    public DriftLevel level() {
        return level;
    }
}
