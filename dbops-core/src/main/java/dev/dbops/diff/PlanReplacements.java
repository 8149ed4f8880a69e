package dev.dbops.diff;

import dev.dbops.schema.Column;
import dev.dbops.schema.CompositeType;
import dev.dbops.schema.Constraint;
import dev.dbops.schema.Domain;
import dev.dbops.schema.EnumType;
import dev.dbops.schema.Function;
import dev.dbops.schema.Index;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Policy;
import dev.dbops.schema.RangeType;
import dev.dbops.schema.Table;
import dev.dbops.schema.Trigger;
import dev.dbops.schema.View;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which existing objects cannot be altered in place and must be dropped and created again:
 * first those whose own change requires it (a view's query, a function's result type, an enum
 * losing a label), then, until nothing changes, everything that depends on something dropped —
 * views and functions on a replaced view, triggers on a replaced function, foreign keys on a
 * replaced unique key, policies reading a column whose type changes.
 */
final class PlanReplacements {

    /** Keys of views, functions and types that are dropped (removed or replaced) before the plan ends. */
    final Set<String> gone = new HashSet<>();
    final Set<String> views = new HashSet<>();
    final Set<String> functions = new HashSet<>();
    final Set<String> types = new HashSet<>();
    /** Part keys of constraints, indexes, triggers, policies and domain checks to drop and create again. */
    final Set<String> parts = new HashSet<>();
    /** Column keys whose default is dropped before and set again after a replacement it mentions. */
    final Set<String> defaults = new HashSet<>();
    /** Column keys (of surviving tables) that are dropped or change type. */
    final Set<String> changingColumns = new HashSet<>();
    /** Column keys whose type is a type that is recreated: they are converted to the new type. */
    final Set<String> convertedColumns = new HashSet<>();

    private final PlanContext ctx;

    private PlanReplacements(PlanContext ctx) {
        this.ctx = ctx;
    }

    static PlanReplacements of(PlanContext ctx) {
        PlanReplacements result = new PlanReplacements(ctx);
        result.direct();
        while (result.dependents()) {
            // repeat until no more dependents are found
        }
        return result;
    }

    private void direct() {
        for (View view : ctx.from.views()) {
            String key = PlanSql.key(view.ref());
            View target = ctx.after.views.get(key);
            if (target == null) {
                gone.add(key);
            } else if (PlanChanges.viewNeedsRecreate(view, target)) {
                views.add(key);
                gone.add(key);
            }
        }
        for (Function function : ctx.from.functions()) {
            String key = PlanSql.key(function.ref());
            Function target = ctx.after.functions.get(key);
            if (target == null) {
                gone.add(key);
            } else if (PlanChanges.functionNeedsRecreate(function, target)) {
                functions.add(key);
                gone.add(key);
            }
        }
        ctx.before.types.forEach((key, type) -> {
            Object target = ctx.after.types.get(key);
            if (target == null) {
                gone.add(key);
            } else if (typeNeedsRecreate(type, target)) {
                types.add(key);
                gone.add(key);
            }
        });
        ctx.before.tables.forEach((key, table) -> {
            Optional<Table> target = ctx.after.table(table.schema(), table.name());
            if (target.isEmpty()) {
                gone.add(key);
                return;
            }
            for (Column column : table.columns()) {
                Optional<Column> now = target.get().column(column.name());
                if (now.isEmpty() || (!column.inherited() && PlanChanges.columnChanges(column, now.get()))) {
                    changingColumns.add(PlanSql.columnKey(table.schema(), table.name(), column.name()));
                }
            }
        });
        ctx.before.sequences.forEach((key, sequence) -> {
            if (!ctx.after.sequences.containsKey(key)) {
                gone.add(key);
            }
        });
    }

    private boolean typeNeedsRecreate(Object type, Object target) {
        if (type instanceof EnumType a && target instanceof EnumType b) {
            return !PlanChanges.enumAppendOnly(a, b);
        }
        if (type instanceof Domain a && target instanceof Domain b) {
            return PlanChanges.domainNeedsRecreate(a, b);
        }
        if (type instanceof RangeType a && target instanceof RangeType b) {
            return PlanChanges.rangeNeedsRecreate(a, b);
        }
        if (type instanceof CompositeType a && target instanceof CompositeType b) {
            return !a.attributes().equals(b.attributes()) && (usedByColumns(a) || !PlanTypes.alterable(a, b));
        }
        return false;
    }

    private boolean usedByColumns(CompositeType type) {
        for (Table table : ctx.from.tables()) {
            for (Column column : table.columns()) {
                if (PlanSql.isType(column.type(), type.schema(), type.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---- dependents of what is dropped --------------------------------------------------------

    private boolean dependents() {
        boolean changed = false;
        for (View view : ctx.from.views()) {
            String key = PlanSql.key(view.ref());
            if (ctx.after.views.containsKey(key) && !views.contains(key)
                    && (dependsOnGone(view.dependsOn()) || readsChangingColumn(view.dependsOn(), view.definition()))) {
                views.add(key);
                gone.add(key);
                changed = true;
            }
        }
        for (Function function : ctx.from.functions()) {
            String key = PlanSql.key(function.ref());
            if (ctx.after.functions.containsKey(key) && !functions.contains(key)
                    && (dependsOnGone(function.dependsOn())
                            || (function.definition().contains("BEGIN ATOMIC")
                                    && readsChangingColumn(function.dependsOn(), function.definition())))) {
                functions.add(key);
                gone.add(key);
                changed = true;
            }
        }
        for (var entry : ctx.before.types.entrySet()) {
            String key = entry.getKey();
            if (ctx.after.types.containsKey(key) && !types.contains(key)
                    && dependsOnGone(typeDependsOn(entry.getValue()))) {
                types.add(key);
                gone.add(key);
                changed = true;
            }
        }
        for (Table table : ctx.from.tables()) {
            Optional<Table> target = ctx.after.table(table.schema(), table.name());
            if (target.isPresent()) {
                changed |= tableParts(table);
            }
        }
        for (View view : ctx.from.views()) {
            if (!ctx.after.views.containsKey(PlanSql.key(view.ref())) || views.contains(PlanSql.key(view.ref()))) {
                continue;
            }
            for (Trigger trigger : view.triggers()) {
                String key = PlanSql.partKey(ObjectKind.TRIGGER, view.schema(), view.name(), trigger.name());
                if (!parts.contains(key) && mentionsGone(view.dependsOn(), trigger.definition())) {
                    changed |= parts.add(key);
                }
            }
        }
        for (Domain domain : ctx.from.domains()) {
            for (Domain.Check check : domain.checks()) {
                String key = PlanSql.partKey(ObjectKind.DOMAIN, domain.schema(), domain.name(), check.name());
                if (!parts.contains(key) && mentionsGone(domain.dependsOn(), check.definition())) {
                    changed |= parts.add(key);
                }
            }
        }
        return changed;
    }

    private static List<ObjectRef> typeDependsOn(Object type) {
        if (type instanceof Domain d) {
            return d.dependsOn();
        }
        if (type instanceof CompositeType c) {
            return c.dependsOn();
        }
        if (type instanceof RangeType r) {
            return r.dependsOn();
        }
        return List.of();
    }

    private boolean tableParts(Table table) {
        boolean changed = false;
        String s = table.schema();
        String t = table.name();
        for (Constraint constraint : table.constraints()) {
            String key = PlanSql.partKey(ObjectKind.CONSTRAINT, s, t, constraint.name());
            if (!parts.contains(key) && (mentionsGone(table.dependsOn(), constraint.definition())
                    || PlanForeignKeys.referencesChangedUnique(ctx, parts, constraint))) {
                changed |= parts.add(key);
            }
        }
        for (Index index : table.indexes()) {
            String key = PlanSql.partKey(ObjectKind.INDEX, s, t, index.name());
            if (!parts.contains(key) && mentionsGone(table.dependsOn(), index.definition())) {
                changed |= parts.add(key);
            }
        }
        for (Trigger trigger : table.triggers()) {
            String key = PlanSql.partKey(ObjectKind.TRIGGER, s, t, trigger.name());
            if (!parts.contains(key) && (mentionsGone(table.dependsOn(), trigger.definition())
                    || readsOwnChangingColumn(table, trigger.definition()))) {
                changed |= parts.add(key);
            }
        }
        for (Policy policy : table.policies()) {
            String key = PlanSql.partKey(ObjectKind.POLICY, s, t, policy.name());
            String text = policy.using().orElse("") + " " + policy.withCheck().orElse("");
            if (!parts.contains(key) && (mentionsGone(table.dependsOn(), text)
                    || readsOwnChangingColumn(table, text) || readsChangingColumn(table.dependsOn(), text))) {
                changed |= parts.add(key);
            }
        }
        for (Column column : table.columns()) {
            String key = PlanSql.columnKey(s, t, column.name());
            Optional<Column> now = ctx.after.table(s, t).flatMap(x -> x.column(column.name()));
            if (!column.inherited() && !convertedColumns.contains(key) && usesRecreatedType(column.type())
                    && now.isPresent() && now.get().type().equals(column.type())) {
                convertedColumns.add(key);
                changingColumns.add(key);
                changed = true;
            }
            if (column.defaultValue().isPresent() && !defaults.contains(key)
                    && mentionsGone(table.dependsOn(), column.defaultValue().get())) {
                changed |= defaults.add(key);
            }
        }
        return changed;
    }

    private boolean usesRecreatedType(String renderedType) {
        for (String key : types) {
            ObjectRef ref = PlanTypes.ref(ctx.before.types.get(key));
            if (PlanSql.isType(renderedType, ref.schema(), ref.name())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text mentions one of the listed dependencies that is dropped. */
    boolean mentionsGone(List<ObjectRef> dependsOn, String text) {
        for (ObjectRef ref : dependsOn) {
            if (gone.contains(PlanSql.key(ref)) && PlanSql.mentions(text, ref.schema(), PlanSql.baseName(ref))) {
                return true;
            }
        }
        return false;
    }

    private boolean dependsOnGone(List<ObjectRef> dependsOn) {
        for (ObjectRef ref : dependsOn) {
            if (gone.contains(PlanSql.key(ref))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text reads a column that is dropped or changes type, of a table it depends on. */
    private boolean readsChangingColumn(List<ObjectRef> dependsOn, String text) {
        for (ObjectRef ref : dependsOn) {
            if (ref.kind() == ObjectKind.TABLE) {
                Optional<Table> table = ctx.before.table(ref);
                if (table.isPresent() && readsOwnChangingColumn(table.get(), text)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean readsOwnChangingColumn(Table table, String text) {
        for (Column column : table.columns()) {
            if (changingColumns.contains(PlanSql.columnKey(table.schema(), table.name(), column.name()))
                    && PlanSql.mentionsIdentifier(text, column.name())) {
                return true;
            }
        }
        return false;
    }

    boolean partReplaced(ObjectKind kind, String schema, String table, String name) {
        return parts.contains(PlanSql.partKey(kind, schema, table, name));
    }
}
