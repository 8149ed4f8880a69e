package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.Column;
import dev.dbops.schema.Constraint;
import dev.dbops.schema.ConstraintType;
import dev.dbops.schema.Index;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Policy;
import dev.dbops.schema.Table;
import dev.dbops.schema.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Plans tables: CREATE TABLE (then everything CREATE TABLE cannot say, by planning the change
 * from the table as created to the target), DROP TABLE, and the table-level properties of an
 * existing table; columns, constraints, indexes, triggers and policies have planners of their own.
 */
final class PlanTables {

    private PlanTables() {
    }

    static void plan(PlanContext ctx) {
        for (Table old : ctx.from.tables()) {
            if (ctx.after.table(old.schema(), old.name()).isEmpty()) {
                drop(ctx, old);
            }
        }
        for (Table now : parentsFirst(ctx.to.tables())) {
            Optional<Table> old = ctx.before.table(now.schema(), now.name());
            if (old.isPresent()) {
                alter(ctx, old.get(), now, true);
            } else {
                Table created = PlanTableCreate.create(ctx, now);
                alter(ctx, created, now, false);
            }
        }
    }

    /** Orders tables so that partitioned and INHERITS parents come before their children. */
    static List<Table> parentsFirst(List<Table> tables) {
        Map<String, Table> byKey = new LinkedHashMap<>();
        tables.forEach(t -> byKey.put(PlanSql.key(t.ref()), t));
        Set<String> done = new LinkedHashSet<>();
        List<Table> result = new ArrayList<>();
        for (Table table : tables) {
            visit(table, byKey, done, result, new LinkedHashSet<>());
        }
        return result;
    }

    private static void visit(Table table, Map<String, Table> byKey, Set<String> done, List<Table> result,
            Set<String> path) {
        String key = PlanSql.key(table.ref());
        if (done.contains(key) || !path.add(key)) {
            return;
        }
        for (ObjectRef parent : parents(table)) {
            Table p = byKey.get(PlanSql.key(parent));
            if (p != null) {
                visit(p, byKey, done, result, path);
            }
        }
        done.add(key);
        result.add(table);
    }

    static List<ObjectRef> parents(Table table) {
        List<ObjectRef> parents = new ArrayList<>(table.inherits());
        table.partitionOf().ifPresent(p -> parents.add(p.parent()));
        return parents;
    }

    private static void drop(PlanContext ctx, Table old) {
        String s = old.schema();
        String t = old.name();
        PlanStep step = ctx.add(PlanPhase.DROP_TABLE, "DROP TABLE " + PlanSql.qn(s, t))
                .lock(LockMode.ACCESS_EXCLUSIVE)
                .hazard(Hazard.DATA_LOSS)
                .drops(PlanSql.tableKey(s, t), PlanSql.uniquesKey(s, t))
                .releases(PlanSql.schemaKey(s))
                .releasesAll(old.dependsOn().stream().map(PlanSql::key).toList());
        parents(old).forEach(p -> step.releases(PlanSql.key(p)));
        old.columns().forEach(c -> step.drops(PlanSql.columnKey(s, t, c.name())));
        for (Constraint constraint : old.constraints()) {
            step.drops(PlanSql.partKey(ObjectKind.CONSTRAINT, s, t, constraint.name()));
            constraint.references().ifPresent(r -> step.releases(PlanSql.key(r), PlanSql.uniquesKey(r.schema(),
                    r.name())));
        }
        old.indexes().forEach(i -> step.drops(PlanSql.partKey(ObjectKind.INDEX, s, t, i.name())));
        old.triggers().forEach(g -> step.drops(PlanSql.partKey(ObjectKind.TRIGGER, s, t, g.name())));
        old.policies().forEach(p -> step.drops(PlanSql.partKey(ObjectKind.POLICY, s, t, p.name())));
    }

    /** Plans the change of one table; {@code existing} is false when {@code old} is the table as just created. */
    static void alter(PlanContext ctx, Table old, Table now, boolean existing) {
        String name = PlanSql.qn(now.schema(), now.name());
        String key = PlanSql.tableKey(now.schema(), now.name());
        List<PlanStep> detached = List.of();
        Table before = old;
        if (existing) {
            detached = partitioning(ctx, old, now);
            before = PlanTableDetach.keepForJoin(ctx, PlanTableDetach.afterDetach(ctx, old, now), now);
            if (old.unlogged() != now.unlogged()) {
                ctx.add(PlanPhase.TABLE, "ALTER TABLE " + name + (now.unlogged() ? " SET UNLOGGED" : " SET LOGGED"))
                        .requires(key)
                        .lock(LockMode.ACCESS_EXCLUSIVE)
                        .hazard(Hazard.TABLE_REWRITE)
                        .note("Changing persistence rewrites the table" + (now.unlogged()
                                ? "; an unlogged table is emptied after a crash and is not replicated." : "."));
            }
        }
        int mark = ctx.steps().size();
        options(ctx, before, now, existing);
        PlanColumns.plan(ctx, before, now, existing);
        PlanConstraints.plan(ctx, before, now, existing);
        List<ObjectRef> dependsOn = new ArrayList<>(before.dependsOn());
        dependsOn.addAll(now.dependsOn());
        PlanIndexes.plan(ctx, new PlanIndexes.Owner(now.schema(), now.name(), key, now.partitionKey().isPresent(),
                existing, dependsOn), before.indexes(), now.indexes());
        PlanTriggers.plan(ctx, before, now, existing);
        PlanPolicies.plan(ctx, before, now, existing);
        replicaIdentity(ctx, before, now, existing);
        for (PlanStep detach : detached) {
            for (PlanStep step : ctx.steps().subList(mark, ctx.steps().size())) {
                step.after(detach);
            }
        }
        PlanObject object = new PlanObject("TABLE " + name, "ALTER TABLE " + name, key, PlanObject.AclDefault.TABLE,
                true, existing);
        PlanGrants.plan(ctx, object, existing ? Optional.of(old.owner()) : Optional.empty(), now.owner(),
                old.comment(), now.comment(), old.grants(), now.grants());
    }

    /** Provided by ATTACH PARTITION and INHERIT into a table: its ADD COLUMN comes after, to reach the new child. */
    static String joinedKey(String schema, String table) {
        return "JOINED\u0000" + PlanSql.tableKey(schema, table);
    }

    /** Plans DETACH/ATTACH PARTITION and NO INHERIT/INHERIT; returns the steps that make the table leave parents. */
    private static List<PlanStep> partitioning(PlanContext ctx, Table old, Table now) {
        String name = PlanSql.qn(now.schema(), now.name());
        String key = PlanSql.tableKey(now.schema(), now.name());
        List<PlanStep> left = new ArrayList<>();
        if (!old.partitionOf().equals(now.partitionOf())) {
            old.partitionOf().ifPresent(p -> left.add(ctx.add(PlanPhase.DETACH, "ALTER TABLE " + PlanSql.qn(p.parent())
                            + " DETACH PARTITION " + name)
                    .lock(LockMode.ACCESS_EXCLUSIVE)
                    .releases(PlanSql.key(p.parent()))
                    .note("Constraints and indexes the partition got from its parent stay on it as its own.")));
            now.partitionOf().ifPresent(p -> join(ctx, now, p.parent(), ctx.add(PlanPhase.ATTACH, "ALTER TABLE "
                            + PlanSql.qn(p.parent()) + " ATTACH PARTITION " + name + " " + p.bound())
                    .lock(LockMode.ACCESS_EXCLUSIVE)
                    .hazard(Hazard.FULL_TABLE_SCAN)
                    .note("Takes SHARE UPDATE EXCLUSIVE on the parent and ACCESS EXCLUSIVE on the partition, and"
                            + " scans the partition unless a valid CHECK constraint already proves the bound.")));
        }
        for (ObjectRef parent : old.inherits()) {
            if (!now.inherits().contains(parent)) {
                left.add(ctx.add(PlanPhase.DETACH, "ALTER TABLE " + name + " NO INHERIT " + PlanSql.qn(parent))
                        .lock(LockMode.ACCESS_EXCLUSIVE)
                        .releases(PlanSql.key(parent))
                        .note("The parent's CHECK constraints stay on the table as its own."));
            }
        }
        for (ObjectRef parent : now.inherits()) {
            if (!old.inherits().contains(parent)) {
                join(ctx, now, parent, ctx.add(PlanPhase.ATTACH, "ALTER TABLE " + name + " INHERIT "
                                + PlanSql.qn(parent))
                        .lock(LockMode.ACCESS_EXCLUSIVE)
                        .note("Columns and CHECK constraints the table already has stay its own (PostgreSQL"
                                + " cannot make them purely inherited); the parent's later columns are inherited."));
            }
        }
        for (PlanStep step : left) {
            step.provides("LEFT\u0000" + key);
        }
        return left;
    }

    /** ATTACH or INHERIT needs the child's columns and CHECK constraints first, and the parent's new columns after. */
    private static void join(PlanContext ctx, Table child, ObjectRef parent, PlanStep step) {
        step.requires(PlanSql.tableKey(child.schema(), child.name()), PlanSql.key(parent),
                        PlanSql.columnsDoneKey(child.schema(), child.name()), "LEFT\u0000"
                                + PlanSql.tableKey(child.schema(), child.name()))
                .provides(joinedKey(parent.schema(), parent.name()));
        for (Constraint constraint : child.constraints()) {
            if (constraint.type() == ConstraintType.CHECK) {
                step.requires(PlanSql.partKey(ObjectKind.CONSTRAINT, child.schema(), child.name(), constraint.name()));
            }
        }
    }

    private static void options(PlanContext ctx, Table old, Table now, boolean existing) {
        String sql = optionChanges("ALTER TABLE " + PlanSql.qn(now.schema(), now.name()), old.options(),
                now.options());
        if (!sql.isEmpty()) {
            ctx.add(PlanPhase.TABLE, sql)
                    .requires(PlanSql.tableKey(now.schema(), now.name()))
                    .lock(LockMode.SHARE_UPDATE_EXCLUSIVE, existing);
        }
    }

    /** {@code prefix RESET (…), SET (…)} for changed reloptions, or an empty string. */
    static String optionChanges(String prefix, List<String> before, List<String> after) {
        Map<String, String> old = reloptions(before);
        Map<String, String> now = reloptions(after);
        List<String> reset = new ArrayList<>();
        List<String> set = new ArrayList<>();
        old.keySet().stream().filter(k -> !now.containsKey(k)).forEach(k -> reset.add(optionName(k)));
        now.forEach((k, v) -> {
            if (!v.equals(old.get(k))) {
                set.add(optionName(k) + " = " + PlanSql.literal(v));
            }
        });
        List<String> actions = new ArrayList<>();
        if (!reset.isEmpty()) {
            actions.add("RESET (" + String.join(", ", reset) + ")");
        }
        if (!set.isEmpty()) {
            actions.add("SET (" + String.join(", ", set) + ")");
        }
        return actions.isEmpty() ? "" : prefix + " " + String.join(", ", actions);
    }

    /** The {@code WITH (…)} clause of a CREATE statement, or an empty string. */
    static String withOptions(List<String> options) {
        if (options.isEmpty()) {
            return "";
        }
        List<String> items = new ArrayList<>();
        reloptions(options).forEach((k, v) -> items.add(optionName(k) + " = " + PlanSql.literal(v)));
        return " WITH (" + String.join(", ", items) + ")";
    }

    private static Map<String, String> reloptions(List<String> options) {
        Map<String, String> result = new LinkedHashMap<>();
        for (String option : options) {
            int eq = option.indexOf('=');
            result.put(eq < 0 ? option : option.substring(0, eq), eq < 0 ? "true" : option.substring(eq + 1));
        }
        return result;
    }

    private static String optionName(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? PlanSql.q(name) : PlanSql.q(name.substring(0, dot)) + "." + PlanSql.q(name.substring(dot + 1));
    }

    private static void replicaIdentity(PlanContext ctx, Table old, Table now, boolean existing) {
        if (old.replicaIdentity() == now.replicaIdentity()
                && old.replicaIdentityIndex().equals(now.replicaIdentityIndex())) {
            return;
        }
        String s = now.schema();
        String t = now.name();
        String form = switch (now.replicaIdentity()) {
            case DEFAULT -> "DEFAULT";
            case NOTHING -> "NOTHING";
            case FULL -> "FULL";
            case INDEX -> "USING INDEX " + PlanSql.q(now.replicaIdentityIndex().orElseThrow());
        };
        PlanStep step = ctx.add(PlanPhase.INDEX, "ALTER TABLE " + PlanSql.qn(s, t) + " REPLICA IDENTITY " + form)
                .requires(PlanSql.tableKey(s, t))
                .lock(LockMode.ACCESS_EXCLUSIVE, existing)
                .hazard(Hazard.CORRECTNESS)
                .note("Changes which old row values logical replication and decoding receive.");
        now.replicaIdentityIndex().ifPresent(i -> step.requires(PlanSql.partKey(ObjectKind.INDEX, s, t, i),
                PlanSql.partKey(ObjectKind.CONSTRAINT, s, t, i)));
        old.replicaIdentityIndex().ifPresent(i -> step.releases(PlanSql.partKey(ObjectKind.INDEX, s, t, i),
                PlanSql.partKey(ObjectKind.CONSTRAINT, s, t, i)));
    }

    /** The table as CREATE TABLE leaves it before any ALTER: used to plan what CREATE TABLE did not say. */
    static Table asCreated(Table now, List<Column> columns, List<Constraint> inline) {
        return new Table(now.schema(), now.name(), now.unlogged(), now.partitionKey(), now.partitionOf(),
                now.inherits(), now.options(), Table.ReplicaIdentity.DEFAULT, Optional.empty(), false, false,
                now.owner(), Optional.empty(), List.of(), columns, inline, List.<Index>of(), List.<Trigger>of(),
                List.<Policy>of(), now.dependsOn());
    }

    static boolean inline(Constraint constraint) {
        return constraint.type() != ConstraintType.FOREIGN_KEY && constraint.validated();
    }
}
