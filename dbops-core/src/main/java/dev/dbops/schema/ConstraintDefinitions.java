package dev.dbops.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Constraint definitions exactly as {@code pg_get_constraintdef} renders them, without a trailing
 * {@code NOT VALID} (validation is its own property). Primary keys, unique constraints and foreign
 * keys are built here from {@code pg_constraint}'s columns; CHECK and EXCLUDE constraints come
 * rendered by the server from the catalog query. A foreign key whose referenced table is outside
 * the inspected schemas (its name and column names were not read) is rendered and named by the
 * server, in one extra query for all of them.
 */
final class ConstraintDefinitions {

    private static final Logger LOG = LoggerFactory.getLogger(ConstraintDefinitions.class);

    private static final String SERVER_DEFINITIONS = """
            select con.oid, pg_catalog.pg_get_constraintdef(con.oid) as definition,
                   fn.nspname as ref_schema, fc.relname as ref_table
            from pg_catalog.pg_constraint con
            left join pg_catalog.pg_class fc on fc.oid = con.confrelid
            left join pg_catalog.pg_namespace fn on fn.oid = fc.relnamespace
            where con.oid = any(?::oid[])""";

    /**
     * A constraint's definition and, for a foreign key, the table it references.
     */
    record Rendered(String definition, Optional<ObjectRef> references) {
    }

    /**
     * One row of {@link CatalogQueries#CONSTRAINTS}.
     *
     * @param type {@code contype}: p, u, f, c or x
     * @param serverDefinition the server's rendering of a CHECK or EXCLUDE constraint
     * @param deleteSetColumns the columns of {@code ON DELETE SET NULL (…)}, as array text; null for all
     * @param period whether the last key column is a period ({@code WITHOUT OVERLAPS}, {@code PERIOD})
     * @param indexColumns {@code indnatts} of a key's index, so columns past the key are INCLUDE columns
     * @param indexKeys {@code indkey} of a key's index
     */
    record ConstraintRow(long oid, long table, String name, char type, Optional<String> serverDefinition,
            int[] keys, long referencedTable, int[] referencedKeys, char onUpdate, char onDelete, char match,
            String deleteSetColumns, boolean period, boolean enforced, int indexColumns, int[] indexKeys,
            boolean nullsNotDistinct, boolean validated, boolean deferrable, boolean deferred,
            Optional<String> comment) {
    }

    /** Reads {@link CatalogQueries#CONSTRAINTS}. */
    static List<ConstraintRow> read(Connection connection, String sql, String namespaces) throws SQLException {
        Reader reader = new Reader();
        CatalogRows.each(connection, sql, namespaces, reader);
        return reader.rows;
    }

    private static final class Reader extends CatalogRows.RowReader {
        private final List<ConstraintRow> rows = new ArrayList<>();
        private int oid;
        private int table;
        private int name;
        private int type;
        private int definition;
        private int keys;
        private int referencedTable;
        private int referencedKeys;
        private int onUpdate;
        private int onDelete;
        private int match;
        private int deleteSetColumns;
        private int period;
        private int enforced;
        private int indexColumns;
        private int indexKeys;
        private int nullsNotDistinct;
        private int validated;
        private int deferrable;
        private int deferred;
        private int description;

        @Override
        void columns(CatalogRow c) {
            oid = c.column("oid");
            table = c.column("conrelid");
            name = c.column("conname");
            type = c.column("contype");
            definition = c.column("definition");
            keys = c.column("conkey");
            referencedTable = c.column("confrelid");
            referencedKeys = c.column("confkey");
            onUpdate = c.column("confupdtype");
            onDelete = c.column("confdeltype");
            match = c.column("confmatchtype");
            deleteSetColumns = c.column("confdelsetcols");
            period = c.column("conperiod");
            enforced = c.column("conenforced");
            indexColumns = c.column("indnatts");
            indexKeys = c.column("indkey");
            nullsNotDistinct = c.column("indnullsnotdistinct");
            validated = c.column("convalidated");
            deferrable = c.column("condeferrable");
            deferred = c.column("condeferred");
            description = c.column("description");
        }

        @Override
        void read(CatalogRow row) {
            rows.add(new ConstraintRow(row.number(oid), row.number(table), row.text(name), row.character(type),
                    row.optionalText(definition), row.ints(keys), row.number(referencedTable),
                    row.ints(referencedKeys), row.character(onUpdate), row.character(onDelete),
                    row.character(match), row.nullableText(deleteSetColumns), row.bool(period), row.bool(enforced),
                    row.integer(indexColumns), row.ints(indexKeys), row.bool(nullsNotDistinct),
                    row.bool(validated), row.bool(deferrable), row.bool(deferred), row.optionalText(description)));
        }
    }

    private final OidMap<IndexDefinitions.RelationName> relations;
    private final RelationColumns columns;
    private final ServerQuoting quoting;

    /** @param relations the inspected tables, which foreign keys reference by OID */
    ConstraintDefinitions(OidMap<IndexDefinitions.RelationName> relations, RelationColumns columns,
            ServerQuoting quoting) {
        this.relations = relations;
        this.columns = columns;
        this.quoting = quoting;
    }

    /** Every constraint's definition and reference, by constraint OID; asks the server for those it does not render. */
    OidMap<Rendered> render(Connection connection, List<ConstraintRow> rows) throws SQLException {
        OidMap<Rendered> definitions = new OidMap<>(rows.size());
        List<Long> serverSide = new ArrayList<>();
        for (ConstraintRow row : rows) {
            Rendered rendered = rendered(row);
            if (rendered != null) {
                definitions.put(row.oid(), rendered);
            } else {
                serverSide.add(row.oid());
            }
        }
        if (!serverSide.isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(SERVER_DEFINITIONS)) {
                statement.setString(1, CatalogArrays.literal(serverSide));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        String schema = rs.getString("ref_schema");
                        Optional<ObjectRef> references = Optional.ofNullable(rs.getString("ref_table"))
                                .map(table -> new ObjectRef(ObjectKind.TABLE, schema, table));
                        definitions.put(rs.getLong("oid"), new Rendered(
                                CatalogReader.withoutNotValid(rs.getString("definition")), references));
                    }
                }
            }
        }
        LOG.debug("{} constraint definitions, {} asked for", rows.size(), serverSide.size());
        return definitions;
    }

    /** The definition and reference, or null when the server is to render it. */
    private Rendered rendered(ConstraintRow row) {
        Optional<ObjectRef> references = Optional.empty();
        if (row.referencedTable() != 0) {
            IndexDefinitions.RelationName table = relations.get(row.referencedTable());
            if (table == null) {
                return null;
            }
            references = Optional.of(new ObjectRef(ObjectKind.TABLE, table.schema(), table.name()));
        }
        Optional<String> definition = row.serverDefinition().isPresent()
                ? row.serverDefinition().map(CatalogReader::withoutNotValid)
                : definition(row, references);
        return definition.isPresent() ? new Rendered(definition.get(), references) : null;
    }

    private Optional<String> definition(ConstraintRow row, Optional<ObjectRef> references) {
        StringBuilder sql = new StringBuilder();
        boolean complete = switch (row.type()) {
            case 'p', 'u' -> key(row, sql);
            case 'f' -> references.isPresent() && foreignKey(row, references.get(), sql);
            default -> false;
        };
        if (!complete) {
            return Optional.empty();
        }
        if (row.deferrable()) {
            sql.append(" DEFERRABLE");
        }
        if (row.deferred()) {
            sql.append(" INITIALLY DEFERRED");
        }
        if (!row.enforced()) {
            sql.append(" NOT ENFORCED");
        }
        return Optional.of(sql.toString());
    }

    private boolean key(ConstraintRow row, StringBuilder sql) {
        if (row.indexKeys().length == 0) {
            return false;
        }
        sql.append(row.type() == 'p' ? "PRIMARY KEY " : "UNIQUE ");
        if (row.type() == 'u' && row.nullsNotDistinct()) {
            sql.append("NULLS NOT DISTINCT ");
        }
        sql.append('(');
        if (!columnList(row.table(), row.keys(), false, sql)) {
            return false;
        }
        if (row.period()) {
            sql.append(" WITHOUT OVERLAPS");
        }
        sql.append(')');
        int keyCount = row.keys().length;
        if (row.indexColumns() > keyCount) {
            sql.append(" INCLUDE (");
            for (int j = keyCount; j < row.indexKeys().length; j++) {
                String name = columns.name(row.table(), row.indexKeys()[j]);
                if (name == null) {
                    return false;
                }
                sql.append(j > keyCount ? ", " : "").append(quoting.identifier(name));
            }
            sql.append(')');
        }
        return true;
    }

    private boolean foreignKey(ConstraintRow row, ObjectRef referenced, StringBuilder sql) {
        sql.append("FOREIGN KEY (");
        if (!columnList(row.table(), row.keys(), row.period(), sql)) {
            return false;
        }
        sql.append(") REFERENCES ").append(quoting.qualified(referenced.schema(), referenced.name())).append('(');
        if (!columnList(row.referencedTable(), row.referencedKeys(), row.period(), sql)) {
            return false;
        }
        sql.append(')');
        switch (row.match()) {
            case 'f' -> sql.append(" MATCH FULL");
            case 'p' -> sql.append(" MATCH PARTIAL");
            case 's' -> { }
            default -> {
                return false;
            }
        }
        String onUpdate = action(row.onUpdate());
        String onDelete = action(row.onDelete());
        if (onUpdate == null || onDelete == null) {
            return false;
        }
        if (!onUpdate.isEmpty()) {
            sql.append(" ON UPDATE ").append(onUpdate);
        }
        if (!onDelete.isEmpty()) {
            sql.append(" ON DELETE ").append(onDelete);
        }
        if (row.deleteSetColumns() != null) {
            sql.append(" (");
            if (!columnList(row.table(), CatalogArrays.ints(row.deleteSetColumns()), false, sql)) {
                return false;
            }
            sql.append(')');
        }
        return true;
    }

    /** A referential action as printed; empty for NO ACTION (the default), null when unknown. */
    private static String action(char code) {
        return switch (code) {
            case 'a' -> "";
            case 'r' -> "RESTRICT";
            case 'c' -> "CASCADE";
            case 'n' -> "SET NULL";
            case 'd' -> "SET DEFAULT";
            default -> null;
        };
    }

    /** {@code decompile_column_index_array}; false when a column is unknown. */
    private boolean columnList(long relation, int[] attnums, boolean withPeriod, StringBuilder sql) {
        if (attnums.length == 0) {
            return false;
        }
        for (int j = 0; j < attnums.length; j++) {
            String name = columns.name(relation, attnums[j]);
            if (name == null) {
                return false;
            }
            if (j > 0) {
                sql.append(", ").append(withPeriod && j == attnums.length - 1 ? "PERIOD " : "");
            }
            sql.append(quoting.identifier(name));
        }
        return true;
    }
}
