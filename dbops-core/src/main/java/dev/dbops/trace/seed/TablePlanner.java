package dev.dbops.trace.seed;

import dev.dbops.schema.Column;
import dev.dbops.schema.Constraint;
import dev.dbops.schema.ConstraintType;
import dev.dbops.schema.Schema;
import dev.dbops.schema.Table;
import dev.dbops.trace.seed.SeedFinding.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Makes the {@link TablePlan} of a table from the schema alone: which columns the server fills,
 * which come from parents, which hold generated values under which rules, which stay NULL, and
 * what cannot be honoured.
 */
final class TablePlanner {

    private final Schema schema;
    private final Generators generators;
    private final long seed;

    TablePlanner(Schema schema, long seed) {
        this.schema = schema;
        this.generators = new Generators(schema);
        this.seed = seed;
    }

    /**
     * Plans a table (a plain table or the root of a partitioned one).
     *
     * @param brokenForeignKeys names of the table's foreign keys left NULL to break a cycle
     */
    TablePlan plan(Table table, long rows, Set<String> brokenForeignKeys) {
        return new Planning(table, rows, brokenForeignKeys).run();
    }

    /** The state of planning one table. */
    private final class Planning {

        private final Table table;
        private final String name;
        private final long rows;
        private final Set<String> broken;
        private final Set<String> columnNames;
        private final Map<String, Slot> claimed = new LinkedHashMap<>();
        private final Set<String> omitted = new HashSet<>();
        private final Set<String> distinctByServer = new HashSet<>();
        private final List<String> sequencesToAdvance = new ArrayList<>();
        private final Map<String, ColumnRules> rules = new HashMap<>();
        private final List<TableKeys.UniqueKey> keys = new ArrayList<>();
        private final List<SeedFinding> findings = new ArrayList<>();
        private final Map<Constraint, List<CheckRules.Order>> orderedChecks = new LinkedHashMap<>();
        private SeedFinding blocked;

        Planning(Table table, long rows, Set<String> broken) {
            this.table = table;
            this.name = table.schema() + "." + table.name();
            this.rows = rows;
            this.broken = broken;
            this.columnNames = TableKeys.columnNames(table);
        }

        TablePlan run() {
            List<TableKeys.ForeignKey> foreignKeys = TableKeys.foreignKeys(table);
            List<Constraint> complexChecks = readChecks();
            serverColumns(foreignKeys);
            if (table.partitionKey().isPresent()) {
                partitions();
            }
            // Wider keys first: a (tenant_id, project_id) key then fills tenant_id too, and a key on tenant_id
            // alone is covered through the wider key's parent rows.
            foreignKeys.stream().sorted(Comparator.comparingInt((TableKeys.ForeignKey k) -> -k.columns().size()))
                    .forEach(this::foreignKey);
            orderedChecks.forEach((check, orders) -> {
                if (!orders.stream().allMatch(this::orderedPair)) {
                    complexChecks.add(check);
                }
            });
            complexChecks.forEach(this::complexCheck);
            TableKeys.exclusions(table).forEach(this::exclusion);
            for (Column column : table.columns()) {
                if (!claimed.containsKey(column.name()) && !omitted.contains(column.name())) {
                    values(column);
                }
            }
            keys.addAll(0, TableKeys.uniqueKeys(table));
            List<Slot> slots = new ArrayList<>();
            for (Column column : table.columns()) {
                Slot slot = claimed.get(column.name());
                if (slot != null && !slots.contains(slot)) {
                    slots.add(slot);
                }
            }
            return new TablePlan(table, name, rows, slots, keys, distinctByServer, sequencesToAdvance, findings,
                    Optional.ofNullable(blocked));
        }

        private void partitions() {
            PartitionBounds.Routing routing = PartitionBounds.route(schema, table, generators, rules, omitted, seed);
            routing.slot().ifPresent(this::claim);
            routing.problem().ifPresent(problem -> block(problem.kind(), problem.subject(), problem.message()));
        }

        private List<Constraint> readChecks() {
            List<Constraint> complex = new ArrayList<>();
            for (Constraint constraint : table.constraints()) {
                if (constraint.type() != ConstraintType.CHECK) {
                    continue;
                }
                Optional<CheckRules.Parsed> parsed = CheckRules.parse(constraint.definition(), columnNames);
                if (parsed.isPresent()) {
                    parsed.get().rules().forEach((column, rule) -> rules.merge(column, rule, ColumnRules::and));
                    if (!parsed.get().orders().isEmpty()) {
                        orderedChecks.put(constraint, parsed.get().orders());
                    }
                } else {
                    complex.add(constraint);
                }
            }
            return complex;
        }

        /** Generated, identity and serial columns; a self-referenced serial key is written by seeding instead. */
        private void serverColumns(List<TableKeys.ForeignKey> foreignKeys) {
            Set<String> selfReferenced = new HashSet<>();
            for (TableKeys.ForeignKey key : foreignKeys) {
                if (key.parent().equals(table.ref()) && key.parentColumns().size() == 1) {
                    selfReferenced.add(key.parentColumns().get(0));
                }
            }
            for (Column column : table.columns()) {
                boolean serial = column.defaultValue().map(d -> d.startsWith("nextval(")).orElse(false);
                if (column.generated().isPresent()) {
                    omitted.add(column.name());
                } else if (column.identity().isPresent() || serial) {
                    boolean always = column.identity().map(Column.Identity::always).orElse(false);
                    if (!always && selfReferenced.contains(column.name())) {
                        sequencesToAdvance.add(column.name());
                    } else {
                        omitted.add(column.name());
                        distinctByServer.add(column.name());
                    }
                }
            }
        }

        private void foreignKey(TableKeys.ForeignKey key) {
            if (key.columns().isEmpty() || key.columns().stream().anyMatch(omitted::contains)) {
                return;
            }
            boolean nullable = key.columns().stream().allMatch(this::nullable);
            Optional<String> subject = Optional.of(key.name());
            if (key.parent().equals(table.ref())) {
                String target = key.parentColumns().get(0);
                if (key.columns().size() == 1 && key.parentColumns().size() == 1 && !omitted.contains(target)
                        && !claimed.containsKey(key.columns().get(0)) && !key.columns().get(0).equals(target)) {
                    claim(new SelfReferenceSlot(key, nullable));
                } else if (nullable) {
                    claim(new Slot.Nulls(key.columns()));
                    finding(Kind.SELF_REFERENCE, subject, "references the table's own " + key.parentColumns()
                            + ", whose values the server generates or which are not one column; left NULL");
                } else {
                    block(Kind.SELF_REFERENCE, subject, "a NOT NULL reference to the table's own "
                            + key.parentColumns() + ", whose values the server generates or which are not one column");
                }
                return;
            }
            if (broken.contains(key.name())) {
                claim(new Slot.Nulls(key.columns()));
                finding(Kind.FOREIGN_KEY_CYCLE, subject, "is part of a cycle of foreign keys through "
                        + key.parent().schema() + "." + key.parent().name() + "; left NULL to break it");
                return;
            }
            List<String> taken = key.columns().stream().filter(claimed::containsKey).toList();
            if (taken.isEmpty()) {
                claim(new ForeignKeySlot(key, nullable));
                return;
            }
            List<String> rest = key.columns().stream().filter(c -> !claimed.containsKey(c)).toList();
            if (rest.isEmpty()) {
                finding(Kind.OVERLAPPING_FOREIGN_KEYS, subject, "its columns " + taken + " are filled by a wider"
                        + " foreign key or the partition key, so its parent rows are not chosen by the seeder; the"
                        + " server may reject rows unless the wider key's parent references them too");
            } else if (!key.matchFull() && rest.stream().allMatch(this::nullable)) {
                claim(new Slot.Nulls(rest));
                finding(Kind.OVERLAPPING_FOREIGN_KEYS, subject, "shares " + taken + " with another key or the"
                        + " partition key; " + rest + " left NULL so that it is not checked");
            } else {
                block(Kind.OVERLAPPING_FOREIGN_KEYS, subject, "shares " + taken + " with another key or the"
                        + " partition key, and its other columns cannot be NULL");
            }
        }

        /** Two columns of one unit drawn in order; false when they cannot be (then the check counts as complex). */
        private boolean orderedPair(CheckRules.Order order) {
            List<String> pair = List.of(order.lesser(), order.greater());
            boolean keyed = TableKeys.uniqueKeys(table).stream().anyMatch(k -> k.columns().stream().anyMatch(pair::contains));
            if (keyed || pair.stream().anyMatch(c -> claimed.containsKey(c) || omitted.contains(c))) {
                return false;
            }
            List<UnitValues> units = new ArrayList<>();
            for (String column : pair) {
                Generators.Resolution resolution = generators.resolve(table.column(column).orElseThrow().type(),
                        rules.getOrDefault(column, ColumnRules.NONE), seed ^ (name + "\0" + column).hashCode());
                if (!(resolution instanceof Generators.Values values) || !values.ignored().isEmpty()
                        || !values.complexChecks().isEmpty() || !(values.generator() instanceof UnitValues unit)) {
                    return false;
                }
                units.add(unit);
            }
            if (!units.get(0).unit().equals(units.get(1).unit())) {
                return false;
            }
            claim(new OrderedSlot(pair, units.get(0), units.get(1), order.strict(),
                    nullable(order.lesser()), nullable(order.greater())));
            return true;
        }

        private void complexCheck(Constraint check) {
            List<String> mentioned = CheckExpression.mentionedColumns(check.definition(), columnNames);
            List<String> nullable = mentioned.stream()
                    .filter(c -> nullable(c) && !claimed.containsKey(c) && !omitted.contains(c)).toList();
            List<String> others = mentioned.stream().filter(c -> !nullable.contains(c)).toList();
            Optional<String> subject = Optional.of(check.name());
            if (!nullable.isEmpty() && !CheckRules.nullAware(check.definition(), columnNames)) {
                nullable.forEach(c -> claim(new Slot.Nulls(List.of(c))));
                finding(Kind.COMPLEX_CHECK, subject, check.definition() + " is not simple; " + nullable
                        + " left NULL so that it holds" + (others.isEmpty() ? ""
                        : ", and " + others + " are generated without regard to it: the server may reject rows"));
            } else {
                finding(Kind.COMPLEX_CHECK, subject, check.definition() + " is not simple; " + mentioned
                        + " are generated without regard to it: the server may reject rows");
            }
        }

        private void exclusion(TableKeys.Exclusion exclusion) {
            List<String> columns = exclusion.elements().stream().flatMap(e -> e.column().stream()).toList();
            boolean simple = exclusion.elements().stream()
                    .allMatch(e -> e.column().isPresent() && (e.operator().equals("=") || e.operator().equals("&&")));
            if (simple) {
                keys.add(new TableKeys.UniqueKey(exclusion.name(), columns, false, false));
                return;
            }
            Optional<String> subject = Optional.of(exclusion.name());
            List<String> nullable = columns.stream().filter(c -> nullable(c) && !claimed.containsKey(c)).toList();
            if (!nullable.isEmpty()) {
                nullable.forEach(c -> claim(new Slot.Nulls(List.of(c))));
                finding(Kind.EXCLUSION_CONSTRAINT, subject, "only = and && are generated; " + nullable
                        + " left NULL so that rows never conflict");
            } else {
                block(Kind.EXCLUSION_CONSTRAINT, subject, "only exclusion constraints with = and && on plain"
                        + " columns are generated, and no column of this one can be NULL");
            }
        }

        private void values(Column column) {
            Optional<String> subject = Optional.of(column.name());
            ColumnRules rule = rules.getOrDefault(column.name(), ColumnRules.NONE);
            long salt = seed ^ (name + "\0" + column.name()).hashCode() * 0x9E3779B97F4A7C15L;
            Generators.Resolution resolution = generators.resolve(column.type(), rule, salt);
            if (resolution instanceof Generators.Values values) {
                for (String ignored : values.ignored()) {
                    finding(Kind.COMPLEX_CHECK, subject, ignored + "; the server may reject rows");
                }
                if (!values.complexChecks().isEmpty() && nullable(column.name())) {
                    claim(new Slot.Nulls(List.of(column.name())));
                    finding(Kind.COMPLEX_CHECK, subject, "domain checks are not simple, left NULL: "
                            + String.join("; ", values.complexChecks()));
                    return;
                }
                values.complexChecks().forEach(c -> finding(Kind.COMPLEX_CHECK, subject,
                        "domain check is not simple, values are generated without regard to it: " + c));
                claim(new Slot.Values(column.name(), values.generator(), nullable(column.name())));
            } else if (resolution instanceof Generators.Unsupported unsupported) {
                String what = "no values are generated for type " + column.type();
                if (column.defaultValue().isPresent()) {
                    omitted.add(column.name());
                    finding(Kind.UNSUPPORTED_TYPE, subject, what + "; left to its default");
                } else if (nullable(column.name())) {
                    claim(new Slot.Nulls(List.of(column.name())));
                    finding(Kind.UNSUPPORTED_TYPE, subject, what + "; left NULL");
                } else {
                    block(Kind.UNSUPPORTED_TYPE, subject, what + ", and the column is NOT NULL without a default");
                }
            } else if (resolution instanceof Generators.Unsatisfiable unsatisfiable) {
                if (nullable(column.name())) {
                    claim(new Slot.Nulls(List.of(column.name())));
                    finding(Kind.UNSATISFIABLE_CHECK, subject, unsatisfiable.reason() + "; left NULL");
                } else {
                    block(Kind.UNSATISFIABLE_CHECK, subject, unsatisfiable.reason());
                }
            }
        }

        private boolean nullable(String columnName) {
            Column column = table.column(columnName).orElseThrow();
            return !column.notNull() && !rules.getOrDefault(columnName, ColumnRules.NONE).notNull()
                    && !generators.notNullDomain(column.type());
        }

        private void claim(Slot slot) {
            slot.columns().forEach(c -> claimed.put(c, slot));
        }

        private void finding(Kind kind, Optional<String> subject, String message) {
            findings.add(new SeedFinding(kind, name, subject, message));
        }

        private void block(Kind kind, Optional<String> subject, String message) {
            SeedFinding finding = new SeedFinding(kind, name, subject, message + "; the table is not seeded");
            findings.add(finding);
            if (blocked == null) {
                blocked = finding;
            }
        }
    }
}
