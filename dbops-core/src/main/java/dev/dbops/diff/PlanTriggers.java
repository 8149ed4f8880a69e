package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Table;
import dev.dbops.schema.Trigger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans the triggers of one table or view: created from the catalog's definition, dropped and created
 * again when it changes, and switched with ENABLE/DISABLE [REPLICA|ALWAYS] TRIGGER.
 */
final class PlanTriggers {

    private PlanTriggers() {
    }

    /**
     * The table or view triggers belong to.
     *
     * @param dependsOn what the relation depended on before and after, to find what a trigger mentions
     * @param released keys a dropped trigger stops using (the table's columns)
     */
    record Relation(String schema, String name, String key, boolean existing, List<ObjectRef> dependsOn,
            List<String> released) {

        static Relation of(PlanContext ctx, Table old, Table now, boolean existing) {
            List<ObjectRef> dependsOn = new ArrayList<>(old.dependsOn());
            dependsOn.addAll(now.dependsOn());
            return new Relation(now.schema(), now.name(), PlanSql.tableKey(now.schema(), now.name()), existing,
                    dependsOn, PlanViews.columnKeys(ctx.before, List.of(old.ref())));
        }
    }

    static void plan(PlanContext ctx, Table old, Table now, boolean existing) {
        plan(ctx, Relation.of(ctx, old, now, existing), old.triggers(), now.triggers());
    }

    static void plan(PlanContext ctx, Relation relation, List<Trigger> old, List<Trigger> now) {
        String s = relation.schema();
        String t = relation.name();
        for (Trigger before : old) {
            Optional<Trigger> after = now.stream().filter(g -> g.name().equals(before.name())).findFirst();
            boolean replaced = after.isPresent() && (!before.definition().equals(after.get().definition())
                    || ctx.replacements.partReplaced(ObjectKind.TRIGGER, s, t, before.name()));
            if (after.isEmpty() || replaced) {
                ctx.add(PlanPhase.DROP_TRIGGER, "DROP TRIGGER " + PlanSql.q(before.name()) + " ON " + PlanSql.qn(s, t))
                        .lock(LockMode.ACCESS_EXCLUSIVE, relation.existing())
                        .drops(key(relation, before))
                        .provides(PlanSql.partsDroppedKey(s, t))
                        .releasesAll(PlanDomains.mentioned(relation.dependsOn(), before.definition()))
                        .releasesAll(relation.released());
            }
            if (replaced) {
                create(ctx, relation, after.get());
            } else if (after.isPresent()) {
                Trigger target = after.get();
                if (before.enabled() != target.enabled()) {
                    enable(ctx, relation, target);
                }
                if (!before.comment().equals(target.comment())) {
                    comment(ctx, relation, target);
                }
            }
        }
        for (Trigger after : now) {
            if (old.stream().noneMatch(g -> g.name().equals(after.name()))) {
                create(ctx, relation, after);
            }
        }
    }

    private static String key(Relation relation, Trigger trigger) {
        return PlanSql.partKey(ObjectKind.TRIGGER, relation.schema(), relation.name(), trigger.name());
    }

    private static void create(PlanContext ctx, Relation relation, Trigger trigger) {
        PlanStep created = ctx.add(PlanPhase.TRIGGER, PlanSql.trimStatement(trigger.definition()))
                .lock(LockMode.SHARE_ROW_EXCLUSIVE, relation.existing())
                .provides(key(relation, trigger))
                .requires(relation.key(), PlanSql.columnsDoneKey(relation.schema(), relation.name()))
                .requiresAll(PlanDomains.mentioned(relation.dependsOn(), trigger.definition()));
        if (trigger.enabled() != Trigger.Enabled.ORIGIN) {
            enable(ctx, relation, trigger).after(created);
        }
        if (trigger.comment().isPresent()) {
            comment(ctx, relation, trigger).after(created);
        }
    }

    private static PlanStep enable(PlanContext ctx, Relation relation, Trigger trigger) {
        return ctx.add(PlanPhase.TRIGGER, "ALTER TABLE " + PlanSql.qn(relation.schema(), relation.name()) + " "
                        + trigger.enabled().keyword() + " TRIGGER " + PlanSql.q(trigger.name()))
                .lock(LockMode.SHARE_ROW_EXCLUSIVE, relation.existing())
                .requires(key(relation, trigger))
                .hazard(Hazard.CORRECTNESS)
                .note("Changes when the trigger fires (session_replication_role).");
    }

    private static PlanStep comment(PlanContext ctx, Relation relation, Trigger trigger) {
        return PlanGrants.comment(ctx, "TRIGGER " + PlanSql.q(trigger.name()) + " ON "
                + PlanSql.qn(relation.schema(), relation.name()), trigger.comment(), key(relation, trigger), false);
    }
}
