package dev.dbops.backup;

import dev.dbops.schema.Identifiers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    /** Sequences read or tables locked per statement. */
    private static final int OBJECTS_PER_QUERY = 500;

    private Fingerprinter() {
    }

    /**
     * A table to hash, with its size on disk for scheduling the largest first.
     *
     * @param columns its live columns in attribute-number order, for {@link FingerprintMethod#COLUMN_HASH}
     */
    record TableRef(String schema, String name, long bytes, List<RowHash.Column> columns) {
        TableRef {
            columns = List.copyOf(columns);
        }

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

    /** Lists the relations of the database in the current snapshot, with the columns of every table. */
    static Relations relations(Connection connection, int versionNum) throws SQLException {
        Map<Long, List<RowHash.Column>> columns = columns(connection, versionNum);
        List<TableRef> tables = new ArrayList<>();
        List<SequenceRef> sequences = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        String sql = "select n.nspname, c.relname, c.relkind::text, pg_catalog.pg_relation_size(c.oid),"
                + " coalesce(s.seqincrement, 0),"
                + " exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
                + "   and d.objid = c.oid and d.deptype = 'e'), c.oid"
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
                    tables.add(new TableRef(schema, name, rs.getLong(4), columns.getOrDefault(rs.getLong(7), List.of())));
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
     * The live columns of every ordinary table, in attribute-number order, each with the encoding of its
     * type (domains resolved to their base type). A column counts as NOT NULL only when no row can be
     * NULL: on PostgreSQL 18, whose NOT NULL constraints may be NOT VALID, only a validated one counts.
     */
    private static Map<Long, List<RowHash.Column>> columns(Connection connection, int versionNum) throws SQLException {
        Map<Long, Long> domainBase = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select oid, typbasetype from pg_catalog.pg_type where typtype = 'd'")) {
            while (rs.next()) {
                domainBase.put(rs.getLong(1), rs.getLong(2));
            }
        }
        String notNull = versionNum >= 180_000
                ? "a.attnotnull and exists (select 1 from pg_catalog.pg_constraint k where k.conrelid = a.attrelid"
                        + " and k.contype = 'n' and k.conkey[1] = a.attnum and k.convalidated)"
                : "a.attnotnull";
        String sql = "select a.attrelid, a.attname, a.atttypid, " + notNull
                + " from pg_catalog.pg_attribute a join pg_catalog.pg_class c on c.oid = a.attrelid"
                + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                + " where c.relkind = 'r' and a.attnum > 0 and not a.attisdropped"
                + " and n.nspname !~ '^pg_' and n.nspname <> 'information_schema'"
                + " order by a.attrelid, a.attnum";
        Map<Long, List<RowHash.Column>> columns = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                long type = rs.getLong(3);
                for (int depth = 0; domainBase.containsKey(type) && depth < 100; depth++) {
                    type = domainBase.get(type);
                }
                columns.computeIfAbsent(rs.getLong(1), table -> new ArrayList<>())
                        .add(new RowHash.Column(rs.getString(2), ColumnEncoding.forBaseType(type), rs.getBoolean(4)));
            }
        }
        return columns;
    }

    /**
     * The method of each table: {@link FingerprintMethod#COLUMN_HASH}, or {@link FingerprintMethod#ROW_TEXT}
     * for every table when asked to hash the row text.
     */
    static Map<String, FingerprintMethod> chooseMethods(List<TableRef> tables, boolean rowTextOnly) {
        Map<String, FingerprintMethod> methods = new HashMap<>();
        for (TableRef table : tables) {
            methods.put(table.key(), rowTextOnly ? FingerprintMethod.ROW_TEXT : FingerprintMethod.COLUMN_HASH);
        }
        return methods;
    }

    /** The query that counts and hashes one table. */
    static String hashQuery(TableRef table, FingerprintMethod method) {
        String rowHash = switch (method) {
            case COLUMN_HASH -> RowHash.expression("r", table.columns());
            case TYPE_HASH -> "pg_catalog.hash_record_extended((r.*), 0)";
            case ROW_TEXT -> "pg_catalog.hashtextextended((r.*)::pg_catalog.text, 0)";
        };
        return "select count(*), coalesce(sum(" + rowHash + "), 0)::pg_catalog.text from only " + table.sql() + " r";
    }

    /**
     * Locks the tables in {@code ACCESS SHARE} mode for the rest of the transaction, as pg_dump does: it
     * conflicts only with {@code ACCESS EXCLUSIVE} (DDL such as {@code ALTER TABLE}, {@code DROP},
     * {@code TRUNCATE}), so the tables keep the structure of the snapshot while they are hashed and dumped.
     * Waits at most the session's {@code lock_timeout} for each.
     */
    static void lockTables(Connection connection, List<TableRef> tables) throws SQLException {
        for (int from = 0; from < tables.size(); from += OBJECTS_PER_QUERY) {
            List<TableRef> chunk = tables.subList(from, Math.min(tables.size(), from + OBJECTS_PER_QUERY));
            StringBuilder sql = new StringBuilder("lock table only ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(chunk.get(i).sql());
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql.append(" in access share mode").toString());
            }
        }
    }

    /** Reads {@code last_value} and {@code is_called} of every sequence, many per query. */
    static Map<String, SequenceFingerprint.State> sequenceStates(Connection connection, List<SequenceRef> sequences)
            throws SQLException {
        Map<String, SequenceFingerprint.State> states = new HashMap<>();
        for (int from = 0; from < sequences.size(); from += OBJECTS_PER_QUERY) {
            List<SequenceRef> chunk = sequences.subList(from, Math.min(sequences.size(), from + OBJECTS_PER_QUERY));
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
