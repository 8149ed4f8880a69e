package dev.dbops.diff;

import dev.dbops.schema.CompositeType;
import dev.dbops.schema.Domain;
import dev.dbops.schema.EnumType;
import dev.dbops.schema.Function;
import dev.dbops.schema.Grant;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.RangeType;
import dev.dbops.schema.Schema;
import dev.dbops.schema.Sequence;
import dev.dbops.schema.Table;
import dev.dbops.schema.View;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state of one planning run: both schemas with lookups by name, what must be replaced, and
 * the steps planned so far.
 */
final class PlanContext {

    final Schema from;
    final Schema to;
    final Side before;
    final Side after;
    private final boolean maintain;
    private final List<PlanStep> steps = new ArrayList<>();
    PlanReplacements replacements;

    PlanContext(Schema from, Schema to) {
        this.from = from;
        this.to = to;
        this.before = new Side(from);
        this.after = new Side(to);
        this.maintain = hasMaintain(from) || hasMaintain(to);
    }

    /** Adds a step; steps are numbered in the order they are planned, which breaks ties in the order. */
    PlanStep add(PlanPhase phase, String sql) {
        PlanStep step = new PlanStep(steps.size(), phase, sql);
        steps.add(step);
        return step;
    }

    List<PlanStep> steps() {
        return steps;
    }

    /** Whether the schemas come from PostgreSQL 17 or newer, where table owners also hold MAINTAIN. */
    boolean maintain() {
        return maintain;
    }

    /** Whether the table exists before the plan runs. */
    boolean existingTable(String schema, String name) {
        return before.tables.containsKey(PlanSql.tableKey(schema, name));
    }

    private static boolean hasMaintain(Schema schema) {
        for (Table table : schema.tables()) {
            for (Grant grant : table.grants()) {
                if (grant.privilege().equals("MAINTAIN")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Lookups into one of the two schemas by dependency key. */
    static final class Side {
        final Map<String, Table> tables = new HashMap<>();
        final Map<String, View> views = new HashMap<>();
        final Map<String, Function> functions = new HashMap<>();
        final Map<String, Sequence> sequences = new HashMap<>();
        final Map<String, Object> types = new HashMap<>();

        Side(Schema schema) {
            schema.tables().forEach(t -> tables.put(PlanSql.key(t.ref()), t));
            schema.views().forEach(v -> views.put(PlanSql.key(v.ref()), v));
            schema.functions().forEach(f -> functions.put(PlanSql.key(f.ref()), f));
            schema.sequences().forEach(s -> sequences.put(
                    PlanSql.key(ObjectKind.SEQUENCE, s.schema(), s.name()), s));
            for (EnumType t : schema.enums()) {
                types.put(PlanSql.key(ObjectKind.ENUM, t.schema(), t.name()), t);
            }
            for (Domain t : schema.domains()) {
                types.put(PlanSql.key(ObjectKind.DOMAIN, t.schema(), t.name()), t);
            }
            for (CompositeType t : schema.compositeTypes()) {
                types.put(PlanSql.key(ObjectKind.COMPOSITE_TYPE, t.schema(), t.name()), t);
            }
            for (RangeType t : schema.rangeTypes()) {
                types.put(PlanSql.key(ObjectKind.RANGE_TYPE, t.schema(), t.name()), t);
            }
        }

        Optional<Table> table(String schema, String name) {
            return Optional.ofNullable(tables.get(PlanSql.tableKey(schema, name)));
        }

        Optional<Table> table(ObjectRef ref) {
            return table(ref.schema(), ref.name());
        }

        boolean has(ObjectRef ref) {
            String key = PlanSql.key(ref);
            return switch (ref.kind()) {
                case TABLE -> tables.containsKey(key);
                case VIEW, MATERIALIZED_VIEW -> views.containsKey(key);
                case FUNCTION -> functions.containsKey(key);
                case SEQUENCE -> sequences.containsKey(key);
                case ENUM, DOMAIN, COMPOSITE_TYPE, RANGE_TYPE -> types.containsKey(key);
                default -> false;
            };
        }
    }
}
