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

    /** A reader that keeps what it reads, for a {@link Batch}. */
    abstract static class Reading<T> extends RowReader {

        /** What the reader read; complete once its query has run. */
        abstract T result();
    }

    /**
     * Runs a query, binding the inspected namespaces to each of its parameters, and gives every row
     * to the reader.
     */
    static void each(Connection connection, String sql, String namespaces, RowReader reader) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, namespaces)) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                readAll(rs, reader);
            }
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, String namespaces)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        int parameter = 0;
        for (int i = sql.indexOf('?'); i >= 0; i = sql.indexOf('?', i + 1)) {
            statement.setString(++parameter, namespaces);
        }
        return statement;
    }

    private static void readAll(ResultSet rs, RowReader reader) throws SQLException {
        CatalogRow row = new CatalogRow(rs);
        reader.columns(row);
        while (row.next()) {
            reader.read(row);
        }
    }

    /**
     * Queries with few rows, sent together: the server runs them one after the other as always, but
     * they cost one round trip and one statement in the driver instead of one each.
     */
    static final class Batch {
        private final List<String> queries = new ArrayList<>();
        private final List<RowReader> readers = new ArrayList<>();

        /** Adds a query and the reader of its rows; returns the reader, whose result is complete after {@link #run}. */
        <T extends RowReader> T add(String sql, T reader) {
            queries.add(sql);
            readers.add(reader);
            return reader;
        }

        /** Runs every query, binding the inspected namespaces to each parameter, and reads every result. */
        void run(Connection connection, String namespaces) throws SQLException {
            try (PreparedStatement statement = prepare(connection, String.join(";\n", queries), namespaces)) {
                boolean isResultSet = statement.execute();
                for (RowReader reader : readers) {
                    while (!isResultSet) {
                        if (statement.getUpdateCount() == -1) {
                            throw new SQLException("a batch of catalog queries returned fewer results than queries");
                        }
                        isResultSet = statement.getMoreResults();
                    }
                    try (ResultSet rs = statement.getResultSet()) {
                        readAll(rs, reader);
                    }
                    isResultSet = statement.getMoreResults();
                }
            }
        }
    }

    record NamespaceRow(long oid, Namespace namespace) {
    }

    /**
     * The namespaces the inspector reads.
     *
     * @param rows those the schema filter accepts
     * @param all whether the filter accepted every namespace the query returned
     */
    record InspectedNamespaces(List<NamespaceRow> rows, boolean all) {
    }

    /** The namespaces the filter accepts, from the result of {@link CatalogQueries#NAMESPACES}. */
    static InspectedNamespaces namespaces(ResultSet rs, Predicate<String> filter) throws SQLException {
        Namespaces reader = new Namespaces(filter);
        readAll(rs, reader);
        return new InspectedNamespaces(reader.rows, !reader.filtered);
    }

    private static final class Namespaces extends RowReader {
        private final Predicate<String> filter;
        private final List<NamespaceRow> rows = new ArrayList<>();
        private boolean filtered;
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
            } else {
                filtered = true;
            }
        }
    }

    static Reading<List<Extension>> extensions() {
        return new Reading<>() {
            private final List<Extension> result = new ArrayList<>();
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

            @Override
            List<Extension> result() {
                return result;
            }
        };
    }

    /** The OIDs of relations and of types that belong to an extension. */
    record ExtensionMembers(Set<Long> relations, Set<Long> types) {
    }

    static Reading<ServerQuoting> quoting() {
        return new Reading<>() {
            private final List<ServerQuoting> result = new ArrayList<>();
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

            @Override
            ServerQuoting result() {
                return result.get(0);
            }
        };
    }

    /** Comments on columns by relation OID and attribute number. */
    static Reading<OidMap<Map<Integer, String>>> columnComments() {
        return new Reading<>() {
            private final OidMap<Map<Integer, String>> comments = new OidMap<>();
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

            @Override
            OidMap<Map<Integer, String>> result() {
                return comments;
            }
        };
    }

    static Reading<List<DefaultPrivilege>> defaultPrivileges(Predicate<String> filter) {
        return new Reading<>() {
            private final List<DefaultPrivilege> result = new ArrayList<>();
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

            @Override
            List<DefaultPrivilege> result() {
                return result;
            }
        };
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
