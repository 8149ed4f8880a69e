package dev.dbops.backup;

import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.schema.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code amcheck} on a restored copy: {@code bt_index_check(…, heapallindexed => true)} on every
 * valid B-tree index (each table row must be found in each of its indexes) and, on PostgreSQL 14+,
 * {@code verify_heapam} on every table. It installs the extension in the copy, which is thrown away.
 */
final class Amcheck {

    private Amcheck() {
    }

    /**
     * The corruption found; empty when none.
     *
     * @throws SQLException when amcheck cannot be installed (the caller reports it as not covered)
     */
    static List<Mismatch> run(PostgresUrl copy, int versionNum, DrillListener listener) throws SQLException {
        List<Mismatch> found = new ArrayList<>();
        try (Connection connection = PostgresConnector.open(copy)) {
            String schema;
            try (Statement statement = connection.createStatement()) {
                statement.execute("create extension if not exists amcheck");
                try (ResultSet rs = statement.executeQuery("select n.nspname from pg_catalog.pg_extension x"
                        + " join pg_catalog.pg_namespace n on n.oid = x.extnamespace where x.extname = 'amcheck'")) {
                    rs.next();
                    schema = Identifiers.quote(rs.getString(1));
                }
            }
            List<String[]> indexes = list(connection, "select c.oid::text, format('%I.%I', n.nspname, c.relname)"
                    + " from pg_catalog.pg_index i join pg_catalog.pg_class c on c.oid = i.indexrelid"
                    + " join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                    + " join pg_catalog.pg_am a on a.oid = c.relam"
                    + " where a.amname = 'btree' and i.indisvalid and i.indisready and c.relpersistence <> 't'"
                    + " order by 2");
            for (int i = 0; i < indexes.size(); i++) {
                index(connection, schema, indexes.get(i), found);
                listener.tableDone(DrillPhase.AMCHECK, indexes.get(i)[1], i + 1, indexes.size());
            }
            if (versionNum >= 140_000) {
                List<String[]> tables = list(connection, "select c.oid::text, format('%I.%I', n.nspname, c.relname)"
                        + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
                        + " where c.relkind in ('r', 'm') and c.relpersistence <> 't' order by 2");
                for (String[] table : tables) {
                    heap(connection, schema, table, found);
                }
            }
        }
        return found;
    }

    private static List<String[]> list(Connection connection, String sql) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return rows;
    }

    private static void index(Connection connection, String schema, String[] index, List<Mismatch> found) {
        try (PreparedStatement statement = connection.prepareStatement("select " + schema
                + ".bt_index_check(index => ?::oid::regclass, heapallindexed => true)")) {
            statement.setString(1, index[0]);
            statement.executeQuery().close();
        } catch (SQLException e) {
            found.add(new Mismatch(Mismatch.Kind.CORRUPTION, index[1], "", "", "bt_index_check: "
                    + e.getMessage().strip()));
        }
    }

    private static void heap(Connection connection, String schema, String[] table, List<Mismatch> found) {
        try (PreparedStatement statement = connection.prepareStatement("select blkno, offnum, msg from " + schema
                + ".verify_heapam(relation => ?::oid::regclass, check_toast => true) limit 5")) {
            statement.setString(1, table[0]);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(new Mismatch(Mismatch.Kind.CORRUPTION, table[1], "", "", "verify_heapam: block "
                            + rs.getLong(1) + ", item " + rs.getInt(2) + ": " + rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            found.add(new Mismatch(Mismatch.Kind.CORRUPTION, table[1], "", "", "verify_heapam failed: "
                    + e.getMessage().strip()));
        }
    }
}
