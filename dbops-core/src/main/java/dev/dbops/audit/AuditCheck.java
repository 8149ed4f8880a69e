package dev.dbops.audit;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Every check the audit can run, with its stable kebab-case id. Ids are never renamed once
 * released; scripts select checks by them ({@code --only}) and match findings on them.
 */
public enum AuditCheck {

    /** A foreign key whose referencing columns lead no valid, non-partial index. */
    FOREIGN_KEY_WITHOUT_INDEX("foreign-key-without-index", AuditCategory.INDEXES,
            "foreign key without a supporting index"),
    /** An index never (or hardly) scanned since statistics were reset, that every write still maintains. */
    UNUSED_INDEX("unused-index", AuditCategory.INDEXES, "index not scanned since statistics were reset"),
    /** Two or more indexes with the same definition on the same table. */
    DUPLICATE_INDEX("duplicate-index", AuditCategory.INDEXES, "identical indexes on one table"),
    /** A btree index whose key columns are a prefix of another index's key columns. */
    REDUNDANT_INDEX("redundant-index", AuditCategory.INDEXES, "index covered by a longer index"),
    /** An index left invalid, typically by a failed {@code CREATE INDEX CONCURRENTLY}. */
    INVALID_INDEX("invalid-index", AuditCategory.INDEXES, "invalid index"),
    /** A btree index much larger than its entries need. */
    INDEX_BLOAT("index-bloat", AuditCategory.INDEXES, "bloated index"),
    /** A table without a primary key. */
    TABLE_WITHOUT_PRIMARY_KEY("table-without-primary-key", AuditCategory.TABLES, "table without a primary key"),
    /** A table much larger than its live rows need. */
    TABLE_BLOAT("table-bloat", AuditCategory.TABLES, "bloated table"),
    /** A table changed a lot since the planner's statistics were last gathered. */
    STALE_STATISTICS("stale-statistics", AuditCategory.TABLES, "stale planner statistics"),
    /** Dead tuples (or, on PostgreSQL 13+, inserts) beyond the autovacuum threshold, with autovacuum behind or off. */
    VACUUM_OVERDUE("vacuum-overdue", AuditCategory.TABLES, "vacuum overdue"),
    /** A sequence, or the column it feeds, close to its maximum value. */
    SEQUENCE_EXHAUSTION("sequence-exhaustion", AuditCategory.TABLES, "sequence near exhaustion"),
    /** Transaction ID age of a database or table against {@code autovacuum_freeze_max_age}. */
    XID_WRAPAROUND("xid-wraparound", AuditCategory.WRAPAROUND, "transaction ID age"),
    /** Multixact ID age of a database or table against {@code autovacuum_multixact_freeze_max_age}. */
    MULTIXACT_WRAPAROUND("multixact-wraparound", AuditCategory.WRAPAROUND, "multixact ID age"),
    /** A query running for longer than the threshold. */
    LONG_RUNNING_QUERY("long-running-query", AuditCategory.SESSIONS, "long-running query"),
    /** Sessions idle inside an open transaction, grouped by application. */
    IDLE_IN_TRANSACTION("idle-in-transaction", AuditCategory.SESSIONS, "idle in transaction"),
    /** A backend, replication slot or prepared transaction holding back the xmin horizon. */
    XMIN_HORIZON("xmin-horizon", AuditCategory.SESSIONS, "xmin horizon held back"),
    /** Client connections against the connections the server allows. */
    CONNECTION_USAGE("connection-usage", AuditCategory.SESSIONS, "connection use"),
    /** A replica behind its primary, seen from the primary or on the replica. */
    REPLICATION_LAG("replication-lag", AuditCategory.REPLICATION, "replication lag"),
    /** A replication slot nobody consumes, and the WAL it retains. */
    INACTIVE_REPLICATION_SLOT("inactive-replication-slot", AuditCategory.REPLICATION, "inactive replication slot"),
    /** WAL archiving that is failing. */
    ARCHIVER_FAILURE("archiver-failure", AuditCategory.REPLICATION, "WAL archiving failing"),
    /** Statements from pg_stat_statements whose mean execution time is above the threshold. */
    SLOW_QUERY("slow-query", AuditCategory.QUERIES, "slow statement"),
    /** Statements slower since a saved pg_stat_statements sample than before it. */
    QUERY_REGRESSION("query-regression", AuditCategory.QUERIES, "statement slower than its baseline"),
    /** The share of block reads served from shared buffers. */
    CACHE_HIT_RATIO("cache-hit-ratio", AuditCategory.QUERIES, "low cache hit ratio");

    private final String id;
    private final AuditCategory category;
    private final String title;

    AuditCheck(String id, AuditCategory category, String title) {
        this.id = id;
        this.category = category;
        this.title = title;
    }

    /** The stable kebab-case id, e.g. {@code foreign-key-without-index}. */
    public String id() {
        return id;
    }

    /** The area the check belongs to. */
    public AuditCategory category() {
        return category;
    }

    /** A few words naming what the check finds. */
    public String title() {
        return title;
    }

    /** The check's section of the audit documentation, relative to the repository root. */
    public String docs() {
        return "docs/audit.md#" + id;
    }

    /** The check with this id, if there is one. */
    public static Optional<AuditCheck> byId(String id) {
        Objects.requireNonNull(id, "id");
        return Arrays.stream(values()).filter(check -> check.id.equals(id)).findFirst();
    }
}
