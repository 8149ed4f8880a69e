package dev.dbops.drift;

/** How much a drift finding matters, from least to most. */
public enum DriftLevel {

    /** Files, history and schema agree. */
    OK,
    /** Normal work in progress, such as a pending migration. */
    INFO,
    /** Worth a look, but the files still describe the database. */
    WARNING,
    /** Files, history or schema disagree. */
    DRIFT;

    /** Whether this level is at least {@code threshold}. */
    public boolean isAtLeast(DriftLevel threshold) {
        return compareTo(threshold) >= 0;
    }
}
