package dev.dbops.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The columns of every inspected relation by OID, in attribute-number order, with the type and
 * collation OIDs that rendering index and constraint definitions needs next to the model's
 * {@link Column}.
 */
final class RelationColumns {

    /**
     * One column as the catalog query read it.
     *
     * @param identityKind {@code attidentity}: empty, {@code a} (ALWAYS) or {@code d} (BY DEFAULT)
     */
    record ColumnRow(int attnum, long typeOid, long collationOid, String identityKind, Column column) {
    }

    private final Map<Long, List<ColumnRow>> byRelation;

    private RelationColumns(Map<Long, List<ColumnRow>> byRelation) {
        this.byRelation = byRelation;
    }

    /** Sorts each relation's columns by attribute number; the query returns them in no particular order. */
    static RelationColumns of(Map<Long, List<ColumnRow>> byRelation) {
        for (List<ColumnRow> columns : byRelation.values()) {
            columns.sort(Comparator.comparingInt(ColumnRow::attnum));
        }
        return new RelationColumns(byRelation);
    }

    /** The relation's columns in attribute-number order; empty when it has none or is unknown. */
    List<ColumnRow> of(long relation) {
        return byRelation.getOrDefault(relation, List.of());
    }

    /** The column with this attribute number, or null (dropped, a system column, or an unknown relation). */
    ColumnRow find(long relation, int attnum) {
        List<ColumnRow> columns = byRelation.get(relation);
        if (columns == null || attnum < 1) {
            return null;
        }
        // Usually no column was ever dropped, so attribute n sits at n - 1.
        if (attnum <= columns.size() && columns.get(attnum - 1).attnum() == attnum) {
            return columns.get(attnum - 1);
        }
        int low = 0;
        int high = columns.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int found = columns.get(middle).attnum();
            if (found == attnum) {
                return columns.get(middle);
            }
            if (found < attnum) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return null;
    }

    /** The name of a column, or null; for predicates and column lists. */
    String name(long relation, int attnum) {
        ColumnRow row = find(relation, attnum);
        return row == null ? null : row.column().name();
    }

    /** Reads {@link CatalogQueries#COLUMNS}, one list per relation, in the order the rows come. */
    static Map<Long, List<ColumnRow>> read(Connection connection, String sql, String namespaces) throws SQLException {
        Map<Long, List<ColumnRow>> columns = new HashMap<>();
        CatalogRows.each(connection, sql, namespaces, rs -> {
            Column column = new Column(rs.getString("attname"), rs.getString("type"), CatalogRows.text(rs, "collation"),
                    rs.getBoolean("attnotnull"), CatalogRows.text(rs, "default_value"), Optional.empty(),
                    CatalogRows.text(rs, "generated"), rs.getBoolean("inherited"), CatalogRows.text(rs, "description"),
                    CatalogRows.acl(rs, "acl"));
            columns.computeIfAbsent(rs.getLong("attrelid"), k -> new ArrayList<>()).add(new ColumnRow(
                    rs.getInt("attnum"), rs.getLong("atttypid"), rs.getLong("attcollation"),
                    rs.getString("attidentity"), column));
        });
        return columns;
    }
}
