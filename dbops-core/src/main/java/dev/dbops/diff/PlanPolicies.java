package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.Policy;
import dev.dbops.schema.Table;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Plans row-level security of one table: policies (CREATE, ALTER for roles and expressions, DROP
 * and CREATE when the command or kind changes or an expression is removed) and the
 * ENABLE/DISABLE/FORCE switches, enabled only after the policies exist.
 */
final class PlanPolicies {

    private PlanPolicies() {
    }

    static void plan(PlanContext ctx, Table old, Table now, boolean existing) {
        String table = PlanSql.qn(now.schema(), now.name());
        String policiesKey = "POLICIES\u0000" + PlanSql.tableKey(now.schema(), now.name());
        if (old.rowSecurity() && !now.rowSecurity()) {
            rowSecurity(ctx, PlanPhase.DROP_POLICY, table + " DISABLE ROW LEVEL SECURITY", now, existing);
        }
        if (old.forceRowSecurity() && !now.forceRowSecurity()) {
            rowSecurity(ctx, PlanPhase.DROP_POLICY, table + " NO FORCE ROW LEVEL SECURITY", now, existing);
        }
        for (Policy before : old.policies()) {
            Optional<Policy> after = now.policies().stream().filter(p -> p.name().equals(before.name())).findFirst();
            boolean replaced = after.isPresent() && (PlanChanges.policyNeedsRecreate(before, after.get())
                    || ctx.replacements.partReplaced(ObjectKind.POLICY, old.schema(), old.name(), before.name()));
            if (after.isEmpty() || replaced) {
                ctx.add(PlanPhase.DROP_POLICY, "DROP POLICY " + PlanSql.q(before.name()) + " ON " + table)
                        .lock(LockMode.ACCESS_EXCLUSIVE)
                        .hazard(Hazard.AUTHZ_CHANGE)
                        .drops(key(old, before))
                        .provides(PlanSql.partsDroppedKey(old.schema(), old.name()))
                        .releasesAll(PlanDomains.mentioned(old.dependsOn(), expressions(before)))
                        .releasesAll(PlanViews.columnKeys(ctx.before, java.util.List.of(old.ref())));
            }
            if (replaced) {
                create(ctx, now, after.get(), existing, policiesKey);
            } else if (after.isPresent()) {
                alter(ctx, old, now, before, after.get(), existing, policiesKey);
            }
        }
        for (Policy after : now.policies()) {
            if (old.policies().stream().noneMatch(p -> p.name().equals(after.name()))) {
                create(ctx, now, after, existing, policiesKey);
            }
        }
        if (!old.rowSecurity() && now.rowSecurity()) {
            rowSecurity(ctx, PlanPhase.ROW_SECURITY, table + " ENABLE ROW LEVEL SECURITY", now, existing)
                    .requires(policiesKey);
        }
        if (!old.forceRowSecurity() && now.forceRowSecurity()) {
            rowSecurity(ctx, PlanPhase.ROW_SECURITY, table + " FORCE ROW LEVEL SECURITY", now, existing)
                    .requires(policiesKey);
        }
    }

    private static PlanStep rowSecurity(PlanContext ctx, PlanPhase phase, String tail, Table table, boolean existing) {
        return ctx.add(phase, "ALTER TABLE " + tail)
                .lock(LockMode.ACCESS_EXCLUSIVE, existing)
                .hazard(Hazard.AUTHZ_CHANGE)
                .requires(PlanSql.tableKey(table.schema(), table.name()));
    }

    private static String key(Table table, Policy policy) {
        return PlanSql.partKey(ObjectKind.POLICY, table.schema(), table.name(), policy.name());
    }

    private static String expressions(Policy policy) {
        return policy.using().orElse("") + "\n" + policy.withCheck().orElse("");
    }

    private static String roles(Policy policy) {
        return policy.roles().stream().map(PlanGrants::grantee).collect(Collectors.joining(", "));
    }

    private static void create(PlanContext ctx, Table table, Policy policy, boolean existing, String policiesKey) {
        StringBuilder sql = new StringBuilder("CREATE POLICY ").append(PlanSql.q(policy.name())).append(" ON ")
                .append(PlanSql.qn(table.schema(), table.name()))
                .append(policy.permissive() ? " AS PERMISSIVE" : " AS RESTRICTIVE")
                .append(" FOR ").append(policy.command());
        if (!policy.roles().isEmpty()) {
            sql.append(" TO ").append(roles(policy));
        }
        policy.using().ifPresent(u -> sql.append(" USING (").append(u).append(')'));
        policy.withCheck().ifPresent(c -> sql.append(" WITH CHECK (").append(c).append(')'));
        PlanStep created = ctx.add(PlanPhase.POLICY, sql.toString())
                .lock(LockMode.ACCESS_EXCLUSIVE, existing)
                .hazard(Hazard.AUTHZ_CHANGE)
                .provides(key(table, policy), policiesKey)
                .requires(PlanSql.tableKey(table.schema(), table.name()),
                        PlanSql.columnsDoneKey(table.schema(), table.name()))
                .requiresAll(PlanDomains.mentioned(table.dependsOn(), expressions(policy)));
        if (policy.comment().isPresent()) {
            comment(ctx, table, policy).after(created);
        }
    }

    private static void alter(PlanContext ctx, Table oldTable, Table table, Policy old, Policy now, boolean existing,
            String policiesKey) {
        StringBuilder changes = new StringBuilder();
        if (!old.roles().equals(now.roles())) {
            changes.append(" TO ").append(roles(now));
        }
        if (!old.using().equals(now.using())) {
            changes.append(" USING (").append(now.using().orElseThrow()).append(')');
        }
        if (!old.withCheck().equals(now.withCheck())) {
            changes.append(" WITH CHECK (").append(now.withCheck().orElseThrow()).append(')');
        }
        if (!changes.isEmpty()) {
            ctx.add(PlanPhase.POLICY, "ALTER POLICY " + PlanSql.q(now.name()) + " ON "
                            + PlanSql.qn(table.schema(), table.name()) + changes)
                    .lock(LockMode.ACCESS_EXCLUSIVE, existing)
                    .hazard(Hazard.AUTHZ_CHANGE)
                    .provides(policiesKey)
                    .requires(key(table, now))
                    .requiresAll(PlanDomains.mentioned(table.dependsOn(), expressions(now)))
                    .releasesAll(PlanDomains.mentioned(oldTable.dependsOn(), expressions(old)));
        }
        if (!old.comment().equals(now.comment())) {
            comment(ctx, table, now);
        }
    }

    private static PlanStep comment(PlanContext ctx, Table table, Policy policy) {
        return PlanGrants.comment(ctx, "POLICY " + PlanSql.q(policy.name()) + " ON "
                + PlanSql.qn(table.schema(), table.name()), policy.comment(), key(table, policy), false);
    }
}
