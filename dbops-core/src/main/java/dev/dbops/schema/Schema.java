package dev.dbops.schema;

import java.util.List;
import java.util.Optional;

/**
 * The structure of one PostgreSQL database: every object the schema engine reads, in canonical
 * order, with nothing volatile (no OIDs, no sequence positions, no statistics). Two databases with
 * the same structure give equal {@code Schema}s.
 */
public record Schema(
        List<Namespace> schemas,
        List<Extension> extensions,
        List<EnumType> enums,
        List<Domain> domains,
        List<CompositeType> compositeTypes,
        List<RangeType> rangeTypes,
        List<Sequence> sequences,
        List<Table> tables,
        List<View> views,
        List<Function> functions,
        List<DefaultPrivilege> defaultPrivileges) {

    /** A schema with no objects at all. */
    public static final Schema EMPTY =
            new Schema(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of());

    /** Creates a schema model; every list is copied into canonical order. */
    public Schema {
        schemas = Models.sorted(schemas, Namespace::name);
        extensions = Models.sorted(extensions, Extension::name);
        // By schema, then name: the order of "schema\0name", as names never hold a NUL.
        enums = Models.sorted(enums, Models.bySchemaAndName(EnumType::schema, EnumType::name));
        domains = Models.sorted(domains, Models.bySchemaAndName(Domain::schema, Domain::name));
        compositeTypes = Models.sorted(compositeTypes,
                Models.bySchemaAndName(CompositeType::schema, CompositeType::name));
        rangeTypes = Models.sorted(rangeTypes, Models.bySchemaAndName(RangeType::schema, RangeType::name));
        sequences = Models.sorted(sequences, Models.bySchemaAndName(Sequence::schema, Sequence::name));
        tables = Models.sorted(tables, Models.bySchemaAndName(Table::schema, Table::name));
        views = Models.sorted(views, Models.bySchemaAndName(View::schema, View::name));
        functions = Models.sorted(functions, Models.bySchemaAndName(Function::schema, Function::signature));
        defaultPrivileges = Models.sorted(defaultPrivileges, DefaultPrivilege::key);
    }

    /** The table with this schema and name, if there is one. */
    public Optional<Table> table(String schema, String name) {
        return tables.stream().filter(t -> t.schema().equals(schema) && t.name().equals(name)).findFirst();
    }

    /** The view or materialized view with this schema and name, if there is one. */
    public Optional<View> view(String schema, String name) {
        return views.stream().filter(v -> v.schema().equals(schema) && v.name().equals(name)).findFirst();
    }

    /** The number of tables, views, sequences, functions and types: a measure of size for logs. */
    public int objectCount() {
        return schemas.size() + extensions.size() + enums.size() + domains.size() + compositeTypes.size()
                + rangeTypes.size() + sequences.size() + tables.size() + views.size() + functions.size();
    }
}
