package dev.dbops.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Index definitions exactly as {@code pg_get_indexdef} renders them, built from the parts of
 * {@code pg_index}: {@code CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING method (columns
 * with COLLATE, a non-default operator class, DESC and NULLS FIRST/LAST) [INCLUDE (…)]
 * [NULLS NOT DISTINCT] [WITH (…)] [WHERE …]}.
 *
 * <p>What is not rendered here is rendered by the server, in one extra query for all of them: an
 * index whose operator class can carry per-column options, a predicate that {@link SimplePredicate}
 * does not cover, or anything the catalog left ambiguous. Indexes on expressions come rendered by
 * the server from the catalog query itself.
 */
final class IndexDefinitions {

    private static final Logger LOG = LoggerFactory.getLogger(IndexDefinitions.class);

    private static final int INDOPTION_DESC = 0x0001;
    private static final int INDOPTION_NULLS_FIRST = 0x0002;

    private static final String COLLATIONS = """
            select co.oid, co.collname, n.nspname
            from pg_catalog.pg_collation co
            join pg_catalog.pg_namespace n on n.oid = co.collnamespace
            where co.oid = any(?::oid[])""";

    private static final String SERVER_DEFINITIONS = """
            select x.indexrelid, pg_catalog.pg_get_indexdef(x.indexrelid) as definition
            from pg_catalog.pg_index x
            where x.indexrelid = any(?::oid[])""";

    /**
     * One row of {@link CatalogQueries#INDEXES}.
     *
     * @param partitioned whether it is a partitioned table's index, printed {@code ON ONLY}
     * @param keys attribute numbers of the key columns, then of the INCLUDE columns; 0 for an expression
     * @param serverDefinition the server's rendering, when the index has expressions
     * @param predicate the stored predicate of a partial index, as node text
     * @param valid {@code indisvalid}
     */
    record IndexRow(long oid, long table, String name, boolean partitioned, long method, boolean unique,
            boolean nullsNotDistinct, int keyCount, int[] keys, long[] opClasses, long[] collations, int[] flags,
            List<String> options, Optional<String> serverDefinition, Optional<String> predicate, boolean valid,
            Optional<String> comment) {
    }

    /** A relation's schema and name, for {@code ON schema.table}. */
    record RelationName(String schema, String name) {
    }

    /** Reads {@link CatalogQueries#INDEXES}. */
    static List<IndexRow> read(Connection connection, String sql, String namespaces) throws SQLException {
        Reader reader = new Reader();
        CatalogRows.each(connection, sql, namespaces, reader);
        return reader.rows;
    }

    private static final class Reader extends CatalogRows.RowReader {
        private final List<IndexRow> rows = new ArrayList<>();
        private int oid;
        private int table;
        private int name;
        private int relkind;
        private int method;
        private int unique;
        private int nullsNotDistinct;
        private int keyCount;
        private int keys;
        private int opClasses;
        private int collations;
        private int flags;
        private int options;
        private int definition;
        private int predicate;
        private int valid;
        private int description;

        @Override
        void columns(CatalogRow c) {
            oid = c.column("indexrelid");
            table = c.column("indrelid");
            name = c.column("relname");
            relkind = c.column("relkind");
            method = c.column("relam");
            unique = c.column("indisunique");
            nullsNotDistinct = c.column("indnullsnotdistinct");
            keyCount = c.column("indnkeyatts");
            keys = c.column("indkey");
            opClasses = c.column("indclass");
            collations = c.column("indcollation");
            flags = c.column("indoption");
            options = c.column("options");
            definition = c.column("definition");
            predicate = c.column("predicate");
            valid = c.column("indisvalid");
            description = c.column("description");
        }

        @Override
        void read(CatalogRow row) {
            rows.add(new IndexRow(row.number(oid), row.number(table), row.text(name), row.character(relkind) == 'I',
                    row.number(method), row.bool(unique), row.bool(nullsNotDistinct), row.integer(keyCount),
                    row.ints(keys), row.numbers(opClasses), row.numbers(collations), row.ints(flags),
                    row.textArray(options), row.optionalText(definition), row.optionalText(predicate),
                    row.bool(valid), row.optionalText(description)));
        }
    }

    private final OidMap<RelationName> relations;
    private final RelationColumns columns;
    private final OperatorClasses opClasses;
    private final ServerQuoting quoting;

    IndexDefinitions(OidMap<RelationName> relations, RelationColumns columns, OperatorClasses opClasses,
            ServerQuoting quoting) {
        this.relations = relations;
        this.columns = columns;
        this.opClasses = opClasses;
        this.quoting = quoting;
    }

    /** The definition of every index, by index OID; asks the server for the ones it does not render. */
    OidMap<String> render(Connection connection, int serverVersion, List<IndexRow> rows) throws SQLException {
        Rendering rendering = new Rendering(rows.size());
        // The loops only call: a loop body of its own is compiled once, not again inside the loop's OSR compilation.
        for (IndexRow row : rows) {
            prepare(row, rendering);
        }
        Map<Long, OperatorClasses.TypeFacts> facts = OperatorClasses.readTypeFacts(connection, rendering.types,
                serverVersion);
        Map<Long, String> collationNames = readCollations(connection, rendering.collations);
        for (IndexRow row : rendering.local) {
            finish(row, rendering, facts, collationNames);
        }
        int renderedHere = rendering.definitions.size() - rendering.withCatalog;
        readServerDefinitions(connection, rendering.serverSide, rendering.definitions);
        LOG.debug("{} index definitions: {} came with the catalog query, {} rendered here, {} asked for",
                rows.size(), rendering.withCatalog, renderedHere, rendering.serverSide.size());
        return rendering.definitions;
    }

    /** What rendering the definitions of one inspection has found so far. */
    private static final class Rendering {
        final OidMap<String> definitions;
        final OidMap<String> predicates;
        final List<IndexRow> local = new ArrayList<>();
        final Set<Long> types = new HashSet<>();
        final Set<Long> collations = new HashSet<>();
        final List<Long> serverSide = new ArrayList<>();
        int withCatalog;

        Rendering(int indexes) {
            definitions = new OidMap<>(indexes);
            predicates = new OidMap<>(indexes);
        }
    }

    /** Takes a definition the catalog query brought, or renders the predicate and notes what rendering needs. */
    private void prepare(IndexRow row, Rendering rendering) {
        if (row.serverDefinition().isPresent()) {
            rendering.definitions.put(row.oid(), row.serverDefinition().get());
            rendering.withCatalog++;
            return;
        }
        Optional<String> predicate = row.predicate().isEmpty() ? Optional.of("") : SimplePredicate.render(
                row.predicate().get(), attnum -> columns.name(row.table(), attnum), quoting);
        if (predicate.isEmpty() || !collectNeeds(row, rendering.types, rendering.collations)) {
            rendering.serverSide.add(row.oid());
            return;
        }
        rendering.predicates.put(row.oid(), predicate.get());
        rendering.local.add(row);
    }

    private void finish(IndexRow row, Rendering rendering, Map<Long, OperatorClasses.TypeFacts> facts,
            Map<Long, String> collationNames) {
        Optional<String> definition = definition(row, rendering.predicates.get(row.oid()), facts, collationNames);
        if (definition.isPresent()) {
            rendering.definitions.put(row.oid(), definition.get());
        } else {
            rendering.serverSide.add(row.oid());
        }
    }

    /**
     * Whether the index can be rendered here, collecting the column types whose default operator
     * class must be looked up and the collations whose names are needed.
     */
    private boolean collectNeeds(IndexRow row, Set<Long> types, Set<Long> collations) {
        if (!relations.containsKey(row.table()) || row.keys().length == 0 || row.keyCount() > row.keys().length
                || row.opClasses().length < row.keyCount() || row.collations().length < row.keyCount()
                || row.flags().length < row.keyCount()) {
            return false;
        }
        for (int i = 0; i < row.keys().length; i++) {
            RelationColumns.ColumnRow column = columns.find(row.table(), row.keys()[i]);
            if (column == null) {
                return false;
            }
            if (i >= row.keyCount()) {
                continue;
            }
            Optional<OperatorClasses.OpClass> opClass = opClasses.get(row.opClasses()[i]);
            if (opClass.isEmpty() || opClass.get().mayHaveOptions() || opClass.get().method() != row.method()) {
                return false;
            }
            if (OperatorClasses.needsFacts(opClass.get(), column.typeOid())) {
                types.add(column.typeOid());
            }
            long collation = row.collations()[i];
            if (collation != 0 && collation != column.collationOid()) {
                collations.add(collation);
            }
        }
        return true;
    }

    private Optional<String> definition(IndexRow row, String predicate, Map<Long, OperatorClasses.TypeFacts> facts,
            Map<Long, String> collationNames) {
        RelationName table = relations.get(row.table());
        OperatorClasses.OpClass first = opClasses.get(row.opClasses()[0]).orElseThrow();
        StringBuilder sql = new StringBuilder(160).append("CREATE ");
        if (row.unique()) {
            sql.append("UNIQUE ");
        }
        sql.append("INDEX ").append(quoting.identifier(row.name())).append(" ON ")
                .append(row.partitioned() ? "ONLY " : "").append(quoting.qualified(table.schema(), table.name()))
                .append(" USING ").append(quoting.identifier(first.methodName())).append(" (");
        String separator = "";
        for (int i = 0; i < row.keys().length; i++) {
            if (i == row.keyCount()) {
                sql.append(") INCLUDE (");
                separator = "";
            }
            sql.append(separator);
            separator = ", ";
            RelationColumns.ColumnRow column = columns.find(row.table(), row.keys()[i]);
            sql.append(quoting.identifier(column.column().name()));
            if (i >= row.keyCount()) {
                continue;
            }
            long collation = row.collations()[i];
            if (collation != 0 && collation != column.collationOid()) {
                String name = collationNames.get(collation);
                if (name == null) {
                    return Optional.empty();
                }
                sql.append(" COLLATE ").append(name);
            }
            OperatorClasses.OpClass opClass = opClasses.get(row.opClasses()[i]).orElseThrow();
            Optional<Boolean> isDefault = opClasses.isDefaultFor(opClass, column.typeOid(), facts);
            if (isDefault.isEmpty()) {
                return Optional.empty();
            }
            if (!isDefault.get()) {
                sql.append(' ').append(OperatorClasses.name(opClass, quoting));
            }
            if (opClass.canOrder()) {
                int flags = row.flags()[i];
                if ((flags & INDOPTION_DESC) != 0) {
                    sql.append(" DESC");
                    if ((flags & INDOPTION_NULLS_FIRST) == 0) {
                        sql.append(" NULLS LAST");
                    }
                } else if ((flags & INDOPTION_NULLS_FIRST) != 0) {
                    sql.append(" NULLS FIRST");
                }
            }
        }
        sql.append(')');
        if (row.nullsNotDistinct()) {
            sql.append(" NULLS NOT DISTINCT");
        }
        if (!row.options().isEmpty()) {
            sql.append(" WITH (").append(quoting.options(row.options())).append(')');
        }
        if (!predicate.isEmpty()) {
            sql.append(" WHERE ").append(predicate);
        }
        return Optional.of(sql.toString());
    }

    /** Collation names as {@code generate_collation_name} prints them: bare in {@code pg_catalog}. */
    private Map<Long, String> readCollations(Connection connection, Set<Long> oids) throws SQLException {
        Map<Long, String> names = new HashMap<>();
        if (oids.isEmpty()) {
            return names;
        }
        try (PreparedStatement statement = connection.prepareStatement(COLLATIONS)) {
            statement.setString(1, CatalogArrays.literal(oids));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    String schema = rs.getString("nspname");
                    String name = rs.getString("collname");
                    names.put(rs.getLong("oid"), "pg_catalog".equals(schema)
                            ? quoting.identifier(name) : quoting.qualified(schema, name));
                }
            }
        }
        return names;
    }

    private static void readServerDefinitions(Connection connection, List<Long> oids, OidMap<String> definitions)
            throws SQLException {
        if (oids.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(SERVER_DEFINITIONS)) {
            statement.setString(1, CatalogArrays.literal(oids));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    definitions.put(rs.getLong("indexrelid"), rs.getString("definition"));
                }
            }
        }
    }
}
