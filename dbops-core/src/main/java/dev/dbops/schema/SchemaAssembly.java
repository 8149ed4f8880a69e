package dev.dbops.schema;

import dev.dbops.schema.CatalogRows.DependencyRow;
import dev.dbops.schema.CatalogRows.ExtensionMembers;
import dev.dbops.schema.CatalogRows.NamespaceRow;
import dev.dbops.schema.ConstraintDefinitions.ConstraintRow;
import dev.dbops.schema.IndexDefinitions.IndexRow;
import dev.dbops.schema.RelationRows.FunctionRow;
import dev.dbops.schema.RelationRows.TableRow;
import dev.dbops.schema.RelationRows.ViewRow;
import dev.dbops.schema.TypeRows.SequenceRow;
import dev.dbops.schema.TypeRows.TypeRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Puts the {@link Schema} together from the rows of the catalog queries: leaves out what belongs
 * to an extension, gives every table, view and type its parts by OID, attaches identity options to
 * their columns, and resolves dependencies to the objects they name. OIDs never leave this class.
 */
final class SchemaAssembly {

    /** Everything one inspection read, with the definitions rendered for its indexes and constraints. */
    record Rows(List<NamespaceRow> namespaces, List<Extension> extensions, ExtensionMembers extensionMembers,
            List<TypeRow> types, OidMap<List<Domain.Check>> domainChecks, List<SequenceRow> sequences,
            List<TableRow> tables, OidMap<List<ObjectRef>> parents, List<ViewRow> views, List<FunctionRow> functions, RelationColumns columns,
            OidMap<Map<Integer, String>> columnComments, List<DependencyRow> dependencies,
            List<ConstraintRow> constraints, OidMap<ConstraintDefinitions.Rendered> constraintDefinitions,
            List<IndexRow> indexes, OidMap<String> indexDefinitions, OidMap<List<Trigger>> triggers,
            OidMap<List<Policy>> policies, List<DefaultPrivilege> defaultPrivileges) {
    }

    private final Rows rows;
    private final OidMap<ObjectRef> relations = new OidMap<>(4096);
    private final OidMap<ObjectRef> types = new OidMap<>(4096);
    private final OidMap<ObjectRef> functions = new OidMap<>();
    private final OidMap<Long> compositeRelations = new OidMap<>();
    private final OidMap<Set<ObjectRef>> dependencies = new OidMap<>();
    /** Identity sequences by the column they belong to ({@link #columnKey}). */
    private final OidMap<SequenceRow> identitySequences = new OidMap<>(2048);

    private SchemaAssembly(Rows rows) {
        this.rows = rows;
    }

    static Schema assemble(Rows rows) {
        return new SchemaAssembly(rows).schema();
    }

    // Each step is a method of its own: the JIT compiles small methods sooner and more cheaply than one large one.
    private Schema schema() {
        Set<Long> extensionRelations = rows.extensionMembers().relations();
        Set<Long> extensionTypes = rows.extensionMembers().types();
        List<TypeRow> typeRows = rows.types().stream().filter(t -> !extensionTypes.contains(t.oid())).toList();
        List<TableRow> tableRows = rows.tables().stream().filter(t -> !extensionRelations.contains(t.oid())).toList();
        List<ViewRow> viewRows = rows.views().stream().filter(v -> !extensionRelations.contains(v.oid())).toList();
        List<Sequence> sequences = sequences(extensionRelations);
        nameObjects(typeRows, tableRows, viewRows);
        resolveDependencies();
        OidMap<List<Index>> indexes = indexes();
        List<Namespace> namespaces = rows.namespaces().stream().map(NamespaceRow::namespace).toList();
        TypeLists typeLists = typeLists(typeRows);
        return new Schema(namespaces, rows.extensions(), typeLists.enums(), typeLists.domains(),
                typeLists.composites(), typeLists.ranges(), sequences, tables(tableRows, indexes),
                views(viewRows, indexes), functions(), rows.defaultPrivileges());
    }

    /** The sequences that are not identity sequences, which are noted for their columns instead. */
    private List<Sequence> sequences(Set<Long> extensionRelations) {
        List<Sequence> sequences = new ArrayList<>();
        for (SequenceRow row : rows.sequences()) {
            if (row.dependency() == 'i') {
                identitySequences.put(columnKey(row.table(), row.column()), row);
            } else if (row.sequence().isPresent() && !extensionRelations.contains(row.oid())) {
                Sequence sequence = row.sequence().get();
                relations.put(row.oid(), new ObjectRef(ObjectKind.SEQUENCE, sequence.schema(), sequence.name()));
                sequences.add(sequence);
            }
        }
        return sequences;
    }

    /** Notes the name of every relation, type and function by OID, for dependencies. */
    private void nameObjects(List<TypeRow> typeRows, List<TableRow> tableRows, List<ViewRow> viewRows) {
        for (TypeRow row : typeRows) {
            ObjectRef ref = typeRef(row.model());
            types.put(row.oid(), ref);
            types.put(row.arrayType(), ref);
            if (row.model() instanceof CompositeType) {
                compositeRelations.put(row.relation(), row.oid());
            }
        }
        for (TableRow row : tableRows) {
            ObjectRef ref = row.ref();
            relations.put(row.oid(), ref);
            types.put(row.rowType(), ref);
            types.put(row.arrayType(), ref);
        }
        for (ViewRow row : viewRows) {
            ObjectRef ref = row.ref();
            relations.put(row.oid(), ref);
            types.put(row.rowType(), ref);
            types.put(row.arrayType(), ref);
        }
        for (FunctionRow row : rows.functions()) {
            functions.put(row.oid(), row.ref());
        }
    }

    private List<Table> tables(List<TableRow> tableRows, OidMap<List<Index>> indexes) {
        OidMap<List<Constraint>> constraints = constraints();
        List<Table> tables = new ArrayList<>(tableRows.size());
        for (TableRow row : tableRows) {
            tables.add(table(row, constraints, indexes));
        }
        return tables;
    }

    private Table table(TableRow t, OidMap<List<Constraint>> constraints, OidMap<List<Index>> indexes) {
        long oid = t.oid();
        List<ObjectRef> parents = rows.parents().getOrDefault(oid, List.of());
        Optional<Table.Partition> partitionOf = t.bound().map(bound -> new Table.Partition(parents.get(0), bound));
        return new Table(t.schema(), t.name(), t.unlogged(), t.partitionKey(), partitionOf,
                partitionOf.isPresent() ? List.of() : parents, t.options(), t.replicaIdentity(),
                t.replicaIdentityIndex(), t.rowSecurity(), t.forceRowSecurity(), t.owner(), t.comment(), t.grants(),
                columns(oid), constraints.getOrDefault(oid, List.of()), indexes.getOrDefault(oid, List.of()),
                rows.triggers().getOrDefault(oid, List.of()), rows.policies().getOrDefault(oid, List.of()),
                dependsOn(oid, t.ref()));
    }

    private List<View> views(List<ViewRow> viewRows, OidMap<List<Index>> indexes) {
        List<View> views = new ArrayList<>(viewRows.size());
        for (ViewRow v : viewRows) {
            List<View.ViewColumn> viewColumns = columns(v.oid()).stream()
                    .map(c -> new View.ViewColumn(c.name(), c.type(), c.comment()))
                    .toList();
            views.add(new View(v.schema(), v.name(), v.materialized(), v.definition(), v.options(), viewColumns,
                    indexes.getOrDefault(v.oid(), List.of()), rows.triggers().getOrDefault(v.oid(), List.of()),
                    v.owner(), v.comment(), v.grants(), dependsOn(v.oid(), v.ref())));
        }
        return views;
    }

    private List<Function> functions() {
        List<Function> functionList = new ArrayList<>(rows.functions().size());
        for (FunctionRow f : rows.functions()) {
            functionList.add(new Function(f.schema(), f.name(), f.arguments(), f.procedure(), f.result(),
                    f.definition(), f.owner(), f.comment(), f.grants(), dependsOn(f.oid(), f.ref())));
        }
        return functionList;
    }

    /** The user-defined types, by kind. */
    private record TypeLists(List<EnumType> enums, List<Domain> domains, List<CompositeType> composites,
            List<RangeType> ranges) {
    }

    private TypeLists typeLists(List<TypeRow> typeRows) {
        TypeLists lists = new TypeLists(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (TypeRow row : typeRows) {
            ObjectRef self = types.get(row.oid());
            if (row.model() instanceof EnumType e) {
                lists.enums().add(e);
            } else if (row.model() instanceof Domain d) {
                lists.domains().add(new Domain(d.schema(), d.name(), d.baseType(), d.collation(), d.notNull(),
                        d.defaultValue(), rows.domainChecks().getOrDefault(row.oid(), List.of()), d.owner(),
                        d.comment(), dependsOn(row.oid(), self)));
            } else if (row.model() instanceof CompositeType c) {
                List<CompositeType.Attribute> attributes = columns(row.relation()).stream()
                        .map(col -> new CompositeType.Attribute(col.name(), col.type(), col.collation()))
                        .toList();
                Set<ObjectRef> refs = new TreeSet<>(dependsOn(row.oid(), self));
                refs.addAll(dependsOn(row.relation(), self));
                lists.composites().add(new CompositeType(c.schema(), c.name(), attributes, c.owner(), c.comment(),
                        List.copyOf(refs)));
            } else if (row.model() instanceof RangeType r) {
                lists.ranges().add(new RangeType(r.schema(), r.name(), r.subtype(), r.subtypeOpclass(),
                        r.collation(), r.canonical(), r.subtypeDiff(), r.multirange(), r.owner(), r.comment(),
                        dependsOn(row.oid(), self)));
            }
        }
        return lists;
    }

    /** A column by relation OID and attribute number, in one number. */
    private static long columnKey(long relation, int attnum) {
        return (relation << 16) | attnum;
    }

    private static ObjectRef typeRef(Object model) {
        if (model instanceof EnumType e) {
            return new ObjectRef(ObjectKind.ENUM, e.schema(), e.name());
        }
        if (model instanceof Domain d) {
            return new ObjectRef(ObjectKind.DOMAIN, d.schema(), d.name());
        }
        if (model instanceof CompositeType c) {
            return new ObjectRef(ObjectKind.COMPOSITE_TYPE, c.schema(), c.name());
        }
        RangeType r = (RangeType) model;
        return new ObjectRef(ObjectKind.RANGE_TYPE, r.schema(), r.name());
    }

    /** A relation's columns in order, with their comments, identity columns with their sequence's options. */
    private List<Column> columns(long relation) {
        List<Column> result = new ArrayList<>();
        Map<Integer, String> comments = rows.columnComments().getOrDefault(relation, Map.of());
        for (RelationColumns.ColumnRow row : rows.columns().of(relation)) {
            Column c = row.column();
            Optional<Column.Identity> identity = Optional.empty();
            if (row.identityKind() != ' ') {
                SequenceRow sequence = identitySequences.get(columnKey(relation, row.attnum()));
                boolean always = row.identityKind() == 'a';
                identity = Optional.of(sequence != null ? sequence.identity(always)
                        : new Column.Identity(always, 0, 0, 0, 0, 0, false));
            }
            Optional<String> comment = Optional.ofNullable(comments.get(row.attnum()));
            if (identity.isPresent() || comment.isPresent()) {
                c = new Column(c.name(), c.type(), c.collation(), c.notNull(), c.defaultValue(), identity,
                        c.generated(), c.inherited(), comment, c.grants());
            }
            result.add(c);
        }
        return result;
    }

    private OidMap<List<Constraint>> constraints() {
        OidMap<List<Constraint>> result = new OidMap<>(4096);
        for (ConstraintRow row : rows.constraints()) {
            ConstraintType type = switch (row.type()) {
                case 'p' -> ConstraintType.PRIMARY_KEY;
                case 'u' -> ConstraintType.UNIQUE;
                case 'c' -> ConstraintType.CHECK;
                case 'f' -> ConstraintType.FOREIGN_KEY;
                default -> ConstraintType.EXCLUDE;
            };
            ConstraintDefinitions.Rendered rendered = rows.constraintDefinitions().get(row.oid());
            result.computeIfAbsent(row.table(), k -> new ArrayList<>()).add(new Constraint(row.name(), type,
                    rendered.definition(), row.validated(), row.deferrable(), row.deferred(), rendered.references(),
                    row.comment()));
        }
        return result;
    }

    private OidMap<List<Index>> indexes() {
        OidMap<List<Index>> result = new OidMap<>(4096);
        for (IndexRow row : rows.indexes()) {
            result.computeIfAbsent(row.table(), k -> new ArrayList<>()).add(new Index(row.name(),
                    rows.indexDefinitions().get(row.oid()), row.valid(), row.comment()));
        }
        return result;
    }

    private void resolveDependencies() {
        for (DependencyRow row : rows.dependencies()) {
            long sourceOid = row.relation() != 0 ? row.relation() : row.type() != 0 ? row.type() : row.function();
            ObjectRef source = resolve(row.relation(), row.type(), row.function());
            ObjectRef target = resolve(row.refRelation(), row.refType(), row.refFunction());
            if (source == null || target == null || source.equals(target)) {
                continue;
            }
            dependencies.computeIfAbsent(sourceOid, k -> new TreeSet<>()).add(target);
        }
    }

    private ObjectRef resolve(long relation, long type, long function) {
        if (relation != 0) {
            Long compositeType = compositeRelations.get(relation);
            return compositeType != null ? types.get(compositeType) : relations.get(relation);
        }
        if (type != 0) {
            return types.get(type);
        }
        return function != 0 ? functions.get(function) : null;
    }

    private List<ObjectRef> dependsOn(long oid, ObjectRef self) {
        Set<ObjectRef> refs = dependencies.getOrDefault(oid, Set.of());
        return refs.stream().filter(r -> !r.equals(self)).toList();
    }
}
