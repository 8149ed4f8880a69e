package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.Domain;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plans domains: created with their valid checks inline, altered with {@code ALTER DOMAIN}, and
 * replaced through {@link PlanTypeSwap} when the base type or collation changes.
 */
final class PlanDomains {

    private PlanDomains() {
    }

    static void plan(PlanContext ctx) {
        for (Domain old : ctx.from.domains()) {
            ObjectRef ref = PlanTypes.ref(old);
            Domain now = (Domain) ctx.after.types.get(PlanSql.key(ref));
            if (now == null) {
                PlanTypes.drop(ctx, ref, old.dependsOn());
            } else if (ctx.replacements.types.contains(PlanSql.key(ref))) {
                PlanTypeSwap.renameAndConvert(ctx, ref, old.dependsOn(), () -> create(ctx, now), false);
                PlanTypes.details(ctx, ref, Optional.empty(), now.owner(), Optional.empty(), now.comment());
            } else {
                alter(ctx, old, now);
                PlanTypes.details(ctx, ref, Optional.of(old.owner()), now.owner(), old.comment(), now.comment());
            }
        }
        for (Domain now : ctx.to.domains()) {
            ObjectRef ref = PlanTypes.ref(now);
            if (!ctx.before.types.containsKey(PlanSql.key(ref))) {
                create(ctx, now);
                PlanTypes.details(ctx, ref, Optional.empty(), now.owner(), Optional.empty(), now.comment());
            }
        }
    }

    private static PlanStep create(PlanContext ctx, Domain domain) {
        ObjectRef ref = PlanTypes.ref(domain);
        StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(PlanSql.qn(ref)).append(" AS ")
                .append(domain.baseType());
        domain.collation().ifPresent(c -> sql.append(" COLLATE ").append(c));
        domain.defaultValue().ifPresent(d -> sql.append(" DEFAULT ").append(d));
        if (domain.notNull()) {
            sql.append(" NOT NULL");
        }
        for (Domain.Check check : domain.checks()) {
            if (check.validated()) {
                sql.append(" CONSTRAINT ").append(PlanSql.q(check.name())).append(' ').append(check.definition());
            }
        }
        PlanStep created = ctx.add(PlanPhase.TYPE, sql.toString())
                .provides(PlanSql.key(ref))
                .requires(PlanSql.schemaKey(domain.schema()))
                .requiresAll(domain.dependsOn().stream().map(PlanSql::key).toList());
        for (Domain.Check check : domain.checks()) {
            if (!check.validated()) {
                addCheck(ctx, domain, check, false).after(created);
            }
            check.comment().ifPresent(c -> checkComment(ctx, domain, check).after(created));
        }
        return created;
    }

    private static void alter(PlanContext ctx, Domain old, Domain now) {
        ObjectRef ref = PlanTypes.ref(now);
        String alter = "ALTER DOMAIN " + PlanSql.qn(ref);
        String key = PlanSql.key(ref);
        if (!old.defaultValue().equals(now.defaultValue())) {
            ctx.add(PlanPhase.TYPE, alter + now.defaultValue().map(d -> " SET DEFAULT " + d).orElse(" DROP DEFAULT"))
                    .requires(key)
                    .requiresAll(now.dependsOn().stream().map(PlanSql::key).toList());
        }
        if (old.notNull() != now.notNull()) {
            PlanStep step = ctx.add(PlanPhase.TYPE, alter + (now.notNull() ? " SET NOT NULL" : " DROP NOT NULL"))
                    .requires(key);
            if (now.notNull()) {
                step.lock(LockMode.SHARE).hazard(Hazard.FULL_TABLE_SCAN)
                        .note("Checks every column that uses the domain for NULLs.");
            }
        }
        Map<String, Domain.Check> before = PlanSchemas.byName(old.checks(), Domain.Check::name);
        Map<String, Domain.Check> after = PlanSchemas.byName(now.checks(), Domain.Check::name);
        for (Domain.Check check : old.checks()) {
            Domain.Check target = after.get(check.name());
            boolean replaced = target != null && (!target.definition().equals(check.definition())
                    || (check.validated() && !target.validated())
                    || ctx.replacements.partReplaced(ObjectKind.DOMAIN, old.schema(), old.name(), check.name()));
            if (target == null || replaced) {
                ctx.add(PlanPhase.TYPE, alter + " DROP CONSTRAINT " + PlanSql.q(check.name()))
                        .requires(key)
                        .drops(checkKey(now, check))
                        .releasesAll(mentioned(old.dependsOn(), check.definition()));
            }
            if (replaced) {
                PlanStep added = addCheck(ctx, now, target, target.validated());
                target.comment().ifPresent(c -> checkComment(ctx, now, target).after(added));
            } else if (target != null) {
                if (!check.validated() && target.validated()) {
                    validate(ctx, now, target).requires(key);
                }
                if (!check.comment().equals(target.comment())) {
                    checkComment(ctx, now, target);
                }
            }
        }
        for (Domain.Check check : now.checks()) {
            if (!before.containsKey(check.name())) {
                PlanStep added = addCheck(ctx, now, check, check.validated());
                check.comment().ifPresent(c -> checkComment(ctx, now, check).after(added));
            }
        }
    }

    /** Adds a check NOT VALID (no scan, no lock on the tables), then validates it when {@code validate}. */
    private static PlanStep addCheck(PlanContext ctx, Domain domain, Domain.Check check, boolean validate) {
        ObjectRef ref = PlanTypes.ref(domain);
        PlanStep added = ctx.add(PlanPhase.TYPE, "ALTER DOMAIN " + PlanSql.qn(ref) + " ADD CONSTRAINT "
                        + PlanSql.q(check.name()) + " " + check.definition() + " NOT VALID")
                .requires(PlanSql.key(ref))
                .provides(checkKey(domain, check))
                .requiresAll(mentioned(domain.dependsOn(), check.definition()));
        if (validate) {
            added.note("Added NOT VALID and validated separately, so that adding it does not scan the columns"
                    + " that use the domain.");
            return validate(ctx, domain, check).after(added);
        }
        return added;
    }

    private static PlanStep validate(PlanContext ctx, Domain domain, Domain.Check check) {
        return ctx.add(PlanPhase.TYPE, "ALTER DOMAIN " + PlanSql.qn(PlanTypes.ref(domain)) + " VALIDATE CONSTRAINT "
                        + PlanSql.q(check.name()))
                .lock(LockMode.SHARE)
                .hazard(Hazard.FULL_TABLE_SCAN)
                .provides(checkKey(domain, check));
    }

    private static PlanStep checkComment(PlanContext ctx, Domain domain, Domain.Check check) {
        return PlanGrants.comment(ctx, "CONSTRAINT " + PlanSql.q(check.name()) + " ON DOMAIN "
                + PlanSql.qn(PlanTypes.ref(domain)), check.comment(), checkKey(domain, check), false);
    }

    private static String checkKey(Domain domain, Domain.Check check) {
        return PlanSql.partKey(ObjectKind.DOMAIN, domain.schema(), domain.name(), check.name());
    }

    /** Keys of the dependencies that a piece of SQL mentions by name. */
    static List<String> mentioned(List<ObjectRef> dependsOn, String text) {
        return dependsOn.stream()
                .filter(r -> PlanSql.mentions(text, r.schema(), PlanSql.baseName(r)))
                .map(PlanSql::key)
                .toList();
    }
}
