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
import java.util.function.Predicate;

/**
 * Runs one catalog query and turns its rows into values: model objects where a row is one, and
 * row records with the OIDs that {@link SchemaAssembly} joins on where parts still have to find
 * their owner. Each method runs on whichever connection its lane holds, so it touches nothing but
 * its own result. The readers of types and sequences are in {@link TypeRows}, those of tables,
 * views, functions and their parts in {@link RelationRows}.
 */
final class CatalogRows {

    /** Enough for every row of a large catalog in one round trip, and a bound on memory beyond that. */
    private static final int FETCH_SIZE = 50_000;

    private CatalogRows() {
    }

    /**
     * Reads the rows of one catalog query: {@link #columns} looks up the positions of the columns it
     * needs, once, before the first row, and {@link #read} takes one row at a time, keeping what it
     * reads. Readers are named classes rather than lambdas: a row lambda's body is compiled twice by
     * the JIT (on its own and inlined into the lambda's class), which costs a fresh JVM more than
     * the rows themselves.
     */
    abstract static class RowReader {

        /** Looks up the columns this reader needs. */
        abstract void columns(CatalogRow columns);

        /** Reads the current row. */
        abstract void read(CatalogRow row);
    }

    /**
     * Runs a query, binding the inspected namespaces to each of its parameters, and gives every row
     * to the reader.
     */
    static void each(Connection connection, String sql, String namespaces, RowReader reader) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 0;
            for (int i = sql.indexOf('?'); i >= 0; i = sql.indexOf('?', i + 1)) {
                statement.setString(++parameter, namespaces);
            }
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                CatalogRow row = new CatalogRow(rs);
                reader.columns(row);
                while (row.next()) {
                    reader.read(row);
                }
            }
        }
    }

    record NamespaceRow(long oid, Namespace namespace) {
    }

    static List<NamespaceRow> namespaces(Connection connection, String sql, Predicate<String> filter)
            throws SQLException {
        Namespaces reader = new Namespaces(filter);
        each(connection, sql, "{}", reader);
        return reader.rows;
    }

    private static final class Namespaces extends RowReader {
        private final Predicate<String> filter;
        private final List<NamespaceRow> rows = new ArrayList<>();
        private int oid;
        private int name;
        private int owner;
        private int description;
        private int acl;

        Namespaces(Predicate<String> filter) {
            this.filter = filter;
        }

        @Override
        void columns(CatalogRow c) {
            oid = c.column("oid");
            name = c.column("nspname");
            owner = c.column("owner");
            description = c.column("description");
            acl = c.column("acl");
        }

        @Override
        void read(CatalogRow row) {
            String schema = row.text(name);
            if (filter.test(schema)) {
                rows.add(new NamespaceRow(row.number(oid), new Namespace(schema, row.text(owner),
                        row.optionalText(description), row.acl(acl))));
            }
        }
    }

    static List<Extension> extensions(Connection connection, String sql, String namespaces) throws SQLException {
        List<Extension> result = new ArrayList<>();
        each(connection, sql, namespaces, new RowReader() {
            private int name;
            private int schema;
            private int version;
            private int description;

            @Override
            void columns(CatalogRow c) {
                name = c.column("extname");
                schema = c.column("nspname");
                version = c.column("extversion");
                description = c.column("description");
            }

            @Override
            void read(CatalogRow row) {
                result.add(new Extension(row.text(name), row.text(schema), row.text(version),
                        row.optionalText(description)));
            }
        });
        return result;
    }

    /** The OIDs of relations and of types that belong to an extension. */
    record ExtensionMembers(Set<Long> relations, Set<Long> types) {
    }

    static ServerQuoting quoting(Connection connection, String sql) throws SQLException {
        List<ServerQuoting> result = new ArrayList<>();
        each(connection, sql, "{}", new RowReader() {
            private int keywords;
            private int quoteAll;
            private int standardStrings;

            @Override
            void columns(CatalogRow c) {
                keywords = c.column("keywords");
                quoteAll = c.column("quote_all");
                standardStrings = c.column("standard_strings");
            }

            @Override
            void read(CatalogRow row) {
                result.add(new ServerQuoting(new HashSet<>(row.textArray(keywords)), row.bool(quoteAll),
                        row.bool(standardStrings)));
            }
        });
        return result.get(0);
    }

    static OperatorClasses operatorClasses(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            return OperatorClasses.read(rs);
        }
    }

    /** Comments on columns by relation OID and attribute number. */
    static OidMap<Map<Integer, String>> columnComments(Connection connection, String sql) throws SQLException {
        OidMap<Map<Integer, String>> comments = new OidMap<>();
        each(connection, sql, "{}", new RowReader() {
            private int relation;
            private int attnum;
            private int description;

            @Override
            void columns(CatalogRow c) {
                relation = c.column("objoid");
                attnum = c.column("objsubid");
                description = c.column("description");
            }

            @Override
            void read(CatalogRow row) {
                comments.computeIfAbsent(row.number(relation), k -> new HashMap<>())
                        .put(row.integer(attnum), row.text(description));
            }
        });
        return comments;
    }

    static List<DefaultPrivilege> defaultPrivileges(Connection connection, String sql, Predicate<String> filter)
            throws SQLException {
        List<DefaultPrivilege> result = new ArrayList<>();
        each(connection, sql, "{}", new RowReader() {
            private int role;
            private int nspname;
            private int objtype;
            private int acl;

            @Override
            void columns(CatalogRow c) {
                role = c.column("role");
                nspname = c.column("nspname");
                objtype = c.column("defaclobjtype");
                acl = c.column("acl");
            }

            @Override
            void read(CatalogRow row) {
                Optional<String> schema = row.optionalText(nspname);
                if (schema.isPresent() && !filter.test(schema.get())) {
                    return;
                }
                String objectType = switch (row.character(objtype)) {
                    case 'r' -> "TABLES";
                    case 'S' -> "SEQUENCES";
                    case 'f' -> "FUNCTIONS";
                    case 'T' -> "TYPES";
                    default -> "SCHEMAS";
                };
                result.add(new DefaultPrivilege(row.text(role), schema, objectType, row.acl(acl)));
            }
        });
        return result;
    }

    /**
     * One dependency, each side reduced to the relation, type or function it belongs to; 0 where a
     * side is not of that kind.
     */
    record DependencyRow(long relation, long type, long function, long refRelation, long refType, long refFunction) {
    }

    /** The dependency rows of {@link CatalogQueries#DEPENDENCIES}, and the extension members it also reads. */
    record Dependencies(List<DependencyRow> rows, ExtensionMembers extensionMembers) {
    }

    static Dependencies dependencies(Connection connection, String sql) throws SQLException {
        DependencyReader reader = new DependencyReader();
        each(connection, sql, "{}", reader);
        return new Dependencies(reader.rows, new ExtensionMembers(reader.relations, reader.types));
    }

    private static final class DependencyReader extends RowReader {
        private final List<DependencyRow> rows = new ArrayList<>();
        private final Set<Long> relations = new HashSet<>();
        private final Set<Long> types = new HashSet<>();
        private int deptype;
        private int isType;
        private int objid;
        private int rel;
        private int typ;
        private int proc;
        private int refRel;
        private int refTyp;
        private int refProc;

        @Override
        void columns(CatalogRow c) {
            deptype = c.column("deptype");
            isType = c.column("is_type");
            objid = c.column("objid");
            rel = c.column("rel");
            typ = c.column("typ");
            proc = c.column("proc");
            refRel = c.column("ref_rel");
            refTyp = c.column("ref_typ");
            refProc = c.column("ref_proc");
        }

        @Override
        void read(CatalogRow row) {
            if (row.character(deptype) == 'e') {
                (row.bool(isType) ? types : relations).add(row.number(objid));
            } else {
                rows.add(new DependencyRow(row.number(rel), row.number(typ), row.number(proc), row.number(refRel),
                        row.number(refTyp), row.number(refProc)));
            }
        }
    }
}
