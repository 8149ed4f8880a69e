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
    /** {@code pg_dumpall --globals-only} next to the archive, when asked for. */
    DUMP_GLOBALS("dump roles and tablespaces", false),
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
    DROP_SCRATCH("drop scratch database", false),
    /** Physical drills: {@code pg_basebackup} of the source cluster. */
    BASE_BACKUP("base backup", false),
    /** Physical drills: {@code pg_verifybackup} of the backup against its manifest. */
    VERIFY_BACKUP("verify backup files", false),
    /** Physical drills: copying a given backup directory, so that starting it leaves the original untouched. */
    COPY_BACKUP("copy backup", true),
    /** Physical drills: unpacking a given tar-format backup ({@code base.tar}, {@code pg_wal.tar}) into a data directory. */
    UNPACK_BACKUP("unpack backup", true),
    /** Physical drills: starting the backup as a scratch cluster, WAL recovery included, until it accepts connections. */
    START_CLUSTER("start scratch cluster", true),
    /** Physical drills: {@code amcheck} of the restored copy's B-tree indexes (and heaps on PostgreSQL 14+). */
    AMCHECK("amcheck", false),
    /** Physical drills: stopping the scratch cluster and deleting its files. */
    STOP_CLUSTER("stop scratch cluster", false);

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
