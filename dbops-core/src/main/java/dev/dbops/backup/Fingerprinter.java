package dev.dbops.backup;

import dev.dbops.schema.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The catalog side of fingerprinting, on a connection already inside a {@link FingerprintSession}:
 * which relations hold data, which hash method each table allows, and the state of sequences.
 * The per-table hashing itself runs in parallel in {@link TableHashing}.
 */
final class Fingerprinter {

    /** Sequences read per query; each adds one {@code UNION ALL} branch. */
    private static final int SEQUENCES_PER_QUERY = 500;

    private Fingerprinter() {
    }

    /** A table to hash, with its size on disk for scheduling the largest first. */
    record TableRef(String schema, String name, long bytes) {
        String key() {
            return schema + "." + name;
        }

        String sql() {
            return Identifiers.qualified(schema, name);
        }
    }

    /** A sequence and its increment. */
    record SequenceRef(String schema, String name, long increment) {
        String key() {
            return schema + "." + name;
        }
    }

    /**
     * What a database holds.
     *
     * @param tables ordinary tables and partitions, not those of extensions
     * @param sequences every sequence outside the system schemas, identity sequences included
     * @param notFingerprinted what holds data but is not fingerprinted, in words
     */
    record Relations(List<TableRef> tables, List<SequenceRef> sequences, List<String> notFingerprinted) {
    }

    /** Lists the relations of the database in the current snapshot. */
    static Relations relations(Connection connection) throws SQLException {
        List<TableRef> tables = new ArrayList<>();
        List<SequenceRef> sequences = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String sql = "select n.nspname, c.relname, c.relkind::text, pg_catalog.pg_relation_size(c.oid),"
                + " coalesce(s.seqincrement, 0),"
                + " exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
                + "   and d.objid = c.oid and d.deptype = 'e')"
                + " from pg_catalog.pg_class c"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " left join pg_catalog.pg_sequence s on s.seqrelid = c.oid"
                + " where c.relkind in ('r', 'S', 'm', 'f') and c.relpersistence <> 't'"
                + " and n.nspname !~ '^pg_' and n.nspname <> 'information_schema'"
                + " order by n.nspname, c.relname";
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                String schema = rs.getString(1);
                String name = rs.getString(2);
                String kind = rs.getString(3);
                boolean ofExtension = rs.getBoolean(6);
                String qualified = schema + "." + name;
                if (ofExtension) {
                    skipped.add("table of an extension " + qualified + " (CREATE EXTENSION recreates it)");
                } else if (kind.equals("r")) {
                    tables.add(new TableRef(schema, name, rs.getLong(4)));
                } else if (kind.equals("S")) {
                    sequences.add(new SequenceRef(schema, name, rs.getLong(5)));
                } else if (kind.equals("m")) {
                    skipped.add("materialized view " + qualified + " (a restore refreshes it from the restored tables)");
                } else {
                    skipped.add("foreign table " + qualified + " (its data is not in the database)");
                }
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select count(*) from pg_catalog.pg_largeobject_metadata")) {
            rs.next();
            long largeObjects = rs.getLong(1);
            if (largeObjects > 0) {
                skipped.add(largeObjects + " large object(s) (their count and content are not compared)");
            }
        }
        return new Relations(tables, sequences, skipped);
    }

    /**
     * Chooses the method of each table: {@link FingerprintMethod#TYPE_HASH} where the server has
     * {@code hash_record_extended} (PostgreSQL 14+) and every column type can be hashed, else
     * {@link FingerprintMethod#ROW_TEXT}. Each probe runs in a savepoint, so a type without a hash
     * function costs one rolled-back savepoint, not the transaction.
     */
    static Map<String, FingerprintMethod> chooseMethods(Connection connection, List<TableRef> tables,
            int versionNum, boolean rowTextOnly) throws SQLException {
        Map<String, FingerprintMethod> methods = new HashMap<>();
        boolean typeHashAvailable = versionNum >= 140_000 && !rowTextOnly;
        for (TableRef table : tables) {
            methods.put(table.key(), typeHashAvailable && typeHashWorks(connection, table)
                    ? FingerprintMethod.TYPE_HASH : FingerprintMethod.ROW_TEXT);
        }
        return methods;
    }

    private static boolean typeHashWorks(Connection connection, TableRef table) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try (Statement statement = connection.createStatement()) {
            // A row of NULLs still makes hash_record_extended look up every column type's hash function.
            statement.executeQuery("select pg_catalog.hash_record_extended(pg_catalog.json_populate_record(null::"
                    + table.sql() + ", '{}'), 0)").close();
            connection.releaseSavepoint(savepoint);
            return true;
        } catch (SQLException e) {
            connection.rollback(savepoint);
            return false;
        }
    }

    /** The query that counts and hashes one table. */
    static String hashQuery(TableRef table, FingerprintMethod method) {
        String rowHash = switch (method) {
            case TYPE_HASH -> "pg_catalog.hash_record_extended((r.*), 0)";
            case ROW_TEXT -> "pg_catalog.hashtextextended((r.*)::pg_catalog.text, 0)";
        };
        return "select count(*), coalesce(sum(" + rowHash + "), 0)::pg_catalog.text from only " + table.sql() + " r";
    }

    /** Reads {@code last_value} and {@code is_called} of every sequence, many per query. */
    static Map<String, SequenceFingerprint.State> sequenceStates(Connection connection, List<SequenceRef> sequences)
            throws SQLException {
        Map<String, SequenceFingerprint.State> states = new HashMap<>();
        for (int from = 0; from < sequences.size(); from += SEQUENCES_PER_QUERY) {
            List<SequenceRef> chunk = sequences.subList(from, Math.min(sequences.size(), from + SEQUENCES_PER_QUERY));
            StringBuilder sql = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                SequenceRef sequence = chunk.get(i);
                sql.append(i == 0 ? "" : " union all ").append("select ").append(i)
                        .append(", last_value, is_called from ")
                        .append(Identifiers.qualified(sequence.schema(), sequence.name()));
            }
            try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql.toString())) {
                while (rs.next()) {
                    states.put(chunk.get(rs.getInt(1)).key(), new SequenceFingerprint.State(rs.getLong(2), rs.getBoolean(3)));
                }
            }
        }
        return states;
    }
}
