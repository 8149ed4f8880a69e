package dev.dbops.schema;

import dev.dbops.schema.CatalogRows.RowReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads tables, views, functions, the parents of tables, triggers and policies. A row of a table,
 * view or function keeps the values as read; the model object ({@link Table}, {@link View},
 * {@link Function}) is made once, by {@link SchemaAssembly}, when its parts and dependencies are known.
 */
final class RelationRows {

    private RelationRows() {
    }

    /**
     * A table without its parts and parents.
     *
     * @param rowType the table's row type; {@code arrayType} that type's array
     * @param bound a partition's bound (its parent comes from {@link #parents})
     */
    record TableRow(long oid, long rowType, long arrayType, String schema, String name, boolean unlogged,
            Optional<String> partitionKey, Optional<String> bound, List<String> options,
            Table.ReplicaIdentity replicaIdentity, Optional<String> replicaIdentityIndex, boolean rowSecurity,
            boolean forceRowSecurity, String owner, Optional<String> comment, List<Grant> grants) {

        ObjectRef ref() {
            return new ObjectRef(ObjectKind.TABLE, schema, name);
        }
    }

    static List<TableRow> tables(Connection connection, String sql, String namespaces) throws SQLException {
        Tables reader = new Tables();
        CatalogRows.each(connection, sql, namespaces, reader);
        return reader.rows;
    }

    private static final class Tables extends RowReader {
        private final List<TableRow> rows = new ArrayList<>();
        private int oid;
        private int nspname;
        private int relname;
        private int reltype;
        private int typarray;
        private int persistence;
        private int partitionKey;
        private int bound;
        private int options;
        private int replident;
        private int replidentIndex;
        private int rowSecurity;
        private int forceRowSecurity;
        private int owner;
        private int description;
        private int acl;

        @Override
        void columns(CatalogRow c) {
            oid = c.column("oid");
            nspname = c.column("nspname");
            relname = c.column("relname");
            reltype = c.column("reltype");
            typarray = c.column("typarray");
            persistence = c.column("relpersistence");
            partitionKey = c.column("partition_key");
            bound = c.column("bound");
            options = c.column("options");
            replident = c.column("relreplident");
            replidentIndex = c.column("replident_index");
            rowSecurity = c.column("relrowsecurity");
            forceRowSecurity = c.column("relforcerowsecurity");
            owner = c.column("owner");
            description = c.column("description");
            acl = c.column("acl");
        }

        @Override
        void read(CatalogRow row) {
            rows.add(new TableRow(row.number(oid), row.number(reltype), row.number(typarray), row.text(nspname),
                    row.text(relname), row.character(persistence) == 'u', row.optionalText(partitionKey),
                    row.optionalText(bound), row.textArray(options), replicaIdentity(row.character(replident)),
                    row.optionalText(replidentIndex), row.bool(rowSecurity), row.bool(forceRowSecurity),
                    row.text(owner), row.optionalText(description), row.acl(acl)));
        }
    }

    private static Table.ReplicaIdentity replicaIdentity(char code) {
        return switch (code) {
            case 'n' -> Table.ReplicaIdentity.NOTHING;
            case 'f' -> Table.ReplicaIdentity.FULL;
            case 'i' -> Table.ReplicaIdentity.INDEX;
            default -> Table.ReplicaIdentity.DEFAULT;
        };
    }

    /**
     * The parents of every table that has any, by table OID, in declared order ({@code inhseqno}):
     * the first is a partition's partitioned table.
     */
    static CatalogRows.Reading<OidMap<List<ObjectRef>>> parents() {
        return new CatalogRows.Reading<>() {
            private final OidMap<List<ObjectRef>> parents = new OidMap<>();
            private int child;
            private int schema;
            private int name;

            @Override
            void columns(CatalogRow c) {
                child = c.column("inhrelid");
                schema = c.column("nspname");
                name = c.column("relname");
            }

            @Override
            void read(CatalogRow row) {
                parents.computeIfAbsent(row.number(child), k -> new ArrayList<>())
                        .add(new ObjectRef(ObjectKind.TABLE, row.text(schema), row.text(name)));
            }

            @Override
            OidMap<List<ObjectRef>> result() {
                return parents;
            }
        };
    }

    /** A view or materialized view without its columns, indexes, triggers and dependencies. */
    record ViewRow(long oid, long rowType, long arrayType, String schema, String name, boolean materialized,
            String definition, List<String> options, String owner, Optional<String> comment, List<Grant> grants) {

        ObjectRef ref() {
            return new ObjectRef(materialized ? ObjectKind.MATERIALIZED_VIEW : ObjectKind.VIEW, schema, name);
        }
    }

    /** What {@link CatalogQueries#VIEWS} reads: the views, and the composite types still without their attributes. */
    record ViewRows(List<ViewRow> views, List<TypeRows.TypeRow> composites) {
    }

    static ViewRows views(Connection connection, String sql, String namespaces) throws SQLException {
        Views reader = new Views();
        CatalogRows.each(connection, sql, namespaces, reader);
        return new ViewRows(reader.views, reader.composites);
    }

    private static final class Views extends RowReader {
        private final List<ViewRow> views = new ArrayList<>();
        private final List<TypeRows.TypeRow> composites = new ArrayList<>();
        private int oid;
        private int relkind;
        private int reltype;
        private int typarray;
        private int nspname;
        private int relname;
        private int materialized;
        private int definition;
        private int options;
        private int owner;
        private int description;
        private int acl;

        @Override
        void columns(CatalogRow c) {
            oid = c.column("oid");
            relkind = c.column("relkind");
            reltype = c.column("reltype");
            typarray = c.column("typarray");
            nspname = c.column("nspname");
            relname = c.column("relname");
            materialized = c.column("materialized");
            definition = c.column("definition");
            options = c.column("options");
            owner = c.column("owner");
            description = c.column("description");
            acl = c.column("acl");
        }

        @Override
        void read(CatalogRow row) {
            if (row.character(relkind) == 'c') {
                composites.add(new TypeRows.TypeRow(row.number(reltype), row.number(typarray), row.number(oid),
                        new CompositeType(row.text(nspname), row.text(relname), List.of(), row.text(owner),
                                row.optionalText(description), List.of())));
                return;
            }
            views.add(new ViewRow(row.number(oid), row.number(reltype), row.number(typarray), row.text(nspname),
                    row.text(relname), row.bool(materialized), row.text(definition), row.textArray(options),
                    row.text(owner), row.optionalText(description), row.acl(acl)));
        }
    }

    /** A function or procedure without its dependencies. */
    record FunctionRow(long oid, String schema, String name, String arguments, boolean procedure,
            Optional<String> result, String definition, String owner, Optional<String> comment, List<Grant> grants) {

        /** As {@link Function#ref()}. */
        ObjectRef ref() {
            return new ObjectRef(ObjectKind.FUNCTION, schema, name + "(" + arguments + ")");
        }
    }

    static List<FunctionRow> functions(Connection connection, String sql, String namespaces) throws SQLException {
        List<FunctionRow> rows = new ArrayList<>();
        CatalogRows.each(connection, sql, namespaces, new RowReader() {
            private int oid;
            private int nspname;
            private int proname;
            private int arguments;
            private int procedure;
            private int result;
            private int definition;
            private int owner;
            private int description;
            private int acl;

            @Override
            void columns(CatalogRow c) {
                oid = c.column("oid");
                nspname = c.column("nspname");
                proname = c.column("proname");
                arguments = c.column("arguments");
                procedure = c.column("procedure");
                result = c.column("result");
                definition = c.column("definition");
                owner = c.column("owner");
                description = c.column("description");
                acl = c.column("acl");
            }

            @Override
            void read(CatalogRow row) {
                rows.add(new FunctionRow(row.number(oid), row.text(nspname), row.text(proname), row.text(arguments),
                        row.bool(procedure), row.optionalText(result), row.text(definition), row.text(owner),
                        row.optionalText(description), row.acl(acl)));
            }
        });
        return rows;
    }

    static CatalogRows.Reading<OidMap<List<Trigger>>> triggers() {
        return new CatalogRows.Reading<>() {
            private final OidMap<List<Trigger>> result = new OidMap<>();
            private int table;
            private int name;
            private int definition;
            private int tgenabled;
            private int description;

            @Override
            void columns(CatalogRow c) {
                table = c.column("tgrelid");
                name = c.column("tgname");
                definition = c.column("definition");
                tgenabled = c.column("tgenabled");
                description = c.column("description");
            }

            @Override
            void read(CatalogRow row) {
                Trigger.Enabled enabled = switch (row.character(tgenabled)) {
                    case 'D' -> Trigger.Enabled.DISABLED;
                    case 'R' -> Trigger.Enabled.REPLICA;
                    case 'A' -> Trigger.Enabled.ALWAYS;
                    default -> Trigger.Enabled.ORIGIN;
                };
                result.computeIfAbsent(row.number(table), k -> new ArrayList<>()).add(new Trigger(row.text(name),
                        row.text(definition), enabled, row.optionalText(description)));
            }

            @Override
            OidMap<List<Trigger>> result() {
                return result;
            }
        };
    }

    static CatalogRows.Reading<OidMap<List<Policy>>> policies() {
        return new CatalogRows.Reading<>() {
            private final OidMap<List<Policy>> result = new OidMap<>();
            private int table;
            private int name;
            private int permissive;
            private int polcmd;
            private int roles;
            private int using;
            private int check;
            private int description;

            @Override
            void columns(CatalogRow c) {
                table = c.column("polrelid");
                name = c.column("polname");
                permissive = c.column("polpermissive");
                polcmd = c.column("polcmd");
                roles = c.column("roles");
                using = c.column("using_expr");
                check = c.column("check_expr");
                description = c.column("description");
            }

            @Override
            void read(CatalogRow row) {
                String command = switch (row.character(polcmd)) {
                    case 'r' -> "SELECT";
                    case 'a' -> "INSERT";
                    case 'w' -> "UPDATE";
                    case 'd' -> "DELETE";
                    default -> "ALL";
                };
                result.computeIfAbsent(row.number(table), k -> new ArrayList<>()).add(new Policy(row.text(name),
                        row.bool(permissive), command, row.textArray(roles), row.optionalText(using),
                        row.optionalText(check), row.optionalText(description)));
            }

            @Override
            OidMap<List<Policy>> result() {
                return result;
            }
        };
    }
}
