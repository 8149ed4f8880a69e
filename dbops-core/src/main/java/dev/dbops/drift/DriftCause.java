package dev.dbops.drift;

/** Why a live object differs from what the migrations describe, as far as the history can tell. */
public enum DriftCause {

    /**
     * No migration accounts for it: the object exists only in the live database and no migration touches
     * it, or every migration that touches it ran unchanged — it looks applied by hand.
     */
    APPLIED_BY_HAND("looks applied by hand"),
    /** A migration that touches it was edited after it ran: the live database has the old version. */
    MIGRATION_EDITED("a migration that touches it was edited after it ran"),
    /** A migration that touches it has not run on this database yet. */
    MIGRATION_PENDING("a migration that touches it is pending"),
    /** A migration that touches it failed here, possibly half applied. */
    MIGRATION_FAILED("a migration that touches it failed"),
    /**
     * A migration that touches it never ran here because it is below the baseline: the database got the
     * object before the tool managed it, by other means.
     */
    BELOW_BASELINE("a migration that touches it is below the baseline"),
    /**
     * No file touches it, but migrations whose files are missing ran here: one of them probably made it.
     */
    MIGRATION_MISSING("a migration whose file is missing probably made it"),
    /** The database has no history table, so it cannot be told which migrations ran. */
    UNKNOWN("no history to tell");

    private final String label;

    DriftCause(String label) {
        this.label = label;
    }

    /** The words used in reports. */
    public String label() {
        return label;
    }
}
