package dev.dbops.schema;

import java.sql.Array;
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
 * its own result.
 */
final class CatalogRows {

    /** Enough for every row of a large catalog in one round trip, and a bound on memory beyond that. */
    private static final int FETCH_SIZE = 50_000;

    private CatalogRows() {
    }

    /** Reads one row. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a query, binding the inspected namespaces to its parameter if it has one, and reads every row. */
    static void each(Connection connection, String sql, String namespaces, RowReader reader)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (sql.indexOf('?') >= 0) {
                statement.setString(1, namespaces);
            }
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    reader.read(rs);
                }
            }
        }
    }

    record NamespaceRow(long oid, Namespace namespace) {
    }

    static List<NamespaceRow> namespaces(Connection connection, String sql, Predicate<String> filter)
            throws SQLException {
        List<NamespaceRow> rows = new ArrayList<>();
        each(connection, sql, "{}", rs -> {
            String name = rs.getString("nspname");
            if (filter.test(name)) {
                rows.add(new NamespaceRow(rs.getLong("oid"),
                        new Namespace(name, rs.getString("owner"), text(rs, "description"), acl(rs, "acl"))));
            }
        });
        return rows;
    }

    static List<Extension> extensions(Connection connection, String sql, String namespaces) throws SQLException {
        List<Extension> result = new ArrayList<>();
        each(connection, sql, namespaces, rs -> result.add(new Extension(rs.getString("extname"),
                rs.getString("nspname"), rs.getString("extversion"), text(rs, "description"))));
        return result;
    }

    /** The OIDs of relations and of types that belong to an extension. */
    record ExtensionMembers(Set<Long> relations, Set<Long> types) {
    }

    static ServerQuoting quoting(Connection connection, String sql) throws SQLException {
        List<ServerQuoting> result = new ArrayList<>();
        each(connection, sql, "{}", rs -> result.add(new ServerQuoting(new HashSet<>(strings(rs, "keywords")),
                rs.getBoolean("quote_all"), rs.getBoolean("standard_strings"))));
        return result.get(0);
    }

    static OperatorClasses operatorClasses(Connection connection, String sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            return OperatorClasses.read(rs);
        }
    }

    /**
     * A user-defined type: {@code model} is its {@link EnumType}, or a {@link Domain},
     * {@link CompositeType} or {@link RangeType} still without its checks, attributes and dependencies.
     *
     * @param relation for a composite type, the OID of the relation that holds its attributes
     */
    record TypeRow(long oid, long arrayType, long relation, Object model) {
    }

    static List<TypeRow> types(Connection connection, String sql, String namespaces) throws SQLException {
        List<TypeRow> rows = new ArrayList<>();
        each(connection, sql, namespaces, rs -> {
            String schema = rs.getString("nspname");
            String name = rs.getString("typname");
            String owner = rs.getString("owner");
            Optional<String> comment = text(rs, "description");
            Object model = switch (rs.getString("typtype").charAt(0)) {
                case 'e' -> new EnumType(schema, name, strings(rs, "labels"), owner, comment);
                case 'd' -> new Domain(schema, name, rs.getString("base_type"), text(rs, "collation"),
                        rs.getBoolean("typnotnull"), text(rs, "default_value"), List.of(), owner, comment, List.of());
                case 'c' -> new CompositeType(schema, name, List.of(), owner, comment, List.of());
                default -> new RangeType(schema, name, rs.getString("subtype"), text(rs, "opclass"),
                        text(rs, "range_collation"), text(rs, "canonical"), text(rs, "subdiff"),
                        text(rs, "multirange"), owner, comment, List.of());
            };
            rows.add(new TypeRow(rs.getLong("oid"), rs.getLong("typarray"), rs.getLong("typrelid"), model));
        });
        return rows;
    }

    static Map<Long, List<Domain.Check>> domainChecks(Connection connection, String sql, String namespaces)
            throws SQLException {
        Map<Long, List<Domain.Check>> checks = new HashMap<>();
        each(connection, sql, namespaces, rs -> checks.computeIfAbsent(rs.getLong("contypid"), k -> new ArrayList<>())
                .add(new Domain.Check(rs.getString("conname"),
                        CatalogReader.withoutNotValid(rs.getString("definition")), rs.getBoolean("convalidated"),
                        text(rs, "description"))));
        return checks;
    }

    /**
     * A sequence and the column it belongs to, if any.
     *
     * @param dependency {@code i} for an identity column's sequence, {@code a} for {@code OWNED BY},
     *     a space for none
     */
    record SequenceRow(long oid, Optional<Sequence> sequence, char dependency, long table, int column, long start,
            long increment, long minValue, long maxValue, long cache, boolean cycle) {
        Column.Identity identity(boolean always) {
            return new Column.Identity(always, start, increment, minValue, maxValue, cache, cycle);
        }
    }

    static List<SequenceRow> sequences(Connection connection, String sql, String namespaces) throws SQLException {
        List<SequenceRow> rows = new ArrayList<>();
        each(connection, sql, namespaces, rs -> {
            String schema = rs.getString("nspname");
            char dependency = charOf(rs, "deptype");
            long start = rs.getLong("seqstart");
            long increment = rs.getLong("seqincrement");
            long min = rs.getLong("seqmin");
            long max = rs.getLong("seqmax");
            long cache = rs.getLong("seqcache");
            boolean cycle = rs.getBoolean("seqcycle");
            Optional<Sequence> sequence = Optional.empty();
            if (dependency != 'i') {
                Optional<Sequence.ColumnRef> ownedBy = Optional.empty();
                if (dependency == 'a' && rs.getString("owned_table") != null) {
                    // OWNED BY needs the sequence and the table in the same schema.
                    ownedBy = Optional.of(new Sequence.ColumnRef(schema, rs.getString("owned_table"),
                            rs.getString("owned_column")));
                }
                sequence = Optional.of(new Sequence(schema, rs.getString("relname"), rs.getString("data_type"), start,
                        increment, min, max, cache, cycle, ownedBy, rs.getString("owner"), text(rs, "description"),
                        acl(rs, "acl")));
            }
            rows.add(new SequenceRow(rs.getLong("oid"), sequence, dependency, rs.getLong("refobjid"),
                    rs.getInt("refobjsubid"), start, increment, min, max, cache, cycle));
        });
        return rows;
    }

    /** A table without its parts; {@code rowType} and {@code arrayType} are its row type and that type's array. */
    record TableRow(long oid, long rowType, long arrayType, Table table) {
    }

    /** Comments on columns by relation OID and attribute number. */
    static Map<Long, Map<Integer, String>> columnComments(Connection connection, String sql) throws SQLException {
        Map<Long, Map<Integer, String>> comments = new HashMap<>();
        each(connection, sql, "{}", rs -> comments.computeIfAbsent(rs.getLong("objoid"), k -> new HashMap<>())
                .put(rs.getInt("objsubid"), rs.getString("description")));
        return comments;
    }

    static List<TableRow> tables(Connection connection, String sql, String namespaces) throws SQLException {
        List<TableRow> rows = new ArrayList<>();
        each(connection, sql, namespaces, rs -> {
            List<String> parentSchemas = strings(rs, "parent_schemas");
            List<String> parentNames = strings(rs, "parent_names");
            List<ObjectRef> parents = new ArrayList<>();
            for (int i = 0; i < parentNames.size(); i++) {
                parents.add(new ObjectRef(ObjectKind.TABLE, parentSchemas.get(i), parentNames.get(i)));
            }
            Optional<Table.Partition> partitionOf = Optional.empty();
            if (rs.getBoolean("relispartition")) {
                partitionOf = Optional.of(new Table.Partition(parents.get(0), rs.getString("bound")));
                parents = List.of();
            }
            Table.ReplicaIdentity identity = switch (rs.getString("relreplident")) {
                case "n" -> Table.ReplicaIdentity.NOTHING;
                case "f" -> Table.ReplicaIdentity.FULL;
                case "i" -> Table.ReplicaIdentity.INDEX;
                default -> Table.ReplicaIdentity.DEFAULT;
            };
            Table table = new Table(rs.getString("nspname"), rs.getString("relname"),
                    "u".equals(rs.getString("relpersistence")), text(rs, "partition_key"), partitionOf, parents,
                    strings(rs, "options"), identity, text(rs, "replident_index"), rs.getBoolean("relrowsecurity"),
                    rs.getBoolean("relforcerowsecurity"), rs.getString("owner"), text(rs, "description"),
                    acl(rs, "acl"), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
            rows.add(new TableRow(rs.getLong("oid"), rs.getLong("reltype"), rs.getLong("typarray"), table));
        });
        return rows;
    }

    static Map<Long, List<Trigger>> triggers(Connection connection, String sql, String namespaces)
            throws SQLException {
        Map<Long, List<Trigger>> result = new HashMap<>();
        each(connection, sql, namespaces, rs -> {
            Trigger.Enabled enabled = switch (rs.getString("tgenabled")) {
                case "D" -> Trigger.Enabled.DISABLED;
                case "R" -> Trigger.Enabled.REPLICA;
                case "A" -> Trigger.Enabled.ALWAYS;
                default -> Trigger.Enabled.ORIGIN;
            };
            result.computeIfAbsent(rs.getLong("tgrelid"), k -> new ArrayList<>()).add(new Trigger(
                    rs.getString("tgname"), rs.getString("definition"), enabled, text(rs, "description")));
        });
        return result;
    }

    static Map<Long, List<Policy>> policies(Connection connection, String sql, String namespaces)
            throws SQLException {
        Map<Long, List<Policy>> result = new HashMap<>();
        each(connection, sql, namespaces, rs -> {
            String command = switch (rs.getString("polcmd")) {
                case "r" -> "SELECT";
                case "a" -> "INSERT";
                case "w" -> "UPDATE";
                case "d" -> "DELETE";
                default -> "ALL";
            };
            result.computeIfAbsent(rs.getLong("polrelid"), k -> new ArrayList<>()).add(new Policy(
                    rs.getString("polname"), rs.getBoolean("polpermissive"), command, strings(rs, "roles"),
                    text(rs, "using_expr"), text(rs, "check_expr"), text(rs, "description")));
        });
        return result;
    }

    /** A view without its columns, indexes, triggers and dependencies. */
    record ViewRow(long oid, long rowType, long arrayType, View view) {
    }

    static List<ViewRow> views(Connection connection, String sql, String namespaces) throws SQLException {
        List<ViewRow> rows = new ArrayList<>();
        each(connection, sql, namespaces, rs -> rows.add(new ViewRow(rs.getLong("oid"), rs.getLong("reltype"),
                rs.getLong("typarray"), new View(rs.getString("nspname"), rs.getString("relname"),
                        rs.getBoolean("materialized"), rs.getString("definition"), strings(rs, "options"), List.of(),
                        List.of(), rs.getString("owner"), text(rs, "description"), acl(rs, "acl"), List.of()))));
        return rows;
    }

    record FunctionRow(long oid, Function function) {
    }

    static List<FunctionRow> functions(Connection connection, String sql, String namespaces) throws SQLException {
        List<FunctionRow> rows = new ArrayList<>();
        each(connection, sql, namespaces, rs -> rows.add(new FunctionRow(rs.getLong("oid"), new Function(
                rs.getString("nspname"), rs.getString("proname"), rs.getString("arguments"),
                rs.getBoolean("procedure"), text(rs, "result"), rs.getString("definition"), rs.getString("owner"),
                text(rs, "description"), acl(rs, "acl"), List.of()))));
        return rows;
    }

    static List<DefaultPrivilege> defaultPrivileges(Connection connection, String sql, Predicate<String> filter)
            throws SQLException {
        List<DefaultPrivilege> result = new ArrayList<>();
        each(connection, sql, "{}", rs -> {
            Optional<String> schema = text(rs, "nspname");
            if (schema.isPresent() && !filter.test(schema.get())) {
                return;
            }
            String objectType = switch (rs.getString("defaclobjtype")) {
                case "r" -> "TABLES";
                case "S" -> "SEQUENCES";
                case "f" -> "FUNCTIONS";
                case "T" -> "TYPES";
                default -> "SCHEMAS";
            };
            result.add(new DefaultPrivilege(rs.getString("role"), schema, objectType, acl(rs, "acl")));
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
        List<DependencyRow> rows = new ArrayList<>();
        Set<Long> relations = new HashSet<>();
        Set<Long> types = new HashSet<>();
        each(connection, sql, "{}", rs -> {
            if ("e".equals(rs.getString("deptype"))) {
                (rs.getBoolean("is_type") ? types : relations).add(rs.getLong("objid"));
            } else {
                rows.add(new DependencyRow(rs.getLong("rel"), rs.getLong("typ"), rs.getLong("proc"),
                        rs.getLong("ref_rel"), rs.getLong("ref_typ"), rs.getLong("ref_proc")));
            }
        });
        return new Dependencies(rows, new ExtensionMembers(relations, types));
    }

    static char charOf(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null || value.isEmpty() ? ' ' : value.charAt(0);
    }

    static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    static List<Grant> acl(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : AclItems.parse((String[]) array.getArray());
    }
}
