package dev.dbops.audit;

/** The areas the audit looks at; every {@link AuditCheck} belongs to one. */
public enum AuditCategory {

    /** Missing, unused, duplicate, redundant, invalid and bloated indexes. */
    INDEXES,
    /** Primary keys, bloat, statistics, vacuum and sequences of tables. */
    TABLES,
    /** Transaction ID and multixact ID age, the road to wraparound. */
    WRAPAROUND,
    /** Long queries, idle transactions, xmin horizon holders and connection use. */
    SESSIONS,
    /** Replica lag, replication slots and WAL archiving. */
    REPLICATION,
    /** Statement statistics from pg_stat_statements and the buffer cache. */
    QUERIES
}
