package dev.dbops.trace;

/**
 * One relation of the scratch database as a probe saw it: identity, storage and the scan counters.
 *
 * @param oid its oid
 * @param schema its schema
 * @param name its name
 * @param relkind {@code pg_class.relkind}
 * @param filenode {@code pg_class.relfilenode} (0 for relations without storage)
 * @param tableOid for an index, the oid of its table; 0 otherwise
 * @param reltuples {@code pg_class.reltuples} (-1 when never analyzed)
 * @param seqScans sequential scans counted so far that the session can attribute to itself (see {@link SessionProbe})
 * @param rowsRead rows those scans returned
 * @param rowsFetched for an index, the table rows fetched through it; for a table, those fetched by bitmap scans
 */
record RelationState(long oid, String schema, String name, String relkind, long filenode, long tableOid,
        double reltuples, long seqScans, long rowsRead, long rowsFetched) {

    /** {@code schema.name}, quoted where PostgreSQL needs it. */
    String qualified() {
        return Names.qualified(schema, name);
    }

    LockedObject kind() {
        return LockedObject.ofRelkind(relkind);
    }
}
