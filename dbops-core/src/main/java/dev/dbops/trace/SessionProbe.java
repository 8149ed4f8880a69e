package dev.dbops.trace;

import dev.dbops.sql.QualifiedName;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads, in the migrating session itself, every relation of the scratch database (storage and scan
 * counters), the locks the session holds and its search path: one round trip of three catalog queries,
 * which take only ACCESS SHARE locks on system catalogs.
 *
 * <p>Scan counters: inside a transaction, {@code pg_stat_get_xact_numscans} and
 * {@code pg_stat_get_xact_tuples_returned} count this session's scans not yet flushed to the shared
 * statistics; a backend flushes only between transactions, so the difference between two probes of one
 * transaction is exactly what the statements between them scanned, whatever other sessions do. Outside a
 * transaction the backend may flush between two probes, so the probe adds the shared counters
 * ({@code pg_stat_get_numscans}), which then also count other sessions' scans of the same tables.
 */
final class SessionProbe {

    private static final String RELATIONS = "select c.oid::bigint, n.nspname, c.relname, c.relkind::text,"
            + " c.relfilenode::bigint, coalesce(i.indrelid, 0)::bigint, c.reltuples::float8,"
            + " case when c.relkind in ('r', 'p', 'm') then pg_catalog.pg_stat_get_xact_numscans(c.oid)%1$s else 0"
            + " end, case when c.relkind in ('r', 'p', 'm') then pg_catalog.pg_stat_get_xact_tuples_returned(c.oid)%2$s"
            + " else 0 end, case when c.relkind in ('r', 'p', 'm', 'i', 'I')"
            + " then pg_catalog.pg_stat_get_xact_tuples_fetched(c.oid)%3$s else 0 end"
            + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " left join pg_catalog.pg_index i on i.indexrelid = c.oid"
            + " where c.relkind in ('r', 'p', 'm', 'i', 'I', 'S', 'v', 'f')"
            + " and n.nspname not in ('pg_catalog', 'information_schema')"
            + " and n.nspname !~ '^pg_(toast|temp_|toast_temp_)'";

    /** The locks of a session, as {@link LockPoller} reads them too; {@code %s} is the pid expression. */
    static final String LOCK_COLUMNS = "l.pid, l.locktype, coalesce(l.relation, 0)::bigint, l.mode, l.granted,"
            + " case when l.relation is not null then ''"
            + " when l.locktype = 'object' then coalesce(pg_catalog.pg_describe_object(l.classid, l.objid,"
            + " l.objsubid), l.classid::pg_catalog.regclass::text || ' ' || l.objid)"
            + " else l.locktype || ' ' || concat_ws(':', l.virtualxid, l.transactionid::text, l.classid::text,"
            + " l.objid::text, l.objsubid::text) end";

    static final String OWN_DATABASE = "(l.database is null or l.database = 0 or l.database ="
            + " (select d.oid from pg_catalog.pg_database d where d.datname = pg_catalog.current_database()))";

    private static final String LOCKS = "select " + LOCK_COLUMNS + " from pg_catalog.pg_locks l"
            + " where l.pid = pg_catalog.pg_backend_pid() and l.locktype not in ('virtualxid', 'transactionid')"
            + " and " + OWN_DATABASE;

    private static final String SEARCH_PATH = "select pg_catalog.current_schemas(false)::text[]";

    /**
     * What one probe saw.
     *
     * @param relations every relation by oid
     * @param locks the locks the session held, system catalogs left out
     * @param searchPath the schemas an unqualified name resolves through, in order
     * @param insideTransaction whether it was taken inside a transaction block (transaction-local counters)
     */
    record Snapshot(Map<Long, RelationState> relations, Set<LockRow> locks, List<String> searchPath,
            boolean insideTransaction) {

        /** The relation {@code name} denotes in this snapshot, resolving an unqualified name through the search path. */
        Optional<RelationState> resolve(QualifiedName name) {
            for (String schema : name.schema().map(List::of).orElse(searchPath)) {
                for (RelationState relation : relations.values()) {
                    if (relation.schema().equals(schema) && relation.name().equals(name.name())) {
                        return Optional.of(relation);
                    }
                }
            }
            return Optional.empty();
        }
    }

    private SessionProbe() {
    }

    /**
     * Takes a snapshot over {@code session}.
     *
     * @param insideTransaction whether the session is inside a transaction block, which makes the
     *     transaction-local scan counters exact (see the class comment)
     */
    static Snapshot take(Connection session, boolean insideTransaction) throws SQLException {
        Map<Long, RelationState> relations = new HashMap<>();
        Set<LockRow> locks = new HashSet<>();
        List<String> searchPath = List.of();
        String relationsQuery = insideTransaction ? String.format(RELATIONS, "", "", "")
                : String.format(RELATIONS, " + pg_catalog.pg_stat_get_numscans(c.oid)",
                        " + pg_catalog.pg_stat_get_tuples_returned(c.oid)", " + pg_catalog.pg_stat_get_tuples_fetched(c.oid)");
        try (Statement statement = session.createStatement()) {
            statement.execute(relationsQuery + ";\n" + LOCKS + ";\n" + SEARCH_PATH);
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    RelationState relation = new RelationState(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getDouble(7), rs.getLong(8),
                            rs.getLong(9), rs.getLong(10));
                    relations.put(relation.oid(), relation);
                }
            }
            statement.getMoreResults();
            try (ResultSet rs = statement.getResultSet()) {
                while (rs.next()) {
                    locks.add(lockRow(rs));
                }
            }
            statement.getMoreResults();
            try (ResultSet rs = statement.getResultSet()) {
                if (rs.next()) {
                    Array array = rs.getArray(1);
                    searchPath = List.of((String[]) array.getArray());
                }
            }
        }
        return new Snapshot(Map.copyOf(relations), Set.copyOf(locks), searchPath, insideTransaction);
    }

    /** A {@link LockRow} from the columns of {@link #LOCK_COLUMNS}, which start at column 1 (the pid). */
    static LockRow lockRow(ResultSet rs) throws SQLException {
        return new LockRow(rs.getString(2), rs.getLong(3), rs.getString(6), LockRow.mode(rs.getString(4)),
                rs.getBoolean(5));
    }
}
