package dev.dbops;

/**
 * PostgreSQL's table-level lock modes, ordered from weakest to strongest, with the conflict table
 * of the PostgreSQL documentation ("Explicit Locking", table 13.2); {@link #NONE} stands for a
 * statement that takes no table lock at all.
 */
public enum LockMode {

    /** No table lock: catalog-only statements such as {@code GRANT} or {@code CREATE FUNCTION}. */
    NONE("NONE"),
    /** Taken by {@code SELECT}; conflicts only with {@code ACCESS EXCLUSIVE}. */
    ACCESS_SHARE("ACCESS SHARE"),
    /** Taken by {@code SELECT … FOR UPDATE/SHARE}. */
    ROW_SHARE("ROW SHARE"),
    /** Taken by {@code INSERT}, {@code UPDATE}, {@code DELETE}, {@code MERGE}. */
    ROW_EXCLUSIVE("ROW EXCLUSIVE"),
    /** Taken by {@code VACUUM}, {@code ANALYZE}, {@code CREATE INDEX CONCURRENTLY}, {@code VALIDATE CONSTRAINT}. */
    SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE"),
    /** Taken by {@code CREATE INDEX}: blocks writes, allows reads. */
    SHARE("SHARE"),
    /** Taken by {@code CREATE TRIGGER} and by adding foreign keys: blocks writes. */
    SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE"),
    /** Taken by {@code REFRESH MATERIALIZED VIEW CONCURRENTLY}: allows only reads. */
    EXCLUSIVE("EXCLUSIVE"),
    /** Taken by most {@code ALTER TABLE} forms, {@code DROP TABLE}, {@code TRUNCATE}: blocks everything. */
    ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE");

    private final String sqlName;

    LockMode(String sqlName) {
        this.sqlName = sqlName;
    }

    /** The name PostgreSQL uses in {@code LOCK TABLE} and the documentation, e.g. {@code ACCESS EXCLUSIVE}. */
    public String sqlName() {
        return sqlName;
    }

    /**
     * Whether a lock in this mode and a lock in {@code other} mode on the same table, held by two
     * different transactions, block each other.
     */
    public boolean conflictsWith(LockMode other) {
        if (this == NONE || other == NONE) {
            return false;
        }
        return (conflictMask() & (1 << other.ordinal())) != 0;
    }

    /** Whether this mode is stronger (later in PostgreSQL's order) than {@code other}. */
    public boolean isStrongerThan(LockMode other) {
        return compareTo(other) > 0;
    }

    /** Whether a table lock in this mode blocks plain {@code SELECT}s (it conflicts with ACCESS SHARE). */
    public boolean blocksReads() {
        return conflictsWith(ACCESS_SHARE);
    }

    /** Whether a table lock in this mode blocks {@code INSERT/UPDATE/DELETE} (it conflicts with ROW EXCLUSIVE). */
    public boolean blocksWrites() {
        return conflictsWith(ROW_EXCLUSIVE);
    }

    /**
     * What a lock in this mode blocks, in words for messages: "blocks reads and writes", "blocks writes",
     * "blocks other DDL, VACUUM and ANALYZE", "blocks only … locks" or "blocks nothing".
     */
    public String blockedDescription() {
        if (blocksReads()) {
            return "blocks reads and writes";
        }
        if (blocksWrites()) {
            return "blocks writes";
        }
        if (conflictsWith(SHARE_UPDATE_EXCLUSIVE)) {
            return "blocks other DDL, VACUUM and ANALYZE";
        }
        if (this == NONE) {
            return "blocks nothing";
        }
        StringBuilder modes = new StringBuilder();
        for (LockMode other : values()) {
            if (conflictsWith(other)) {
                modes.append(modes.isEmpty() ? "" : ", ").append(other.sqlName);
            }
        }
        return "blocks only " + modes + " locks";
    }

    /** The stronger of this mode and {@code other}. */
    public LockMode max(LockMode other) {
        return other.isStrongerThan(this) ? other : this;
    }

    private int conflictMask() {
        return switch (this) {
            case NONE -> 0;
            case ACCESS_SHARE -> bits(ACCESS_EXCLUSIVE);
            case ROW_SHARE -> bits(EXCLUSIVE, ACCESS_EXCLUSIVE);
            case ROW_EXCLUSIVE -> bits(SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
            case SHARE_UPDATE_EXCLUSIVE -> bits(SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
                    ACCESS_EXCLUSIVE);
            case SHARE -> bits(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE_ROW_EXCLUSIVE, EXCLUSIVE,
                    ACCESS_EXCLUSIVE);
            case SHARE_ROW_EXCLUSIVE -> bits(ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE,
                    EXCLUSIVE, ACCESS_EXCLUSIVE);
            case EXCLUSIVE -> bits(ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE, SHARE_ROW_EXCLUSIVE,
                    EXCLUSIVE, ACCESS_EXCLUSIVE);
            case ACCESS_EXCLUSIVE -> bits(ACCESS_SHARE, ROW_SHARE, ROW_EXCLUSIVE, SHARE_UPDATE_EXCLUSIVE, SHARE,
                    SHARE_ROW_EXCLUSIVE, EXCLUSIVE, ACCESS_EXCLUSIVE);
        };
    }

    private static int bits(LockMode... modes) {
        int mask = 0;
        for (LockMode mode : modes) {
            mask |= 1 << mode.ordinal();
        }
        return mask;
    }
}
