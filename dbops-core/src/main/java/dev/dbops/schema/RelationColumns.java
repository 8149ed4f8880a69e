package dev.dbops.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of every inspected relation by OID, in attribute-number order, with the type and
 * collation OIDs that rendering index and constraint definitions needs next to the model's
 * {@link Column}.
 */
final class RelationColumns {

    /**
     * One column as the catalog query read it; {@code column} has no comment and no identity yet.
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

    /** A type with its modifier, which {@code format_type} names. */
    private record TypeAndModifier(long type, int modifier) {
    }

    /** A column before its type is named. */
    private record Unnamed(long relation, int attnum, String name, TypeAndModifier type, long collationOid,
            Optional<String> collation, boolean notNull, Optional<String> defaultValue, String identityKind,
            Optional<String> generated, boolean inherited, List<Grant> grants) {
    }

    private static final String TYPE_NAMES = """
            select u.type, u.modifier, pg_catalog.format_type(u.type, u.modifier) as name
            from unnest(?::oid[], ?::int[]) as u(type, modifier)""";

    /**
     * Reads {@link CatalogQueries#COLUMNS}, one list per relation, in the order the rows come, and
     * names their types: a catalog of thousands of columns has a dozen distinct types.
     */
    static Map<Long, List<ColumnRow>> read(Connection connection, String sql, String namespaces) throws SQLException {
        List<Unnamed> rows = new ArrayList<>();
        Set<TypeAndModifier> types = new HashSet<>();
        CatalogRows.each(connection, sql, namespaces, rs -> {
            TypeAndModifier type = new TypeAndModifier(rs.getLong("atttypid"), rs.getInt("atttypmod"));
            types.add(type);
            rows.add(new Unnamed(rs.getLong("attrelid"), rs.getInt("attnum"), rs.getString("attname"), type,
                    rs.getLong("attcollation"), CatalogRows.text(rs, "collation"), rs.getBoolean("attnotnull"),
                    CatalogRows.text(rs, "default_value"), rs.getString("attidentity"),
                    CatalogRows.text(rs, "generated"), rs.getBoolean("inherited"), CatalogRows.acl(rs, "acl")));
        });
        Map<TypeAndModifier, String> names = typeNames(connection, types);
        Map<Long, List<ColumnRow>> columns = new HashMap<>();
        for (Unnamed row : rows) {
            Column column = new Column(row.name(), names.get(row.type()), row.collation(), row.notNull(),
                    row.defaultValue(), Optional.empty(), row.generated(), row.inherited(), Optional.empty(),
                    row.grants());
            columns.computeIfAbsent(row.relation(), k -> new ArrayList<>()).add(new ColumnRow(row.attnum(),
                    row.type().type(), row.collationOid(), row.identityKind(), column));
        }
        return columns;
    }

    private static Map<TypeAndModifier, String> typeNames(Connection connection, Set<TypeAndModifier> types)
            throws SQLException {
        Map<TypeAndModifier, String> names = new HashMap<>();
        if (types.isEmpty()) {
            return names;
        }
        List<TypeAndModifier> list = List.copyOf(types);
        try (PreparedStatement statement = connection.prepareStatement(TYPE_NAMES)) {
            statement.setString(1, CatalogArrays.literal(list.stream().map(TypeAndModifier::type).toList()));
            statement.setString(2, list.stream().map(t -> Integer.toString(t.modifier()))
                    .collect(Collectors.joining(",", "{", "}")));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    names.put(new TypeAndModifier(rs.getLong("type"), rs.getInt("modifier")), rs.getString("name"));
                }
            }
        }
        return names;
    }
}
