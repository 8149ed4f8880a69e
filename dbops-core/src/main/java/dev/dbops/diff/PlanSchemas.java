package dev.dbops.diff;

import dev.dbops.schema.DefaultPrivilege;
import dev.dbops.schema.Extension;
import dev.dbops.schema.Grant;
import dev.dbops.schema.Namespace;
import dev.dbops.schema.ObjectKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Plans schemas, extensions and default privileges. */
final class PlanSchemas {

    private PlanSchemas() {
    }

    static void plan(PlanContext ctx) {
        namespaces(ctx);
        extensions(ctx);
        defaultPrivileges(ctx);
    }

    private static void namespaces(PlanContext ctx) {
        Map<String, Namespace> before = byName(ctx.from.schemas(), Namespace::name);
        Map<String, Namespace> after = byName(ctx.to.schemas(), Namespace::name);
        for (Namespace old : before.values()) {
            if (!after.containsKey(old.name())) {
                ctx.add(PlanPhase.DROP_SCHEMA, "DROP SCHEMA " + PlanSql.q(old.name()))
                        .drops(PlanSql.schemaKey(old.name()));
            }
        }
        for (Namespace now : after.values()) {
            Namespace old = before.get(now.name());
            String key = PlanSql.schemaKey(now.name());
            if (old == null) {
                ctx.add(PlanPhase.SCHEMA, "CREATE SCHEMA " + PlanSql.q(now.name())).provides(key);
            }
            PlanObject object = new PlanObject("SCHEMA " + PlanSql.q(now.name()),
                    "ALTER SCHEMA " + PlanSql.q(now.name()),
                    key, PlanObject.AclDefault.SCHEMA, false, old != null);
            PlanGrants.plan(ctx, object, Optional.ofNullable(old).map(Namespace::owner), now.owner(),
                    old == null ? Optional.empty() : old.comment(), now.comment(),
                    old == null ? List.of() : old.grants(), now.grants());
        }
    }

    private static void extensions(PlanContext ctx) {
        Map<String, Extension> before = byName(ctx.from.extensions(), Extension::name);
        Map<String, Extension> after = byName(ctx.to.extensions(), Extension::name);
        for (Extension old : before.values()) {
            if (!after.containsKey(old.name())) {
                ctx.add(PlanPhase.DROP_EXTENSION, "DROP EXTENSION " + PlanSql.q(old.name()))
                        .drops(extensionKey(old.name()))
                        .releases(PlanSql.schemaKey(old.schema()))
                        .hazard(Hazard.CORRECTNESS)
                        .note("Drops every function, type and operator the extension installed.");
            }
        }
        for (Extension now : after.values()) {
            Extension old = before.get(now.name());
            String key = extensionKey(now.name());
            String name = PlanSql.q(now.name());
            if (old == null) {
                ctx.add(PlanPhase.EXTENSION, "CREATE EXTENSION " + name + " WITH SCHEMA " + PlanSql.q(now.schema())
                        + " VERSION " + PlanSql.literal(now.version()))
                        .provides(key)
                        .requires(PlanSql.schemaKey(now.schema()));
                PlanGrants.comment(ctx, "EXTENSION " + name, now.comment(), key, false);
                continue;
            }
            if (!old.version().equals(now.version())) {
                ctx.add(PlanPhase.EXTENSION, "ALTER EXTENSION " + name + " UPDATE TO " + PlanSql.literal(now.version()))
                        .requires(key)
                        .hazard(Hazard.CORRECTNESS)
                        .note("Runs the extension's upgrade script, which may change or replace its objects.");
            }
            if (!old.schema().equals(now.schema())) {
                ctx.add(PlanPhase.EXTENSION, "ALTER EXTENSION " + name + " SET SCHEMA " + PlanSql.q(now.schema()))
                        .requires(key, PlanSql.schemaKey(now.schema()))
                        .releases(PlanSql.schemaKey(old.schema()));
            }
            if (!old.comment().equals(now.comment())) {
                PlanGrants.comment(ctx, "EXTENSION " + name, now.comment(), key, false);
            }
        }
    }

    static String extensionKey(String name) {
        return PlanSql.key(ObjectKind.EXTENSION, "", name);
    }

    private static void defaultPrivileges(PlanContext ctx) {
        Map<String, DefaultPrivilege> before = byName(ctx.from.defaultPrivileges(), DefaultPrivilege::key);
        Map<String, DefaultPrivilege> after = byName(ctx.to.defaultPrivileges(), DefaultPrivilege::key);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            DefaultPrivilege old = before.get(key);
            DefaultPrivilege now = after.get(key);
            DefaultPrivilege any = now != null ? now : old;
            List<Grant> was = old != null ? old.grants() : builtIn(ctx, any);
            List<Grant> is = now != null ? now.grants() : builtIn(ctx, any);
            String prefix = "ALTER DEFAULT PRIVILEGES FOR ROLE " + PlanSql.q(any.role())
                    + any.schema().map(s -> " IN SCHEMA " + PlanSql.q(s)).orElse("");
            String objects = any.objectType();
            List<PlanStep> steps = PlanGrants.grants(ctx, was, is, null, null,
                    (privileges, grantee) -> privileges + " ON " + objects, prefix);
            for (PlanStep step : steps) {
                any.schema().ifPresent(s -> {
                    if (now != null) {
                        step.requires(PlanSql.schemaKey(s));
                    } else {
                        step.releases(PlanSql.schemaKey(s));
                    }
                });
            }
        }
    }

    /**
     * What PostgreSQL grants on a role's new objects without any entry: for all schemas, what
     * {@code acldefault} gives; for one schema, nothing beyond the global entry.
     */
    private static List<Grant> builtIn(PlanContext ctx, DefaultPrivilege entry) {
        if (entry.schema().isPresent()) {
            return List.of();
        }
        PlanObject.AclDefault acl = switch (entry.objectType()) {
            case "TABLES" -> PlanObject.AclDefault.TABLE;
            case "SEQUENCES" -> PlanObject.AclDefault.SEQUENCE;
            case "FUNCTIONS" -> PlanObject.AclDefault.FUNCTION;
            case "TYPES" -> PlanObject.AclDefault.TYPE;
            default -> PlanObject.AclDefault.SCHEMA;
        };
        return PlanGrants.defaults(acl, entry.role(), ctx.maintain());
    }

    static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, x -> x, (a, b) -> a, TreeMap::new));
    }
}
