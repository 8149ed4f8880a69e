package dev.dbops.backup;

/**
 * The steps of a backup drill, in the order they run. Each is timed on the wall clock; the
 * restore phases add up to the measured recovery time objective ({@link DrillReport#rto()}).
 */
public enum DrillPhase {

    /** Removing scratch databases that killed drills left behind. */
    CLEANUP("cleanup", false),
    /** {@code pg_dump} at the exported snapshot; the source fingerprint runs at the same time. */
    DUMP("dump", false),
    /** Hashing the source's tables in the dump's snapshot (overlaps {@link #DUMP}). */
    FINGERPRINT_SOURCE("fingerprint source", false),
    /** Reading the archive's table of contents ({@code pg_restore --list}). */
    READ_ARCHIVE("read archive", false),
    /** Creating and marking the scratch database. */
    CREATE_SCRATCH("create scratch database", true),
    /** The restore until the first table's data starts: types, tables, functions (pre-data items). */
    RESTORE_PRE_DATA("restore pre-data", true),
    /** The restore from the first table's data starting to the last one's being done. */
    RESTORE_DATA("restore data", true),
    /**
     * The rest of the restore: the indexes, constraints and triggers still to build once all data is in
     * (with {@code -j N}, those built while other tables were loading count as data time).
     */
    RESTORE_POST_DATA("restore post-data", true),
    /** Hashing the restored tables. */
    FINGERPRINT_RESTORED("fingerprint restored copy", false),
    /** Reading the restored schema and diffing it with the source's. */
    COMPARE_SCHEMA("compare schema", false),
    /** Dropping the scratch database. */
    DROP_SCRATCH("drop scratch database", false);

    private final String label;
    private final boolean restore;

    DrillPhase(String label, boolean restore) {
        this.label = label;
        this.restore = restore;
    }

    /** The phase in words, for reports: {@code restore post-data}. */
    public String label() {
        return label;
    }

    /** Whether the phase is part of restoring, and so of the measured recovery time. */
    public boolean partOfRestore() {
        return restore;
    }
}
