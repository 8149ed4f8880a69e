package dev.dbops.schema;

import dev.dbops.schema.CatalogRows.RowReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads user-defined types, the checks of domains, and sequences. */
final class TypeRows {

    private TypeRows() {
    }

    /**
     * A user-defined type: {@code model} is its {@link EnumType}, or a {@link Domain},
     * {@link CompositeType} or {@link RangeType} still without its checks, attributes and dependencies.
     * Composite types come from {@link RelationRows#views}, the others from {@link #types}.
     *
     * @param relation for a composite type, the OID of the relation that holds its attributes
     */
    record TypeRow(long oid, long arrayType, long relation, Object model) {
    }

    static List<TypeRow> types(Connection connection, String sql, String namespaces) throws SQLException {
        Types reader = new Types();
        CatalogRows.each(connection, sql, namespaces, reader);
        return reader.rows;
    }

    private static final class Types extends RowReader {
        private final List<TypeRow> rows = new ArrayList<>();
        private int oid;
        private int nspname;
        private int typname;
        private int typtype;
        private int typrelid;
        private int typarray;
        private int owner;
        private int description;
        private int labels;
        private int baseType;
        private int notNull;
        private int defaultValue;
        private int collation;
        private int subtype;
        private int opclass;
        private int rangeCollation;
        private int canonical;
        private int subdiff;
        private int multirange;

        @Override
        void columns(CatalogRow c) {
            oid = c.column("oid");
            nspname = c.column("nspname");
            typname = c.column("typname");
            typtype = c.column("typtype");
            typrelid = c.column("typrelid");
            typarray = c.column("typarray");
            owner = c.column("owner");
            description = c.column("description");
            labels = c.column("labels");
            baseType = c.column("base_type");
            notNull = c.column("typnotnull");
            defaultValue = c.column("default_value");
            collation = c.column("collation");
            subtype = c.column("subtype");
            opclass = c.column("opclass");
            rangeCollation = c.column("range_collation");
            canonical = c.column("canonical");
            subdiff = c.column("subdiff");
            multirange = c.column("multirange");
        }

        @Override
        void read(CatalogRow row) {
            String schema = row.text(nspname);
            String name = row.text(typname);
            String typeOwner = row.text(owner);
            Optional<String> comment = row.optionalText(description);
            Object model = switch (row.character(typtype)) {
                case 'e' -> new EnumType(schema, name, row.textArray(labels), typeOwner, comment);
                case 'd' -> new Domain(schema, name, row.text(baseType), row.optionalText(collation), row.bool(notNull),
                        row.optionalText(defaultValue), List.of(), typeOwner, comment, List.of());
                default -> new RangeType(schema, name, row.text(subtype), row.optionalText(opclass),
                        row.optionalText(rangeCollation), row.optionalText(canonical), row.optionalText(subdiff),
                        row.optionalText(multirange), typeOwner, comment, List.of());
            };
            rows.add(new TypeRow(row.number(oid), row.number(typarray), row.number(typrelid), model));
        }
    }

    static CatalogRows.Reading<OidMap<List<Domain.Check>>> domainChecks() {
        return new CatalogRows.Reading<>() {
            private final OidMap<List<Domain.Check>> checks = new OidMap<>();
            private int domain;
            private int name;
            private int definition;
            private int validated;
            private int description;

            @Override
            void columns(CatalogRow c) {
                domain = c.column("contypid");
                name = c.column("conname");
                definition = c.column("definition");
                validated = c.column("convalidated");
                description = c.column("description");
            }

            @Override
            void read(CatalogRow row) {
                checks.computeIfAbsent(row.number(domain), k -> new ArrayList<>()).add(new Domain.Check(
                        row.text(name), CatalogReader.withoutNotValid(row.text(definition)), row.bool(validated),
                        row.optionalText(description)));
            }

            @Override
            OidMap<List<Domain.Check>> result() {
                return checks;
            }
        };
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
        Sequences reader = new Sequences();
        CatalogRows.each(connection, sql, namespaces, reader);
        return reader.rows;
    }

    private static final class Sequences extends RowReader {
        private final List<SequenceRow> rows = new ArrayList<>();
        private int oid;
        private int nspname;
        private int relname;
        private int seqstart;
        private int seqincrement;
        private int seqmin;
        private int seqmax;
        private int seqcache;
        private int seqcycle;
        private int deptype;
        private int refobjid;
        private int refobjsubid;
        private int dataType;
        private int owner;
        private int description;
        private int acl;
        private int ownedTable;
        private int ownedColumn;

        @Override
        void columns(CatalogRow c) {
            oid = c.column("oid");
            nspname = c.column("nspname");
            relname = c.column("relname");
            seqstart = c.column("seqstart");
            seqincrement = c.column("seqincrement");
            seqmin = c.column("seqmin");
            seqmax = c.column("seqmax");
            seqcache = c.column("seqcache");
            seqcycle = c.column("seqcycle");
            deptype = c.column("deptype");
            refobjid = c.column("refobjid");
            refobjsubid = c.column("refobjsubid");
            dataType = c.column("data_type");
            owner = c.column("owner");
            description = c.column("description");
            acl = c.column("acl");
            ownedTable = c.column("owned_table");
            ownedColumn = c.column("owned_column");
        }

        @Override
        void read(CatalogRow row) {
            char dependency = row.character(deptype);
            SequenceRow sequence = new SequenceRow(row.number(oid), Optional.empty(), dependency, row.number(refobjid),
                    row.integer(refobjsubid), row.number(seqstart), row.number(seqincrement), row.number(seqmin),
                    row.number(seqmax), row.number(seqcache), row.bool(seqcycle));
            // An identity sequence only lends its options to its column; the rest is not read.
            rows.add(dependency == 'i' ? sequence : withModel(sequence, row));
        }

        private SequenceRow withModel(SequenceRow s, CatalogRow row) {
            String schema = row.text(nspname);
            Optional<Sequence.ColumnRef> ownedBy = Optional.empty();
            if (s.dependency() == 'a' && !row.isNull(ownedTable)) {
                // OWNED BY needs the sequence and the table in the same schema.
                ownedBy = Optional.of(new Sequence.ColumnRef(schema, row.text(ownedTable),
                        row.nullableText(ownedColumn)));
            }
            Sequence sequence = new Sequence(schema, row.text(relname), row.text(dataType), s.start(), s.increment(),
                    s.minValue(), s.maxValue(), s.cache(), s.cycle(), ownedBy, row.text(owner),
                    row.optionalText(description), row.acl(acl));
            return new SequenceRow(s.oid(), Optional.of(sequence), s.dependency(), s.table(), s.column(), s.start(),
                    s.increment(), s.minValue(), s.maxValue(), s.cache(), s.cycle());
        }
    }
}
