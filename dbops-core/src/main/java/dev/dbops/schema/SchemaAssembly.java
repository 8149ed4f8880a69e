package dev.dbops.schema;

import dev.dbops.schema.CatalogRows.DependencyRow;
import dev.dbops.schema.CatalogRows.ExtensionMembers;
import dev.dbops.schema.CatalogRows.FunctionRow;
import dev.dbops.schema.CatalogRows.NamespaceRow;
import dev.dbops.schema.CatalogRows.SequenceRow;
import dev.dbops.schema.CatalogRows.TableRow;
import dev.dbops.schema.CatalogRows.TypeRow;
import dev.dbops.schema.CatalogRows.ViewRow;
import dev.dbops.schema.ConstraintDefinitions.ConstraintRow;
import dev.dbops.schema.IndexDefinitions.IndexRow;
import java.util.ArrayList;
import java.util.HashMap;
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
            List<TypeRow> types, Map<Long, List<Domain.Check>> domainChecks, List<SequenceRow> sequences,
            List<TableRow> tables, Map<Long, List<ObjectRef>> parents, List<ViewRow> views, List<FunctionRow> functions, RelationColumns columns,
            Map<Long, Map<Integer, String>> columnComments, List<DependencyRow> dependencies,
            List<ConstraintRow> constraints, Map<Long, ConstraintDefinitions.Rendered> constraintDefinitions,
            List<IndexRow> indexes, Map<Long, String> indexDefinitions, Map<Long, List<Trigger>> triggers,
            Map<Long, List<Policy>> policies, List<DefaultPrivilege> defaultPrivileges) {
    }

    /** A column by table OID and attribute number. */
    private record ColumnKey(long relation, int attnum) {
    }

    private final Rows rows;
    private final Map<Long, ObjectRef> relations = new HashMap<>();
    private final Map<Long, ObjectRef> types = new HashMap<>();
    private final Map<Long, ObjectRef> functions = new HashMap<>();
    private final Map<Long, Long> compositeRelations = new HashMap<>();
    private final Map<Long, Set<ObjectRef>> dependencies = new HashMap<>();
    private final Map<ColumnKey, SequenceRow> identitySequences = new HashMap<>();

    private SchemaAssembly(Rows rows) {
        this.rows = rows;
    }

    static Schema assemble(Rows rows) {
        return new SchemaAssembly(rows).schema();
    }

    private Schema schema() {
        Set<Long> extensionRelations = rows.extensionMembers().relations();
        Set<Long> extensionTypes = rows.extensionMembers().types();
        List<TypeRow> typeRows = rows.types().stream().filter(t -> !extensionTypes.contains(t.oid())).toList();
        List<TableRow> tableRows = rows.tables().stream().filter(t -> !extensionRelations.contains(t.oid())).toList();
        List<ViewRow> viewRows = rows.views().stream().filter(v -> !extensionRelations.contains(v.oid())).toList();
        List<Sequence> sequences = new ArrayList<>();
        for (SequenceRow row : rows.sequences()) {
            if (row.dependency() == 'i') {
                identitySequences.put(new ColumnKey(row.table(), row.column()), row);
            } else if (row.sequence().isPresent() && !extensionRelations.contains(row.oid())) {
                Sequence sequence = row.sequence().get();
                relations.put(row.oid(), new ObjectRef(ObjectKind.SEQUENCE, sequence.schema(), sequence.name()));
                sequences.add(sequence);
            }
        }
        for (TypeRow row : typeRows) {
            ObjectRef ref = typeRef(row.model());
            types.put(row.oid(), ref);
            types.put(row.arrayType(), ref);
            if (row.model() instanceof CompositeType) {
                compositeRelations.put(row.relation(), row.oid());
            }
        }
        for (TableRow row : tableRows) {
            ObjectRef ref = row.table().ref();
            relations.put(row.oid(), ref);
            types.put(row.rowType(), ref);
            types.put(row.arrayType(), ref);
        }
        for (ViewRow row : viewRows) {
            ObjectRef ref = row.view().ref();
            relations.put(row.oid(), ref);
            types.put(row.rowType(), ref);
            types.put(row.arrayType(), ref);
        }
        for (FunctionRow row : rows.functions()) {
            functions.put(row.oid(), row.function().ref());
        }
        resolveDependencies();

        Map<Long, List<Constraint>> constraints = constraints();
        Map<Long, List<Index>> indexes = indexes();
        List<Table> tables = new ArrayList<>();
        for (TableRow row : tableRows) {
            Table t = row.table();
            List<ObjectRef> parents = rows.parents().getOrDefault(row.oid(), List.of());
            Optional<Table.Partition> partitionOf = row.bound().map(bound -> new Table.Partition(parents.get(0), bound));
            tables.add(new Table(t.schema(), t.name(), t.unlogged(), t.partitionKey(), partitionOf,
                    partitionOf.isPresent() ? List.of() : parents, t.options(), t.replicaIdentity(), t.replicaIdentityIndex(), t.rowSecurity(),
                    t.forceRowSecurity(), t.owner(), t.comment(), t.grants(), columns(row.oid()),
                    constraints.getOrDefault(row.oid(), List.of()), indexes.getOrDefault(row.oid(), List.of()),
                    rows.triggers().getOrDefault(row.oid(), List.of()),
                    rows.policies().getOrDefault(row.oid(), List.of()), dependsOn(row.oid(), t.ref())));
        }
        List<View> views = new ArrayList<>();
        for (ViewRow row : viewRows) {
            View v = row.view();
            List<View.ViewColumn> viewColumns = columns(row.oid()).stream()
                    .map(c -> new View.ViewColumn(c.name(), c.type(), c.comment()))
                    .toList();
            views.add(new View(v.schema(), v.name(), v.materialized(), v.definition(), v.options(), viewColumns,
                    indexes.getOrDefault(row.oid(), List.of()), rows.triggers().getOrDefault(row.oid(), List.of()),
                    v.owner(), v.comment(), v.grants(), dependsOn(row.oid(), v.ref())));
        }
        List<Function> functionList = new ArrayList<>();
        for (FunctionRow row : rows.functions()) {
            Function f = row.function();
            functionList.add(new Function(f.schema(), f.name(), f.arguments(), f.procedure(), f.result(),
                    f.definition(), f.owner(), f.comment(), f.grants(), dependsOn(row.oid(), f.ref())));
        }
        List<EnumType> enums = new ArrayList<>();
        List<Domain> domains = new ArrayList<>();
        List<CompositeType> composites = new ArrayList<>();
        List<RangeType> ranges = new ArrayList<>();
        for (TypeRow row : typeRows) {
            ObjectRef self = types.get(row.oid());
            if (row.model() instanceof EnumType e) {
                enums.add(e);
            } else if (row.model() instanceof Domain d) {
                domains.add(new Domain(d.schema(), d.name(), d.baseType(), d.collation(), d.notNull(),
                        d.defaultValue(), rows.domainChecks().getOrDefault(row.oid(), List.of()), d.owner(),
                        d.comment(), dependsOn(row.oid(), self)));
            } else if (row.model() instanceof CompositeType c) {
                List<CompositeType.Attribute> attributes = columns(row.relation()).stream()
                        .map(col -> new CompositeType.Attribute(col.name(), col.type(), col.collation()))
                        .toList();
                Set<ObjectRef> refs = new TreeSet<>(dependsOn(row.oid(), self));
                refs.addAll(dependsOn(row.relation(), self));
                composites.add(new CompositeType(c.schema(), c.name(), attributes, c.owner(), c.comment(),
                        List.copyOf(refs)));
            } else if (row.model() instanceof RangeType r) {
                ranges.add(new RangeType(r.schema(), r.name(), r.subtype(), r.subtypeOpclass(), r.collation(),
                        r.canonical(), r.subtypeDiff(), r.multirange(), r.owner(), r.comment(),
                        dependsOn(row.oid(), self)));
            }
        }
        List<Namespace> namespaces = rows.namespaces().stream().map(NamespaceRow::namespace).toList();
        return new Schema(namespaces, rows.extensions(), enums, domains, composites, ranges, sequences, tables,
                views, functionList, rows.defaultPrivileges());
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
                SequenceRow sequence = identitySequences.get(new ColumnKey(relation, row.attnum()));
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

    private Map<Long, List<Constraint>> constraints() {
        Map<Long, List<Constraint>> result = new HashMap<>();
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

    private Map<Long, List<Index>> indexes() {
        Map<Long, List<Index>> result = new HashMap<>();
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
