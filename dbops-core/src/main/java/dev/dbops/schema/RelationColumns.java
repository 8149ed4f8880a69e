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
     * One column as the catalog queries read it; {@code column} has no comment and no identity yet.
     *
     * @param identityKind {@code attidentity}: a space, {@code a} (ALWAYS) or {@code d} (BY DEFAULT)
     */
    record ColumnRow(int attnum, long typeOid, long collationOid, char identityKind, Column column) {
    }

    private final OidMap<List<ColumnRow>> byRelation;

    private RelationColumns(OidMap<List<ColumnRow>> byRelation) {
        this.byRelation = byRelation;
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

    /** The columns {@link #read} read and the names of their types and collations, waiting for their defaults. */
    static final class Read {
        private final List<Unnamed> columns;
        private final Map<TypeAndModifier, TypeName> typeNames;
        private final Map<Long, String> collationNames;

        private Read(List<Unnamed> columns, Map<TypeAndModifier, TypeName> typeNames,
                Map<Long, String> collationNames) {
            this.columns = columns;
            this.typeNames = typeNames;
            this.collationNames = collationNames;
        }
    }

    /** A type with its modifier, which {@code format_type} names. */
    private record TypeAndModifier(long type, int modifier) {
    }

    /** The name of a type with its modifier, and the collation the type has by default. */
    private record TypeName(String name, long collation) {
    }

    /** A column read by {@link CatalogQueries#COLUMNS} before its type and collation are named. */
    private record Unnamed(long relation, int attnum, String name, TypeAndModifier type, long collationOid,
            boolean notNull, char identityKind, boolean generated, boolean inherited, List<Grant> grants) {
    }

    /**
     * Names every distinct type with its modifier ({@code format_type}, with the type's default
     * collation) and every distinct collation (qualified and quoted, as {@code quote_ident} does), in
     * one round trip: a catalog of thousands of columns has a dozen of each.
     */
    private static final String NAMES = """
            select 't' as kind, u.type as oid, u.modifier, pg_catalog.format_type(u.type, u.modifier) as name,
                   coalesce(t.typcollation, 0) as collation
            from unnest(?::oid[], ?::int[]) as u(type, modifier)
            left join pg_catalog.pg_type t on t.oid = u.type
            union all
            select 'c', co.oid, 0, pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname), 0
            from pg_catalog.pg_collation co
            join pg_catalog.pg_namespace cn on cn.oid = co.collnamespace
            where co.oid = any(?::oid[])""";

    /** Reads {@link CatalogQueries#COLUMNS}, in the order the rows come, and names their types and collations. */
    static Read read(Connection connection, String sql, String namespaces) throws SQLException {
        ColumnReader reader = new ColumnReader();
        CatalogRows.each(connection, sql, namespaces, reader);
        Map<TypeAndModifier, TypeName> typeNames = new HashMap<>();
        Map<Long, String> collationNames = new HashMap<>();
        readNames(connection, reader.types, reader.collations, typeNames, collationNames);
        return new Read(reader.rows, typeNames, collationNames);
    }

    /** Reads the rows of {@link CatalogQueries#COLUMNS} and collects their distinct types and collations. */
    private static final class ColumnReader extends CatalogRows.RowReader {
        private final List<Unnamed> rows = new ArrayList<>();
        private final Set<TypeAndModifier> types = new HashSet<>();
        private final Set<Long> collations = new HashSet<>();
        private TypeAndModifier lastType;
        private int relation;
        private int attnum;
        private int name;
        private int typeOid;
        private int modifier;
        private int collation;
        private int notNull;
        private int identity;
        private int generated;
        private int local;
        private int acl;

        @Override
        void columns(CatalogRow c) {
            relation = c.column("attrelid");
            attnum = c.column("attnum");
            name = c.column("attname");
            typeOid = c.column("atttypid");
            modifier = c.column("atttypmod");
            collation = c.column("attcollation");
            notNull = c.column("attnotnull");
            identity = c.column("attidentity");
            generated = c.column("attgenerated");
            local = c.column("attislocal");
            acl = c.column("acl");
        }

        @Override
        void read(CatalogRow row) {
            long typeValue = row.number(typeOid);
            // NULL stands for -1, no modifier (see CatalogQueries.COLUMNS).
            int modifierValue = row.isNull(modifier) ? -1 : row.integer(modifier);
            TypeAndModifier type = lastType;
            // Columns come table by table, and neighbours often share a type: reuse the last key.
            if (type == null || type.type() != typeValue || type.modifier() != modifierValue) {
                type = new TypeAndModifier(typeValue, modifierValue);
                types.add(type);
                lastType = type;
            }
            long collationOid = row.number(collation);
            if (collationOid != 0) {
                collations.add(collationOid);
            }
            rows.add(new Unnamed(row.number(relation), row.integer(attnum), row.text(name), type, collationOid,
                    row.bool(notNull), row.character(identity), row.character(generated) != ' ', !row.bool(local),
                    row.acl(acl)));
        }
    }

    private static void readNames(Connection connection, Set<TypeAndModifier> types, Set<Long> collations,
            Map<TypeAndModifier, TypeName> typeNames, Map<Long, String> collationNames) throws SQLException {
        if (types.isEmpty()) {
            return;
        }
        List<TypeAndModifier> list = List.copyOf(types);
        try (PreparedStatement statement = connection.prepareStatement(NAMES)) {
            statement.setString(1, CatalogArrays.literal(list.stream().map(TypeAndModifier::type).toList()));
            statement.setString(2, list.stream().map(t -> Integer.toString(t.modifier()))
                    .collect(Collectors.joining(",", "{", "}")));
            statement.setString(3, CatalogArrays.literal(collations));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    if ("t".equals(rs.getString("kind"))) {
                        typeNames.put(new TypeAndModifier(rs.getLong("oid"), rs.getInt("modifier")),
                                new TypeName(rs.getString("name"), rs.getLong("collation")));
                    } else {
                        collationNames.put(rs.getLong("oid"), rs.getString("name"));
                    }
                }
            }
        }
    }

    /**
     * Reads {@link CatalogQueries#DEFAULTS}: each column's default or generation expression, by
     * {@link #key}.
     */
    static OidMap<String> defaults(Connection connection, String sql, String namespaces) throws SQLException {
        OidMap<String> defaults = new OidMap<>(1024);
        CatalogRows.each(connection, sql, namespaces, new CatalogRows.RowReader() {
            private int relation;
            private int attnum;
            private int expression;

            @Override
            void columns(CatalogRow c) {
                relation = c.column("adrelid");
                attnum = c.column("adnum");
                expression = c.column("expression");
            }

            @Override
            void read(CatalogRow row) {
                // NULL: an expression with columns of a relation that is not inspected, left unrendered.
                if (!row.isNull(expression)) {
                    defaults.put(key(row.number(relation), row.integer(attnum)), row.text(expression));
                }
            }
        });
        return defaults;
    }

    private static final Comparator<ColumnRow> BY_ATTNUM = Comparator.comparingInt(ColumnRow::attnum);

    /** A column by relation OID (32 bits) and attribute number (at most 1,664), in one number. */
    private static long key(long relation, int attnum) {
        return (relation << 16) | attnum;
    }

    /**
     * The columns with their defaults, each relation's sorted by attribute number (the query
     * returns them in no particular order).
     */
    static RelationColumns of(Read read, OidMap<String> defaults) {
        OidMap<List<ColumnRow>> columns = new OidMap<>(1024);
        List<ColumnRow> current = null;
        long currentRelation = -1;
        for (Unnamed row : read.columns) {
            if (currentRelation != row.relation()) {
                currentRelation = row.relation();
                current = columns.computeIfAbsent(currentRelation, k -> new ArrayList<>());
            }
            current.add(columnRow(row, read, defaults));
        }
        columns.forEachValue(RelationColumns::sortByAttnum);
        return new RelationColumns(columns);
    }

    /** Puts a relation's columns in attribute-number order; the catalog usually returns them so already. */
    private static void sortByAttnum(List<ColumnRow> list) {
        for (int i = 1; i < list.size(); i++) {
            if (list.get(i - 1).attnum() > list.get(i).attnum()) {
                list.sort(BY_ATTNUM);
                return;
            }
        }
    }

    private static ColumnRow columnRow(Unnamed row, Read read, OidMap<String> defaults) {
        TypeName type = read.typeNames.get(row.type());
        // A collation is shown when it is not the type's default, as long as it exists.
        Optional<String> collation = row.collationOid() != type.collation()
                ? Optional.ofNullable(read.collationNames.get(row.collationOid()))
                : Optional.empty();
        Optional<String> expression = Optional.ofNullable(defaults.get(key(row.relation(), row.attnum())));
        Column column = new Column(row.name(), type.name(), collation, row.notNull(),
                row.generated() ? Optional.empty() : expression, Optional.empty(),
                row.generated() ? expression : Optional.empty(), row.inherited(), Optional.empty(), row.grants());
        return new ColumnRow(row.attnum(), row.type().type(), row.collationOid(), row.identityKind(), column);
    }
}
