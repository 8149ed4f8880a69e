package dev.dbops.schema;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Runs the catalog queries on a connection that is already inside the inspector's read-only
 * snapshot, and assembles the {@link Schema}. Objects are matched to their parts by OID, which
 * never leaves this class.
 */
final class CatalogReader {

    private final Connection connection;
    private final int serverVersion;
    private final Predicate<String> schemaFilter;

    private String namespaceOids = "{}";
    private final Map<Long, ObjectRef> relations = new HashMap<>();
    private final Map<Long, ObjectRef> types = new HashMap<>();
    private final Map<Long, ObjectRef> functions = new HashMap<>();
    private final Map<Long, List<Column>> columns = new HashMap<>();
    private final Map<Long, Set<ObjectRef>> dependencies = new HashMap<>();
    private final Map<Long, Long> compositeRelations = new HashMap<>();

    CatalogReader(Connection connection, int serverVersion, Predicate<String> schemaFilter) {
        this.connection = connection;
        this.serverVersion = serverVersion;
        this.schemaFilter = schemaFilter;
    }

    Schema read() throws SQLException {
        List<Namespace> schemas = readNamespaces();
        List<Extension> extensions = readExtensions();
        TypeParts typeParts = readTypes();
        List<Sequence> sequences = readSequences();
        List<TableRow> tableRows = readTables();
        List<ViewRow> viewRows = readViews();
        List<FunctionRow> functionRows = readFunctions();
        readColumns();
        readDependencies();
        Map<Long, List<Constraint>> constraints = readConstraints();
        Map<Long, List<Index>> indexes = readIndexes();
        Map<Long, List<Trigger>> triggers = readTriggers();
        Map<Long, List<Policy>> policies = readPolicies();

        List<Table> tables = new ArrayList<>();
        for (TableRow row : tableRows) {
            Table t = row.table;
            tables.add(new Table(t.schema(), t.name(), t.unlogged(), t.partitionKey(), t.partitionOf(),
                    t.inherits(), t.options(), t.replicaIdentity(), t.replicaIdentityIndex(), t.rowSecurity(),
                    t.forceRowSecurity(), t.owner(), t.comment(), t.grants(),
                    columns.getOrDefault(row.oid, List.of()), constraints.getOrDefault(row.oid, List.of()),
                    indexes.getOrDefault(row.oid, List.of()), triggers.getOrDefault(row.oid, List.of()),
                    policies.getOrDefault(row.oid, List.of()), dependsOn(row.oid, t.ref())));
        }
        List<View> views = new ArrayList<>();
        for (ViewRow row : viewRows) {
            View v = row.view;
            List<View.ViewColumn> viewColumns = columns.getOrDefault(row.oid, List.of()).stream()
                    .map(c -> new View.ViewColumn(c.name(), c.type(), c.comment()))
                    .toList();
            views.add(new View(v.schema(), v.name(), v.materialized(), v.definition(), v.options(), viewColumns,
                    indexes.getOrDefault(row.oid, List.of()), triggers.getOrDefault(row.oid, List.of()), v.owner(),
                    v.comment(), v.grants(), dependsOn(row.oid, v.ref())));
        }
        List<Function> functionList = new ArrayList<>();
        for (FunctionRow row : functionRows) {
            Function f = row.function;
            functionList.add(new Function(f.schema(), f.name(), f.arguments(), f.procedure(), f.result(),
                    f.definition(), f.owner(), f.comment(), f.grants(), dependsOn(row.oid, f.ref())));
        }
        return new Schema(schemas, extensions, typeParts.enums, typeParts.domains(this),
                typeParts.composites(this), typeParts.ranges(this), sequences, tables, views, functionList,
                readDefaultPrivileges());
    }

    private List<ObjectRef> dependsOn(long oid, ObjectRef self) {
        Set<ObjectRef> refs = dependencies.getOrDefault(oid, Set.of());
        return refs.stream().filter(r -> !r.equals(self)).toList();
    }

    private PreparedStatement prepare(String sql) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (sql.contains("?")) {
            statement.setString(1, namespaceOids);
        }
        statement.setFetchSize(5000);
        return statement;
    }

    private List<Namespace> readNamespaces() throws SQLException {
        List<Namespace> result = new ArrayList<>();
        List<String> oids = new ArrayList<>();
        try (PreparedStatement statement = prepare(CatalogQueries.NAMESPACES);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String name = rs.getString("nspname");
                if (!schemaFilter.test(name)) {
                    continue;
                }
                oids.add(rs.getString("oid"));
                result.add(new Namespace(name, rs.getString("owner"), text(rs, "description"), acl(rs, "acl")));
            }
        }
        namespaceOids = "{" + String.join(",", oids) + "}";
        return result;
    }

    private List<Extension> readExtensions() throws SQLException {
        List<Extension> result = new ArrayList<>();
        try (PreparedStatement statement = prepare(CatalogQueries.EXTENSIONS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                result.add(new Extension(rs.getString("extname"), rs.getString("nspname"),
                        rs.getString("extversion"), text(rs, "description")));
            }
        }
        return result;
    }

    private TypeParts readTypes() throws SQLException {
        TypeParts parts = new TypeParts();
        String sql = CatalogQueries.TYPES.formatted(
                serverVersion >= 140000 ? CatalogQueries.MULTIRANGE_14 : "null::text");
        try (PreparedStatement statement = prepare(sql);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long oid = rs.getLong("oid");
                String schema = rs.getString("nspname");
                String name = rs.getString("typname");
                String owner = rs.getString("owner");
                Optional<String> comment = text(rs, "description");
                char typtype = rs.getString("typtype").charAt(0);
                ObjectKind kind = switch (typtype) {
                    case 'e' -> ObjectKind.ENUM;
                    case 'd' -> ObjectKind.DOMAIN;
                    case 'c' -> ObjectKind.COMPOSITE_TYPE;
                    default -> ObjectKind.RANGE_TYPE;
                };
                ObjectRef ref = new ObjectRef(kind, schema, name);
                types.put(oid, ref);
                types.put(rs.getLong("typarray"), ref);
                switch (typtype) {
                    case 'e' -> parts.enums.add(new EnumType(schema, name, strings(rs, "labels"), owner, comment));
                    case 'd' -> parts.domainRows.put(oid, new Domain(schema, name, rs.getString("base_type"),
                            text(rs, "collation"), rs.getBoolean("typnotnull"), text(rs, "default_value"),
                            List.of(), owner, comment, List.of()));
                    case 'c' -> {
                        long relation = rs.getLong("typrelid");
                        compositeRelations.put(relation, oid);
                        parts.compositeRows.put(oid, new CompositeType(schema, name, List.of(), owner, comment,
                                List.of()));
                    }
                    default -> {
                        Optional<String> multirange = text(rs, "multirange");
                        parts.rangeRows.put(oid, new RangeType(schema, name, rs.getString("subtype"),
                                text(rs, "opclass"), text(rs, "range_collation"), text(rs, "canonical"),
                                text(rs, "subdiff"), multirange, owner, comment, List.of()));
                    }
                }
            }
        }
        try (PreparedStatement statement = prepare(CatalogQueries.DOMAIN_CHECKS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String definition = rs.getString("definition");
                parts.domainChecks.computeIfAbsent(rs.getLong("contypid"), k -> new ArrayList<>())
                        .add(new Domain.Check(rs.getString("conname"), withoutNotValid(definition),
                                rs.getBoolean("convalidated"), text(rs, "description")));
            }
        }
        return parts;
    }

    private List<Sequence> readSequences() throws SQLException {
        List<Sequence> result = new ArrayList<>();
        try (PreparedStatement statement = prepare(CatalogQueries.SEQUENCES);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String schema = rs.getString("nspname");
                String name = rs.getString("relname");
                relations.put(rs.getLong("oid"), new ObjectRef(ObjectKind.SEQUENCE, schema, name));
                Optional<Sequence.ColumnRef> ownedBy = Optional.empty();
                if (rs.getString("owned_table") != null) {
                    ownedBy = Optional.of(new Sequence.ColumnRef(rs.getString("owned_schema"),
                            rs.getString("owned_table"), rs.getString("owned_column")));
                }
                result.add(new Sequence(schema, name, rs.getString("data_type"), rs.getLong("seqstart"),
                        rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"),
                        rs.getLong("seqcache"), rs.getBoolean("seqcycle"), ownedBy, rs.getString("owner"),
                        text(rs, "description"), acl(rs, "acl")));
            }
        }
        return result;
    }

    private record TableRow(long oid, Table table) {
    }

    private List<TableRow> readTables() throws SQLException {
        List<TableRow> result = new ArrayList<>();
        try (PreparedStatement statement = prepare(CatalogQueries.TABLES);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long oid = rs.getLong("oid");
                String schema = rs.getString("nspname");
                String name = rs.getString("relname");
                ObjectRef ref = new ObjectRef(ObjectKind.TABLE, schema, name);
                relations.put(oid, ref);
                types.put(rs.getLong("reltype"), ref);
                types.put(rs.getLong("typarray"), ref);
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
                Table table = new Table(schema, name, "u".equals(rs.getString("relpersistence")),
                        text(rs, "partition_key"), partitionOf, parents, strings(rs, "options"), identity,
                        text(rs, "replident_index"), rs.getBoolean("relrowsecurity"),
                        rs.getBoolean("relforcerowsecurity"), rs.getString("owner"), text(rs, "description"),
                        acl(rs, "acl"), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
                result.add(new TableRow(oid, table));
            }
        }
        return result;
    }

    private record ViewRow(long oid, View view) {
    }

    private List<ViewRow> readViews() throws SQLException {
        List<ViewRow> result = new ArrayList<>();
        try (PreparedStatement statement = prepare(CatalogQueries.VIEWS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long oid = rs.getLong("oid");
                View view = new View(rs.getString("nspname"), rs.getString("relname"),
                        rs.getBoolean("materialized"), rs.getString("definition"), strings(rs, "options"),
                        List.of(), List.of(), rs.getString("owner"), text(rs, "description"), acl(rs, "acl"),
                        List.of());
                relations.put(oid, view.ref());
                types.put(rs.getLong("reltype"), view.ref());
                types.put(rs.getLong("typarray"), view.ref());
                result.add(new ViewRow(oid, view));
            }
        }
        return result;
    }

    private record FunctionRow(long oid, Function function) {
    }

    private List<FunctionRow> readFunctions() throws SQLException {
        List<FunctionRow> result = new ArrayList<>();
        try (PreparedStatement statement = prepare(CatalogQueries.FUNCTIONS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long oid = rs.getLong("oid");
                Function function = new Function(rs.getString("nspname"), rs.getString("proname"),
                        rs.getString("arguments"), rs.getBoolean("procedure"), text(rs, "result"),
                        rs.getString("definition"), rs.getString("owner"), text(rs, "description"),
                        acl(rs, "acl"), List.of());
                functions.put(oid, function.ref());
                result.add(new FunctionRow(oid, function));
            }
        }
        return result;
    }

    private void readColumns() throws SQLException {
        try (PreparedStatement statement = prepare(CatalogQueries.COLUMNS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String identityKind = rs.getString("attidentity");
                Optional<Column.Identity> identity = Optional.empty();
                if (identityKind != null && !identityKind.isEmpty()) {
                    identity = Optional.of(new Column.Identity("a".equals(identityKind), rs.getLong("seqstart"),
                            rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"),
                            rs.getLong("seqcache"), rs.getBoolean("seqcycle")));
                }
                Column column = new Column(rs.getString("attname"), rs.getString("type"), text(rs, "collation"),
                        rs.getBoolean("attnotnull"), text(rs, "default_value"), identity, text(rs, "generated"),
                        rs.getBoolean("inherited"), text(rs, "description"), acl(rs, "acl"));
                columns.computeIfAbsent(rs.getLong("attrelid"), k -> new ArrayList<>()).add(column);
            }
        }
    }

    private void readDependencies() throws SQLException {
        try (PreparedStatement statement = prepare(CatalogQueries.DEPENDENCIES);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long sourceOid = firstOid(rs, "rel", "typ", "proc");
                ObjectRef source = resolve(rs, "rel", "typ", "proc");
                ObjectRef target = resolve(rs, "ref_rel", "ref_typ", "ref_proc");
                if (source == null || target == null || source.equals(target)) {
                    continue;
                }
                dependencies.computeIfAbsent(sourceOid, k -> new TreeSet<>()).add(target);
            }
        }
    }

    private static long firstOid(ResultSet rs, String... columnsInOrder) throws SQLException {
        for (String column : columnsInOrder) {
            long value = rs.getLong(column);
            if (!rs.wasNull()) {
                return value;
            }
        }
        return 0;
    }

    private ObjectRef resolve(ResultSet rs, String relation, String type, String function) throws SQLException {
        long rel = rs.getLong(relation);
        if (!rs.wasNull()) {
            Long compositeType = compositeRelations.get(rel);
            return compositeType != null ? types.get(compositeType) : relations.get(rel);
        }
        long typ = rs.getLong(type);
        if (!rs.wasNull()) {
            return types.get(typ);
        }
        long proc = rs.getLong(function);
        return rs.wasNull() ? null : functions.get(proc);
    }

    private Map<Long, List<Constraint>> readConstraints() throws SQLException {
        Map<Long, List<Constraint>> result = new HashMap<>();
        try (PreparedStatement statement = prepare(CatalogQueries.CONSTRAINTS);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                ConstraintType type = switch (rs.getString("contype")) {
                    case "p" -> ConstraintType.PRIMARY_KEY;
                    case "u" -> ConstraintType.UNIQUE;
                    case "c" -> ConstraintType.CHECK;
                    case "f" -> ConstraintType.FOREIGN_KEY;
                    default -> ConstraintType.EXCLUDE;
                };
                Optional<ObjectRef> references = Optional.empty();
                if (rs.getString("ref_table") != null) {
                    references = Optional.of(new ObjectRef(ObjectKind.TABLE, rs.getString("ref_schema"),
                            rs.getString("ref_table")));
                }
                result.computeIfAbsent(rs.getLong("conrelid"), k -> new ArrayList<>())
                        .add(new Constraint(rs.getString("conname"), type,
                                withoutNotValid(rs.getString("definition")), rs.getBoolean("convalidated"),
                                rs.getBoolean("condeferrable"), rs.getBoolean("condeferred"), references,
                                text(rs, "description")));
            }
        }
        return result;
    }

    private Map<Long, List<Index>> readIndexes() throws SQLException {
        Map<Long, List<Index>> result = new HashMap<>();
        try (PreparedStatement statement = prepare(CatalogQueries.INDEXES);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                result.computeIfAbsent(rs.getLong("indrelid"), k -> new ArrayList<>())
                        .add(new Index(rs.getString("relname"), rs.getString("definition"),
                                rs.getBoolean("indisvalid"), text(rs, "description")));
            }
        }
        return result;
    }

    private Map<Long, List<Trigger>> readTriggers() throws SQLException {
        Map<Long, List<Trigger>> result = new HashMap<>();
        String sql = CatalogQueries.TRIGGERS.formatted(
                serverVersion >= 130000 ? CatalogQueries.TRIGGERS_NOT_CLONED_13 : "");
        try (PreparedStatement statement = prepare(sql);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Trigger.Enabled enabled = switch (rs.getString("tgenabled")) {
                    case "D" -> Trigger.Enabled.DISABLED;
                    case "R" -> Trigger.Enabled.REPLICA;
                    case "A" -> Trigger.Enabled.ALWAYS;
                    default -> Trigger.Enabled.ORIGIN;
                };
                result.computeIfAbsent(rs.getLong("tgrelid"), k -> new ArrayList<>())
                        .add(new Trigger(rs.getString("tgname"), rs.getString("definition"), enabled,
                                text(rs, "description")));
            }
        }
        return result;
    }

    private Map<Long, List<Policy>> readPolicies() throws SQLException {
        Map<Long, List<Policy>> result = new HashMap<>();
        try (PreparedStatement statement = prepare(CatalogQueries.POLICIES);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                String command = switch (rs.getString("polcmd")) {
                    case "r" -> "SELECT";
                    case "a" -> "INSERT";
                    case "w" -> "UPDATE";
                    case "d" -> "DELETE";
                    default -> "ALL";
                };
                result.computeIfAbsent(rs.getLong("polrelid"), k -> new ArrayList<>())
                        .add(new Policy(rs.getString("polname"), rs.getBoolean("polpermissive"), command,
                                strings(rs, "roles"), text(rs, "using_expr"), text(rs, "check_expr"),
                                text(rs, "description")));
            }
        }
        return result;
    }

    private List<DefaultPrivilege> readDefaultPrivileges() throws SQLException {
        List<DefaultPrivilege> result = new ArrayList<>();
        try (PreparedStatement statement = prepare(CatalogQueries.DEFAULT_PRIVILEGES);
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                Optional<String> schema = text(rs, "nspname");
                if (schema.isPresent() && !schemaFilter.test(schema.get())) {
                    continue;
                }
                String objectType = switch (rs.getString("defaclobjtype")) {
                    case "r" -> "TABLES";
                    case "S" -> "SEQUENCES";
                    case "f" -> "FUNCTIONS";
                    case "T" -> "TYPES";
                    default -> "SCHEMAS";
                };
                result.add(new DefaultPrivilege(rs.getString("role"), schema, objectType, acl(rs, "acl")));
            }
        }
        return result;
    }

    /** Assembles the type entries once their parts (checks, attributes, dependencies) are read. */
    private static final class TypeParts {
        final List<EnumType> enums = new ArrayList<>();
        final Map<Long, Domain> domainRows = new HashMap<>();
        final Map<Long, List<Domain.Check>> domainChecks = new HashMap<>();
        final Map<Long, CompositeType> compositeRows = new HashMap<>();
        final Map<Long, RangeType> rangeRows = new HashMap<>();

        List<Domain> domains(CatalogReader reader) {
            List<Domain> result = new ArrayList<>();
            domainRows.forEach((oid, d) -> result.add(new Domain(d.schema(), d.name(), d.baseType(), d.collation(),
                    d.notNull(), d.defaultValue(), domainChecks.getOrDefault(oid, List.of()), d.owner(), d.comment(),
                    reader.dependsOn(oid, reader.types.get(oid)))));
            return result;
        }

        List<CompositeType> composites(CatalogReader reader) {
            List<CompositeType> result = new ArrayList<>();
            Map<Long, Long> relationsByType = new HashMap<>();
            reader.compositeRelations.forEach((relation, type) -> relationsByType.put(type, relation));
            compositeRows.forEach((oid, c) -> {
                List<CompositeType.Attribute> attributes = reader.columns
                        .getOrDefault(relationsByType.get(oid), List.of()).stream()
                        .map(col -> new CompositeType.Attribute(col.name(), col.type(), col.collation()))
                        .toList();
                Set<ObjectRef> refs = new TreeSet<>(reader.dependsOn(oid, reader.types.get(oid)));
                refs.addAll(reader.dependsOn(relationsByType.get(oid), reader.types.get(oid)));
                result.add(new CompositeType(c.schema(), c.name(), attributes, c.owner(), c.comment(),
                        List.copyOf(refs)));
            });
            return result;
        }

        List<RangeType> ranges(CatalogReader reader) {
            List<RangeType> result = new ArrayList<>();
            rangeRows.forEach((oid, r) -> result.add(new RangeType(r.schema(), r.name(), r.subtype(),
                    r.subtypeOpclass(), r.collation(), r.canonical(), r.subtypeDiff(), r.multirange(), r.owner(),
                    r.comment(), reader.dependsOn(oid, reader.types.get(oid)))));
            return result;
        }
    }

    static String withoutNotValid(String definition) {
        return definition.endsWith(" NOT VALID")
                ? definition.substring(0, definition.length() - " NOT VALID".length())
                : definition;
    }

    private static Optional<String> text(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    private static List<String> strings(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return List.of();
        }
        return List.of((String[]) array.getArray());
    }

    private static List<Grant> acl(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? List.of() : AclItems.parse((String[]) array.getArray());
    }
}
