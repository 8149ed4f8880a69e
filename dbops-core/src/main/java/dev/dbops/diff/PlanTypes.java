package dev.dbops.diff;

import dev.dbops.schema.CompositeType;
import dev.dbops.schema.Domain;
import dev.dbops.schema.EnumType;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.RangeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Plans enum, composite and range types; domains are in {@link PlanDomains}. */
final class PlanTypes {

    private PlanTypes() {
    }

    static void plan(PlanContext ctx) {
        for (EnumType old : ctx.from.enums()) {
            String key = PlanSql.key(ref(old));
            EnumType now = (EnumType) ctx.after.types.get(key);
            if (now == null) {
                drop(ctx, ref(old), List.of());
            } else if (ctx.replacements.types.contains(key)) {
                PlanTypeSwap.renameAndConvert(ctx, ref(old), List.of(), () -> createEnum(ctx, now), true);
                details(ctx, ref(now), Optional.empty(), now.owner(), Optional.empty(), now.comment());
            } else {
                addLabels(ctx, old, now);
                details(ctx, ref(now), Optional.of(old.owner()), now.owner(), old.comment(), now.comment());
            }
        }
        for (EnumType now : ctx.to.enums()) {
            if (!ctx.before.types.containsKey(PlanSql.key(ref(now)))) {
                createEnum(ctx, now);
                details(ctx, ref(now), Optional.empty(), now.owner(), Optional.empty(), now.comment());
            }
        }
        for (CompositeType old : ctx.from.compositeTypes()) {
            String key = PlanSql.key(ref(old));
            CompositeType now = (CompositeType) ctx.after.types.get(key);
            if (now == null) {
                drop(ctx, ref(old), old.dependsOn());
            } else if (ctx.replacements.types.contains(key)) {
                PlanTypeSwap.renameAndConvert(ctx, ref(old), old.dependsOn(), () -> createComposite(ctx, now), false);
                details(ctx, ref(now), Optional.empty(), now.owner(), Optional.empty(), now.comment());
            } else {
                alterComposite(ctx, old, now);
                details(ctx, ref(now), Optional.of(old.owner()), now.owner(), old.comment(), now.comment());
            }
        }
        for (CompositeType now : ctx.to.compositeTypes()) {
            if (!ctx.before.types.containsKey(PlanSql.key(ref(now)))) {
                createComposite(ctx, now);
                details(ctx, ref(now), Optional.empty(), now.owner(), Optional.empty(), now.comment());
            }
        }
        for (RangeType old : ctx.from.rangeTypes()) {
            String key = PlanSql.key(ref(old));
            RangeType now = (RangeType) ctx.after.types.get(key);
            if (now == null) {
                drop(ctx, ref(old), old.dependsOn());
            } else if (ctx.replacements.types.contains(key)) {
                PlanTypeSwap.throughText(ctx, ref(old), old.dependsOn(), () -> createRange(ctx, now));
                details(ctx, ref(now), Optional.empty(), now.owner(), Optional.empty(), now.comment());
            } else {
                details(ctx, ref(now), Optional.of(old.owner()), now.owner(), old.comment(), now.comment());
            }
        }
        for (RangeType now : ctx.to.rangeTypes()) {
            if (!ctx.before.types.containsKey(PlanSql.key(ref(now)))) {
                createRange(ctx, now);
                details(ctx, ref(now), Optional.empty(), now.owner(), Optional.empty(), now.comment());
            }
        }
    }

    /** The reference to an enum, domain, composite or range type. */
    static ObjectRef ref(Object type) {
        if (type instanceof EnumType t) {
            return new ObjectRef(ObjectKind.ENUM, t.schema(), t.name());
        }
        if (type instanceof Domain t) {
            return new ObjectRef(ObjectKind.DOMAIN, t.schema(), t.name());
        }
        if (type instanceof CompositeType t) {
            return new ObjectRef(ObjectKind.COMPOSITE_TYPE, t.schema(), t.name());
        }
        RangeType t = (RangeType) type;
        return new ObjectRef(ObjectKind.RANGE_TYPE, t.schema(), t.name());
    }

    static String keyword(ObjectRef type) {
        return type.kind() == ObjectKind.DOMAIN ? "DOMAIN" : "TYPE";
    }

    /** Owner and comment of a type (the model does not record type privileges). */
    static void details(PlanContext ctx, ObjectRef type, Optional<String> fromOwner, String toOwner,
            Optional<String> fromComment, Optional<String> toComment) {
        String keyword = keyword(type);
        PlanObject object = new PlanObject(keyword + " " + PlanSql.qn(type),
                "ALTER " + keyword + " " + PlanSql.qn(type),
                PlanSql.key(type), PlanObject.AclDefault.NONE, false, fromOwner.isPresent());
        PlanGrants.plan(ctx, object, fromOwner, toOwner, fromComment, toComment, List.of(), List.of());
    }

    static PlanStep drop(PlanContext ctx, ObjectRef type, List<ObjectRef> dependsOn) {
        return ctx.add(PlanPhase.DROP_TYPE, "DROP " + keyword(type) + " " + PlanSql.qn(type))
                .drops(PlanSql.key(type))
                .releases(PlanSql.schemaKey(type.schema()))
                .releasesAll(dependsOn.stream().map(PlanSql::key).toList());
    }

    private static PlanStep createEnum(PlanContext ctx, EnumType type) {
        String labels = type.labels().stream().map(PlanSql::literal).collect(Collectors.joining(", "));
        return ctx.add(PlanPhase.TYPE, "CREATE TYPE " + PlanSql.qn(type.schema(), type.name()) + " AS ENUM ("
                        + labels + ")")
                .provides(PlanSql.key(ref(type)))
                .requires(PlanSql.schemaKey(type.schema()));
    }

    /** Adds the labels TO has and FROM lacks, each placed before its successor or after its predecessor. */
    private static void addLabels(PlanContext ctx, EnumType old, EnumType now) {
        List<String> present = new ArrayList<>(old.labels());
        List<String> target = now.labels();
        PlanStep previous = null;
        for (int i = 0; i < target.size(); i++) {
            String label = target.get(i);
            if (present.contains(label)) {
                continue;
            }
            String position = "";
            for (int j = i + 1; j < target.size() && position.isEmpty(); j++) {
                if (present.contains(target.get(j))) {
                    position = " BEFORE " + PlanSql.literal(target.get(j));
                }
            }
            if (position.isEmpty() && i > 0) {
                position = " AFTER " + PlanSql.literal(target.get(i - 1));
            }
            present.add(label);
            PlanStep step = ctx.add(PlanPhase.TYPE, "ALTER TYPE " + PlanSql.qn(old.schema(), old.name())
                            + " ADD VALUE " + PlanSql.literal(label) + position)
                    .provides(PlanSql.key(ref(now)))
                    .note("A value added by ALTER TYPE … ADD VALUE cannot be used until the transaction that"
                            + " added it commits; before PostgreSQL 12 it cannot run inside a transaction block"
                            + " at all.");
            if (previous != null) {
                step.after(previous);
            }
            previous = step;
        }
    }

    private static PlanStep createComposite(PlanContext ctx, CompositeType type) {
        String attributes = type.attributes().stream()
                .map(a -> PlanSql.q(a.name()) + " " + a.type() + a.collation().map(c -> " COLLATE " + c).orElse(""))
                .collect(Collectors.joining(", "));
        return ctx.add(PlanPhase.TYPE, "CREATE TYPE " + PlanSql.qn(type.schema(), type.name()) + " AS ("
                        + attributes + ")")
                .provides(PlanSql.key(ref(type)))
                .requires(PlanSql.schemaKey(type.schema()))
                .requiresAll(type.dependsOn().stream().map(PlanSql::key).toList());
    }

    /**
     * Whether {@code ALTER TYPE … ADD/DROP/ALTER ATTRIBUTE} can reach the new attribute list: the
     * kept attributes stay in their order and new ones come last.
     */
    static boolean alterable(CompositeType a, CompositeType b) {
        List<String> oldNames = a.attributes().stream().map(CompositeType.Attribute::name).toList();
        List<String> newNames = b.attributes().stream().map(CompositeType.Attribute::name).toList();
        List<String> result = new ArrayList<>(oldNames);
        result.retainAll(newNames);
        newNames.stream().filter(n -> !oldNames.contains(n)).forEach(result::add);
        return result.equals(newNames);
    }

    private static void alterComposite(PlanContext ctx, CompositeType old, CompositeType now) {
        if (old.attributes().equals(now.attributes())) {
            return;
        }
        Map<String, CompositeType.Attribute> before =
                PlanSchemas.byName(old.attributes(), CompositeType.Attribute::name);
        Map<String, CompositeType.Attribute> after =
                PlanSchemas.byName(now.attributes(), CompositeType.Attribute::name);
        List<String> actions = new ArrayList<>();
        boolean dataLoss = false;
        for (CompositeType.Attribute attribute : old.attributes()) {
            CompositeType.Attribute target = after.get(attribute.name());
            if (target == null) {
                actions.add("DROP ATTRIBUTE " + PlanSql.q(attribute.name()));
                dataLoss = true;
            } else if (!target.equals(attribute)) {
                actions.add("ALTER ATTRIBUTE " + PlanSql.q(target.name()) + " TYPE " + target.type()
                        + target.collation().map(c -> " COLLATE " + c).orElse(""));
            }
        }
        for (CompositeType.Attribute attribute : now.attributes()) {
            if (!before.containsKey(attribute.name())) {
                actions.add("ADD ATTRIBUTE " + PlanSql.q(attribute.name()) + " " + attribute.type()
                        + attribute.collation().map(c -> " COLLATE " + c).orElse(""));
            }
        }
        PlanStep step = ctx.add(PlanPhase.TYPE, "ALTER TYPE " + PlanSql.qn(old.schema(), old.name()) + " "
                        + String.join(", ", actions))
                .requires(PlanSql.key(ref(now)))
                .requiresAll(now.dependsOn().stream().map(PlanSql::key).toList());
        if (dataLoss) {
            step.hazard(Hazard.DATA_LOSS);
        }
    }

    private static PlanStep createRange(PlanContext ctx, RangeType type) {
        StringBuilder sql = new StringBuilder("CREATE TYPE ").append(PlanSql.qn(type.schema(), type.name()))
                .append(" AS RANGE (SUBTYPE = ").append(type.subtype());
        type.subtypeOpclass().ifPresent(v -> sql.append(", SUBTYPE_OPCLASS = ").append(v));
        type.collation().ifPresent(v -> sql.append(", COLLATION = ").append(v));
        type.canonical().ifPresent(v -> sql.append(", CANONICAL = ").append(v));
        type.subtypeDiff().ifPresent(v -> sql.append(", SUBTYPE_DIFF = ").append(v));
        type.multirange().ifPresent(v -> sql.append(", MULTIRANGE_TYPE_NAME = ").append(v));
        sql.append(')');
        return ctx.add(PlanPhase.TYPE, sql.toString())
                .provides(PlanSql.key(ref(type)))
                .requires(PlanSql.schemaKey(type.schema()))
                .requiresAll(type.dependsOn().stream().map(PlanSql::key).toList());
    }
}
