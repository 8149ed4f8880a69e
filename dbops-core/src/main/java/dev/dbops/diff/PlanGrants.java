package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.Grant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The statements every object kind shares: {@code COMMENT ON}, {@code ALTER … OWNER TO}, and
 * {@code GRANT}/{@code REVOKE} computed as the difference of two privilege sets.
 */
final class PlanGrants {

    private PlanGrants() {
    }

    /**
     * Plans owner, comment and grants of one object. For a new object, {@code fromOwner} is empty,
     * the owner is always set, the comment is set when there is one, and the grants start from what
     * PostgreSQL gives a new object.
     */
    static void plan(PlanContext ctx, PlanObject object, Optional<String> fromOwner, String toOwner,
            Optional<String> fromComment, Optional<String> toComment, List<Grant> fromGrants, List<Grant> toGrants) {
        PlanStep ownerStep = null;
        List<Grant> before = object.existing() ? fromGrants : defaults(object.acl(), toOwner, ctx.maintain());
        if (toOwner.isEmpty()) {
            // Owners are ignored (SchemaDiff.ignoreOwners): no owner change, and the owner's own privileges,
            // which the normalizer dropped from both sides, are left alone.
            before = before.stream().filter(grant -> !grant.grantee().isEmpty()).toList();
        } else if (fromOwner.isEmpty() || !fromOwner.get().equals(toOwner)) {
            ownerStep = owner(ctx, object, toOwner);
            if (fromOwner.isPresent()) {
                before = afterOwnerChange(before, fromOwner.get(), toOwner);
            }
        }
        if (!object.existing() ? toComment.isPresent() : !fromComment.equals(toComment)) {
            comment(ctx, object.target(), toComment, object.key(), object.relation() && object.existing());
        }
        String target = object.grantTarget();
        grants(ctx, before, toGrants, ownerStep, object.key(), (privileges, grantee) -> privileges + " ON " + target,
                null);
    }

    static PlanStep owner(PlanContext ctx, PlanObject object, String toOwner) {
        PlanStep step = ctx.add(PlanPhase.COMMENT, object.alter() + " OWNER TO " + PlanSql.q(toOwner))
                .requires(object.key())
                .provides(ownerKey(object.key()))
                .hazard(Hazard.AUTHZ_CHANGE);
        if (object.relation()) {
            step.lock(LockMode.ACCESS_EXCLUSIVE, object.existing());
        }
        return step;
    }

    /** Provided by the step that changes an object's owner. */
    static String ownerKey(String objectKey) {
        return "OWNER\u0000" + objectKey;
    }

    static PlanStep comment(PlanContext ctx, String target, Optional<String> comment, String key, boolean lock) {
        PlanStep step = ctx.add(PlanPhase.COMMENT, "COMMENT ON " + target + " " + PlanSql.commentValue(comment))
                .requires(key);
        if (lock) {
            step.lock(LockMode.SHARE_UPDATE_EXCLUSIVE);
        }
        return step;
    }

    /** The privileges of a new object: the owner's and PUBLIC's, as {@code acldefault} gives them. */
    static List<Grant> defaults(PlanObject.AclDefault acl, String owner, boolean maintain) {
        List<Grant> result = new ArrayList<>();
        acl.owner(maintain).forEach(p -> result.add(new Grant(owner, p, false)));
        acl.everyone().forEach(p -> result.add(new Grant(Grant.PUBLIC, p, false)));
        return result;
    }

    /** PostgreSQL moves the old owner's privileges to the new owner when the owner changes. */
    static List<Grant> afterOwnerChange(List<Grant> grants, String oldOwner, String newOwner) {
        Map<String, Grant> merged = new TreeMap<>();
        for (Grant grant : grants) {
            Grant moved = grant.grantee().equals(oldOwner) ? new Grant(newOwner, grant.privilege(), grant.grantable())
                    : grant;
            merged.merge(moved.grantee() + "\0" + moved.privilege(), moved,
                    (a, b) -> a.grantable() ? a : b);
        }
        return List.copyOf(merged.values());
    }

    /**
     * Plans REVOKE and GRANT statements that turn {@code before} into {@code after}.
     *
     * @param clause renders "privileges ON target" for a privilege list (and the grantee, unused by most)
     * @param prefix the statement prefix before GRANT/REVOKE, e.g. {@code ALTER DEFAULT PRIVILEGES …}; null for none
     */
    static List<PlanStep> grants(PlanContext ctx, List<Grant> before, List<Grant> after, PlanStep afterStep,
            String key, BiFunction<String, String, String> clause, String prefix) {
        List<PlanStep> added = new ArrayList<>();
        Map<String, Map<String, Boolean>> old = byGrantee(before);
        Map<String, Map<String, Boolean>> now = byGrantee(after);
        TreeSet<String> grantees = new TreeSet<>(old.keySet());
        grantees.addAll(now.keySet());
        String head = prefix == null ? "" : prefix + " ";
        for (String grantee : grantees) {
            Map<String, Boolean> was = old.getOrDefault(grantee, Map.of());
            Map<String, Boolean> is = now.getOrDefault(grantee, Map.of());
            List<String> revoke = new ArrayList<>();
            List<String> revokeOption = new ArrayList<>();
            List<String> grant = new ArrayList<>();
            List<String> grantWithOption = new ArrayList<>();
            was.forEach((privilege, grantable) -> {
                Boolean target = is.get(privilege);
                if (target == null) {
                    revoke.add(privilege);
                } else if (grantable && !target) {
                    revokeOption.add(privilege);
                }
            });
            is.forEach((privilege, grantable) -> {
                Boolean current = was.get(privilege);
                if (current == null || (grantable && !current)) {
                    (grantable ? grantWithOption : grant).add(privilege);
                }
            });
            String who = grantee(grantee);
            if (!revoke.isEmpty()) {
                added.add(add(ctx, head + "REVOKE " + clause.apply(String.join(", ", revoke), grantee) + " FROM " + who,
                        afterStep, key));
            }
            if (!revokeOption.isEmpty()) {
                added.add(add(ctx, head + "REVOKE GRANT OPTION FOR "
                        + clause.apply(String.join(", ", revokeOption), grantee)
                        + " FROM " + who, afterStep, key));
            }
            if (!grant.isEmpty()) {
                added.add(add(ctx, head + "GRANT " + clause.apply(String.join(", ", grant), grantee) + " TO " + who,
                        afterStep, key));
            }
            if (!grantWithOption.isEmpty()) {
                added.add(add(ctx, head + "GRANT " + clause.apply(String.join(", ", grantWithOption), grantee)
                        + " TO " + who
                        + " WITH GRANT OPTION", afterStep, key));
            }
        }
        return added;
    }

    private static PlanStep add(PlanContext ctx, String sql, PlanStep afterStep, String key) {
        PlanStep step = ctx.add(PlanPhase.GRANT, sql).hazard(Hazard.AUTHZ_CHANGE);
        if (key != null) {
            step.requires(key);
        }
        if (afterStep != null) {
            step.after(afterStep);
        }
        return step;
    }

    /** {@code PUBLIC} is a keyword, never quoted; every role name is. */
    static String grantee(String name) {
        return Grant.PUBLIC.equals(name) ? "PUBLIC" : PlanSql.q(name);
    }

    private static Map<String, Map<String, Boolean>> byGrantee(List<Grant> grants) {
        Map<String, Map<String, Boolean>> result = new TreeMap<>();
        for (Grant grant : grants) {
            result.computeIfAbsent(grant.grantee(), g -> new TreeMap<>())
                    .merge(grant.privilege(), grant.grantable(), Boolean::logicalOr);
        }
        return result;
    }
}
