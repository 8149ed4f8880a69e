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
        void read(CatalogRow row);
    }

    /** Looks up the columns a reader needs, once per query, and returns the reader of its rows. */
    @FunctionalInterface
    interface Reading {
        RowReader columns(CatalogRow row);
    }

    /**
     * Runs a query, binding the inspected namespaces to each of its parameters, and reads every row.
     */
    static void each(Connection connection, String sql, String namespaces, Reading reading) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int parameter = 0;
            for (int i = sql.indexOf('?'); i >= 0; i = sql.indexOf('?', i + 1)) {
                statement.setString(++parameter, namespaces);
            }
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = statement.executeQuery()) {
                CatalogRow row = new CatalogRow(rs);
                RowReader reader = reading.columns(row);
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
        List<NamespaceRow> rows = new ArrayList<>();
        each(connection, sql, "{}", columns -> {
            int oid = columns.column("oid");
            int name = columns.column("nspname");
            int owner = columns.column("owner");
            int description = columns.column("description");
            int acl = columns.column("acl");
            return row -> {
                String schema = row.text(name);
                if (filter.test(schema)) {
                    rows.add(new NamespaceRow(row.number(oid), new Namespace(schema, row.text(owner),
                            row.optionalText(description), row.acl(acl))));
                }
            };
        });
        return rows;
    }

    static List<Extension> extensions(Connection connection, String sql, String namespaces) throws SQLException {
        List<Extension> result = new ArrayList<>();
        each(connection, sql, namespaces, columns -> {
            int name = columns.column("extname");
            int schema = columns.column("nspname");
            int version = columns.column("extversion");
            int description = columns.column("description");
            return row -> result.add(new Extension(row.text(name), row.text(schema), row.text(version),
                    row.optionalText(description)));
        });
        return result;
    }

    /** The OIDs of relations and of types that belong to an extension. */
    record ExtensionMembers(Set<Long> relations, Set<Long> types) {
    }

    static ServerQuoting quoting(Connection connection, String sql) throws SQLException {
        List<ServerQuoting> result = new ArrayList<>();
        each(connection, sql, "{}", columns -> {
            int keywords = columns.column("keywords");
            int quoteAll = columns.column("quote_all");
            int standardStrings = columns.column("standard_strings");
            return row -> result.add(new ServerQuoting(new HashSet<>(row.textArray(keywords)), row.bool(quoteAll),
                    row.bool(standardStrings)));
        });
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
        each(connection, sql, namespaces, c -> {
            int oid = c.column("oid");
            int nspname = c.column("nspname");
            int typname = c.column("typname");
            int typtype = c.column("typtype");
            int typrelid = c.column("typrelid");
            int typarray = c.column("typarray");
            int owner = c.column("owner");
            int description = c.column("description");
            int labels = c.column("labels");
            int baseType = c.column("base_type");
            int notNull = c.column("typnotnull");
            int defaultValue = c.column("default_value");
            int collation = c.column("collation");
            int subtype = c.column("subtype");
            int opclass = c.column("opclass");
            int rangeCollation = c.column("range_collation");
            int canonical = c.column("canonical");
            int subdiff = c.column("subdiff");
            int multirange = c.column("multirange");
            return row -> {
                String schema = row.text(nspname);
                String name = row.text(typname);
                String typeOwner = row.text(owner);
                Optional<String> comment = row.optionalText(description);
                Object model = switch (row.character(typtype)) {
                    case 'e' -> new EnumType(schema, name, row.textArray(labels), typeOwner, comment);
                    case 'd' -> new Domain(schema, name, row.text(baseType), row.optionalText(collation),
                            row.bool(notNull), row.optionalText(defaultValue), List.of(), typeOwner, comment,
                            List.of());
                    case 'c' -> new CompositeType(schema, name, List.of(), typeOwner, comment, List.of());
                    default -> new RangeType(schema, name, row.text(subtype), row.optionalText(opclass),
                            row.optionalText(rangeCollation), row.optionalText(canonical),
                            row.optionalText(subdiff), row.optionalText(multirange), typeOwner, comment, List.of());
                };
                rows.add(new TypeRow(row.number(oid), row.number(typarray), row.number(typrelid), model));
            };
        });
        return rows;
    }

    static Map<Long, List<Domain.Check>> domainChecks(Connection connection, String sql, String namespaces)
            throws SQLException {
        Map<Long, List<Domain.Check>> checks = new HashMap<>();
        each(connection, sql, namespaces, c -> {
            int domain = c.column("contypid");
            int name = c.column("conname");
            int definition = c.column("definition");
            int validated = c.column("convalidated");
            int description = c.column("description");
            return row -> checks.computeIfAbsent(row.number(domain), k -> new ArrayList<>())
                    .add(new Domain.Check(row.text(name), CatalogReader.withoutNotValid(row.text(definition)),
                            row.bool(validated), row.optionalText(description)));
        });
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
        each(connection, sql, namespaces, c -> {
            int oid = c.column("oid");
            int nspname = c.column("nspname");
            int relname = c.column("relname");
            int seqstart = c.column("seqstart");
            int seqincrement = c.column("seqincrement");
            int seqmin = c.column("seqmin");
            int seqmax = c.column("seqmax");
            int seqcache = c.column("seqcache");
            int seqcycle = c.column("seqcycle");
            int deptype = c.column("deptype");
            int refobjid = c.column("refobjid");
            int refobjsubid = c.column("refobjsubid");
            int dataType = c.column("data_type");
            int owner = c.column("owner");
            int description = c.column("description");
            int acl = c.column("acl");
            int ownedTable = c.column("owned_table");
            int ownedColumn = c.column("owned_column");
            return row -> {
                String schema = row.text(nspname);
                char dependency = row.character(deptype);
                long start = row.number(seqstart);
                long increment = row.number(seqincrement);
                long min = row.number(seqmin);
                long max = row.number(seqmax);
                long cache = row.number(seqcache);
                boolean cycle = row.bool(seqcycle);
                Optional<Sequence> sequence = Optional.empty();
                if (dependency != 'i') {
                    Optional<Sequence.ColumnRef> ownedBy = Optional.empty();
                    if (dependency == 'a' && !row.isNull(ownedTable)) {
                        // OWNED BY needs the sequence and the table in the same schema.
                        ownedBy = Optional.of(new Sequence.ColumnRef(schema, row.text(ownedTable),
                                row.text(ownedColumn)));
                    }
                    sequence = Optional.of(new Sequence(schema, row.text(relname), row.text(dataType), start,
                            increment, min, max, cache, cycle, ownedBy, row.text(owner),
                            row.optionalText(description), row.acl(acl)));
                }
                rows.add(new SequenceRow(row.number(oid), sequence, dependency, row.number(refobjid),
                        row.integer(refobjsubid), start, increment, min, max, cache, cycle));
            };
        });
        return rows;
    }

    /**
     * A table without its parts and parents; {@code rowType} and {@code arrayType} are its row type
     * and that type's array, {@code bound} a partition's bound (its parent comes from {@link #parents}).
     */
    record TableRow(long oid, long rowType, long arrayType, Optional<String> bound, Table table) {
    }

    /** Comments on columns by relation OID and attribute number. */
    static Map<Long, Map<Integer, String>> columnComments(Connection connection, String sql) throws SQLException {
        Map<Long, Map<Integer, String>> comments = new HashMap<>();
        each(connection, sql, "{}", c -> {
            int relation = c.column("objoid");
            int attnum = c.column("objsubid");
            int description = c.column("description");
            return row -> comments.computeIfAbsent(row.number(relation), k -> new HashMap<>())
                    .put(row.integer(attnum), row.text(description));
        });
        return comments;
    }

    /**
     * The parents of every table that has any, by table OID, in declared order ({@code inhseqno}):
     * the first is a partition's partitioned table.
     */
    static Map<Long, List<ObjectRef>> parents(Connection connection, String sql) throws SQLException {
        Map<Long, List<ObjectRef>> parents = new HashMap<>();
        each(connection, sql, "{}", c -> {
            int child = c.column("inhrelid");
            int schema = c.column("nspname");
            int name = c.column("relname");
            return row -> parents.computeIfAbsent(row.number(child), k -> new ArrayList<>())
                    .add(new ObjectRef(ObjectKind.TABLE, row.text(schema), row.text(name)));
        });
        return parents;
    }

    static List<TableRow> tables(Connection connection, String sql, String namespaces) throws SQLException {
        List<TableRow> rows = new ArrayList<>();
        each(connection, sql, namespaces, c -> {
            int oid = c.column("oid");
            int nspname = c.column("nspname");
            int relname = c.column("relname");
            int reltype = c.column("reltype");
            int typarray = c.column("typarray");
            int persistence = c.column("relpersistence");
            int partitionKey = c.column("partition_key");
            int isPartition = c.column("relispartition");
            int bound = c.column("bound");
            int options = c.column("options");
            int replident = c.column("relreplident");
            int replidentIndex = c.column("replident_index");
            int rowSecurity = c.column("relrowsecurity");
            int forceRowSecurity = c.column("relforcerowsecurity");
            int owner = c.column("owner");
            int description = c.column("description");
            int acl = c.column("acl");
            return row -> {
                Table.ReplicaIdentity identity = switch (row.character(replident)) {
                    case 'n' -> Table.ReplicaIdentity.NOTHING;
                    case 'f' -> Table.ReplicaIdentity.FULL;
                    case 'i' -> Table.ReplicaIdentity.INDEX;
                    default -> Table.ReplicaIdentity.DEFAULT;
                };
                Table table = new Table(row.text(nspname), row.text(relname), row.character(persistence) == 'u',
                        row.optionalText(partitionKey), Optional.empty(), List.of(), row.textArray(options), identity, row.optionalText(replidentIndex),
                        row.bool(rowSecurity), row.bool(forceRowSecurity), row.text(owner),
                        row.optionalText(description), row.acl(acl), List.of(), List.of(), List.of(), List.of(),
                        List.of(), List.of());
                rows.add(new TableRow(row.number(oid), row.number(reltype), row.number(typarray),
                        row.bool(isPartition) ? Optional.of(row.text(bound)) : Optional.empty(), table));
            };
        });
        return rows;
    }

    static Map<Long, List<Trigger>> triggers(Connection connection, String sql, String namespaces)
            throws SQLException {
        Map<Long, List<Trigger>> result = new HashMap<>();
        each(connection, sql, namespaces, c -> {
            int table = c.column("tgrelid");
            int name = c.column("tgname");
            int definition = c.column("definition");
            int tgenabled = c.column("tgenabled");
            int description = c.column("description");
            return row -> {
                Trigger.Enabled enabled = switch (row.character(tgenabled)) {
                    case 'D' -> Trigger.Enabled.DISABLED;
                    case 'R' -> Trigger.Enabled.REPLICA;
                    case 'A' -> Trigger.Enabled.ALWAYS;
                    default -> Trigger.Enabled.ORIGIN;
                };
                result.computeIfAbsent(row.number(table), k -> new ArrayList<>()).add(new Trigger(row.text(name),
                        row.text(definition), enabled, row.optionalText(description)));
            };
        });
        return result;
    }

    static Map<Long, List<Policy>> policies(Connection connection, String sql, String namespaces)
            throws SQLException {
        Map<Long, List<Policy>> result = new HashMap<>();
        each(connection, sql, namespaces, c -> {
            int table = c.column("polrelid");
            int name = c.column("polname");
            int permissive = c.column("polpermissive");
            int polcmd = c.column("polcmd");
            int roles = c.column("roles");
            int using = c.column("using_expr");
            int check = c.column("check_expr");
            int description = c.column("description");
            return row -> {
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
            };
        });
        return result;
    }

    /** A view without its columns, indexes, triggers and dependencies. */
    record ViewRow(long oid, long rowType, long arrayType, View view) {
    }

    static List<ViewRow> views(Connection connection, String sql, String namespaces) throws SQLException {
        List<ViewRow> rows = new ArrayList<>();
        each(connection, sql, namespaces, c -> {
            int oid = c.column("oid");
            int reltype = c.column("reltype");
            int typarray = c.column("typarray");
            int nspname = c.column("nspname");
            int relname = c.column("relname");
            int materialized = c.column("materialized");
            int definition = c.column("definition");
            int options = c.column("options");
            int owner = c.column("owner");
            int description = c.column("description");
            int acl = c.column("acl");
            return row -> rows.add(new ViewRow(row.number(oid), row.number(reltype), row.number(typarray),
                    new View(row.text(nspname), row.text(relname), row.bool(materialized), row.text(definition),
                            row.textArray(options), List.of(), List.of(), row.text(owner),
                            row.optionalText(description), row.acl(acl), List.of())));
        });
        return rows;
    }

    record FunctionRow(long oid, Function function) {
    }

    static List<FunctionRow> functions(Connection connection, String sql, String namespaces) throws SQLException {
        List<FunctionRow> rows = new ArrayList<>();
        each(connection, sql, namespaces, c -> {
            int oid = c.column("oid");
            int nspname = c.column("nspname");
            int proname = c.column("proname");
            int arguments = c.column("arguments");
            int procedure = c.column("procedure");
            int result = c.column("result");
            int definition = c.column("definition");
            int owner = c.column("owner");
            int description = c.column("description");
            int acl = c.column("acl");
            return row -> rows.add(new FunctionRow(row.number(oid), new Function(row.text(nspname),
                    row.text(proname), row.text(arguments), row.bool(procedure), row.optionalText(result),
                    row.text(definition), row.text(owner), row.optionalText(description), row.acl(acl),
                    List.of())));
        });
        return rows;
    }

    static List<DefaultPrivilege> defaultPrivileges(Connection connection, String sql, Predicate<String> filter)
            throws SQLException {
        List<DefaultPrivilege> result = new ArrayList<>();
        each(connection, sql, "{}", c -> {
            int role = c.column("role");
            int nspname = c.column("nspname");
            int objtype = c.column("defaclobjtype");
            int acl = c.column("acl");
            return row -> {
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
            };
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
        each(connection, sql, "{}", c -> {
            int deptype = c.column("deptype");
            int isType = c.column("is_type");
            int objid = c.column("objid");
            int rel = c.column("rel");
            int typ = c.column("typ");
            int proc = c.column("proc");
            int refRel = c.column("ref_rel");
            int refTyp = c.column("ref_typ");
            int refProc = c.column("ref_proc");
            return row -> {
                if (row.character(deptype) == 'e') {
                    (row.bool(isType) ? types : relations).add(row.number(objid));
                } else {
                    rows.add(new DependencyRow(row.number(rel), row.number(typ), row.number(proc),
                            row.number(refRel), row.number(refTyp), row.number(refProc)));
                }
            };
        });
        return new Dependencies(rows, new ExtensionMembers(relations, types));
    }
}
