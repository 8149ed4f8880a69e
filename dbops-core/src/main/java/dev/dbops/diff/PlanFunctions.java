package dev.dbops.diff;

import dev.dbops.schema.Function;
import java.util.Optional;

/**
 * Plans functions and procedures. The catalog's {@code CREATE OR REPLACE} text is used as it is:
 * to create, and to change a body or attributes in place; a changed result type or argument
 * list (names, defaults) needs {@code DROP} and {@code CREATE}, together with what depends on it.
 */
final class PlanFunctions {

    private PlanFunctions() {
    }

    static void plan(PlanContext ctx) {
        for (Function old : ctx.from.functions()) {
            String key = PlanSql.key(old.ref());
            Function now = ctx.after.functions.get(key);
            if (now == null || ctx.replacements.functions.contains(key)) {
                drop(ctx, old, now != null);
            }
            if (now == null) {
                continue;
            }
            if (ctx.replacements.functions.contains(key)) {
                create(ctx, now).hazard(Hazard.CORRECTNESS);
                details(ctx, Optional.empty(), now);
                continue;
            }
            if (!old.definition().equals(now.definition())) {
                create(ctx, now)
                        .releasesAll(old.dependsOn().stream().map(PlanSql::key).toList())
                        .hazard(Hazard.CORRECTNESS)
                        .note("Replaces the " + (now.procedure() ? "procedure" : "function")
                                + " in place: callers get the new behaviour at once.");
            }
            details(ctx, Optional.of(old), now);
        }
        for (Function now : ctx.to.functions()) {
            if (!ctx.before.functions.containsKey(PlanSql.key(now.ref()))) {
                create(ctx, now);
                details(ctx, Optional.empty(), now);
            }
        }
    }

    private static void drop(PlanContext ctx, Function old, boolean recreated) {
        PlanStep step = ctx.add(PlanPhase.DROP_FUNCTION, "DROP " + PlanSql.routineKeyword(old) + " "
                        + PlanSql.routine(old))
                .drops(PlanSql.key(old.ref()))
                .releases(PlanSql.schemaKey(old.schema()))
                .releasesAll(old.dependsOn().stream().map(PlanSql::key).toList())
                .releasesAll(PlanViews.columnKeys(ctx.before, old.dependsOn()));
        if (recreated) {
            step.note("Its result type or argument list changes, which CREATE OR REPLACE cannot do: dropped and"
                    + " created again, together with what depends on it.");
        }
    }

    private static PlanStep create(PlanContext ctx, Function now) {
        return ctx.add(PlanPhase.FUNCTION, PlanSql.trimStatement(now.definition()))
                .provides(PlanSql.key(now.ref()))
                .requires(PlanSql.schemaKey(now.schema()))
                .requiresAll(now.dependsOn().stream().map(PlanSql::key).toList())
                .requiresAll(PlanViews.columnKeys(ctx.after, now.dependsOn().stream()
                        .filter(r -> ctx.before.has(r)).toList()).stream()
                        .filter(k -> !k.startsWith("COLUMNS\u0000")).toList());
    }

    private static void details(PlanContext ctx, Optional<Function> old, Function now) {
        String target = PlanSql.routineKeyword(now) + " " + PlanSql.routine(now);
        PlanObject object = new PlanObject(target, "ALTER " + target, PlanSql.key(now.ref()),
                PlanObject.AclDefault.FUNCTION, false, old.isPresent());
        PlanGrants.plan(ctx, object, old.map(Function::owner), now.owner(), old.flatMap(Function::comment),
                now.comment(), old.map(Function::grants).orElse(java.util.List.of()), now.grants());
    }
}
