package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.Column;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Table;
import dev.dbops.schema.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans views and materialized views. A view whose query or output columns change is dropped and
 * created again, together with every view and function that depends on it (decided by
 * {@link PlanReplacements}); options, column comments, matview indexes, owner, comment and grants
 * are altered in place.
 */
final class PlanViews {

    private PlanViews() {
    }

    static void plan(PlanContext ctx) {
        for (View old : ctx.from.views()) {
            String key = PlanSql.key(old.ref());
            View now = ctx.after.views.get(key);
            boolean replaced = ctx.replacements.views.contains(key);
            if (now == null || replaced) {
                drop(ctx, old, now != null);
            }
            if (now == null) {
                continue;
            }
            if (replaced) {
                create(ctx, now);
            } else {
                alter(ctx, old, now, true);
            }
        }
        for (View now : ctx.to.views()) {
            if (!ctx.before.views.containsKey(PlanSql.key(now.ref()))) {
                create(ctx, now);
            }
        }
    }

    private static String keyword(View view) {
        return view.materialized() ? "MATERIALIZED VIEW" : "VIEW";
    }

    private static void drop(PlanContext ctx, View old, boolean recreated) {
        PlanStep step = ctx.add(PlanPhase.DROP_VIEW, "DROP " + keyword(old) + " "
                        + PlanSql.qn(old.schema(), old.name()))
                .lock(LockMode.ACCESS_EXCLUSIVE)
                .drops(PlanSql.key(old.ref()))
                .releases(PlanSql.schemaKey(old.schema()))
                .releasesAll(old.dependsOn().stream().map(PlanSql::key).toList())
                .releasesAll(columnKeys(ctx.before, old.dependsOn()));
        if (recreated) {
            step.note("Its query or output columns change, or something it reads is replaced: it is dropped and"
                    + " created again afterwards.");
        }
    }

    /** Keys of every column of the tables a view reads: a column change waits for the view to be dropped. */
    static List<String> columnKeys(PlanContext.Side side, List<ObjectRef> dependsOn) {
        List<String> keys = new ArrayList<>();
        for (ObjectRef ref : dependsOn) {
            if (ref.kind() == ObjectKind.TABLE) {
                Optional<Table> table = side.table(ref);
                if (table.isPresent()) {
                    for (Column column : table.get().columns()) {
                        keys.add(PlanSql.columnKey(ref.schema(), ref.name(), column.name()));
                    }
                    keys.add(PlanSql.columnsDoneKey(ref.schema(), ref.name()));
                }
            }
        }
        return keys;
    }

    private static void create(PlanContext ctx, View now) {
        String sql = "CREATE " + keyword(now) + " " + PlanSql.qn(now.schema(), now.name())
                + PlanTables.withOptions(now.options()) + " AS\n" + PlanSql.trimStatement(now.definition())
                + (now.materialized() ? "\nWITH DATA" : "");
        PlanStep step = ctx.add(PlanPhase.VIEW, sql)
                .lock(LockMode.ACCESS_SHARE)
                .provides(PlanSql.key(now.ref()), PlanSql.columnsDoneKey(now.schema(), now.name()))
                .requires(PlanSql.schemaKey(now.schema()))
                .requiresAll(now.dependsOn().stream().map(PlanSql::key).toList())
                .requiresAll(columnKeys(ctx.after, now.dependsOn()));
        if (now.materialized()) {
            step.note("Runs the query to fill the materialized view.");
        }
        View created = new View(now.schema(), now.name(), now.materialized(), now.definition(), now.options(),
                now.columns().stream().map(c -> new View.ViewColumn(c.name(), c.type(), Optional.empty())).toList(),
                List.of(), List.of(), now.owner(), Optional.empty(), List.of(), now.dependsOn());
        alter(ctx, created, now, false);
    }

    private static void alter(PlanContext ctx, View old, View now, boolean existing) {
        String name = PlanSql.qn(now.schema(), now.name());
        String key = PlanSql.key(now.ref());
        String options = PlanTables.optionChanges("ALTER " + keyword(now) + " " + name, old.options(), now.options());
        if (!options.isEmpty()) {
            ctx.add(PlanPhase.VIEW, options).requires(key).lock(LockMode.ACCESS_EXCLUSIVE, existing);
        }
        for (View.ViewColumn column : now.columns()) {
            Optional<String> before = old.columns().stream().filter(c -> c.name().equals(column.name()))
                    .findFirst().flatMap(View.ViewColumn::comment);
            if (!before.equals(column.comment())) {
                PlanGrants.comment(ctx, "COLUMN " + name + "." + PlanSql.q(column.name()), column.comment(), key,
                        false);
            }
        }
        List<ObjectRef> dependsOn = new ArrayList<>(old.dependsOn());
        dependsOn.addAll(now.dependsOn());
        PlanIndexes.plan(ctx, new PlanIndexes.Owner(now.schema(), now.name(), key, false, existing, dependsOn),
                old.indexes(), now.indexes());
        PlanTriggers.plan(ctx, new PlanTriggers.Relation(now.schema(), now.name(), key, existing, dependsOn, List.of()),
                old.triggers(), now.triggers());
        PlanObject object = new PlanObject(keyword(now) + " " + name, "TABLE " + name, "ALTER " + keyword(now) + " "
                + name, key, PlanObject.AclDefault.TABLE, true, existing);
        PlanGrants.plan(ctx, object, existing ? Optional.of(old.owner()) : Optional.empty(), now.owner(),
                old.comment(), now.comment(), old.grants(), now.grants());
    }
}
