package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.Column;
import dev.dbops.schema.CompositeType;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Replaces a type that PostgreSQL cannot change in place while columns use it: an enum losing or
 * reordering labels, a domain changing its base type, a composite type used by a table, a range
 * type. Columns are converted to the new type through its text form; their defaults are dropped
 * before and set again after, because a default mentions the old type.
 */
final class PlanTypeSwap {

    static final String OLD_SUFFIX = "__dbops_old";

    private PlanTypeSwap() {
    }

    /** One column to convert: the table, the column before and after. */
    private record Use(Table table, Column before, Column after) {
    }

    /**
     * Renames the old type out of the way, creates the new one, converts every column with
     * {@code USING col::text::new}, and drops the old type.
     */
    static void renameAndConvert(PlanContext ctx, ObjectRef type, List<ObjectRef> dependsOn,
            Supplier<PlanStep> create, boolean enumLabels) {
        String keyword = PlanTypes.keyword(type);
        String temporary = temporaryName(type.name());
        String renamedKey = "RENAMED\u0000" + PlanSql.key(type);
        PlanStep rename = ctx.add(PlanPhase.TYPE, "ALTER " + keyword + " " + PlanSql.qn(type) + " RENAME TO "
                        + PlanSql.q(temporary))
                .drops(PlanSql.key(type))
                .provides(renamedKey)
                .hazard(Hazard.CORRECTNESS)
                .note("PostgreSQL cannot change this " + type.kind().label() + " in place while it is in use: the old"
                        + " type is renamed, the new one created, every column converted through text, and the"
                        + " old type dropped.");
        create.get().after(rename);
        for (Use use : uses(ctx, type)) {
            String expression = conversion(ctx, type, use);
            convert(ctx, use, expression, PlanSql.oldTypeKey(type), PlanSql.key(type), enumLabels);
        }
        PlanStep dropOld = ctx.add(PlanPhase.DROP_TYPE, "DROP " + keyword + " " + PlanSql.qn(type.schema(), temporary))
                .requires(renamedKey)
                .drops(PlanSql.oldTypeKey(type));
        releaseDependencies(ctx, dropOld, dependsOn);
    }

    /**
     * Converts every column to text, drops the type, creates the new one and converts the columns
     * back: for range types, whose constructor functions keep their names when the type is renamed.
     */
    static void throughText(PlanContext ctx, ObjectRef type, List<ObjectRef> dependsOn, Supplier<PlanStep> create) {
        List<PlanStep> toText = new ArrayList<>();
        List<Use> uses = uses(ctx, type);
        for (Use use : uses) {
            String text = "text" + "[]".repeat(dimensions(use.after().type()));
            Column asText = new Column(use.after().name(), text, Optional.empty(), false, Optional.empty(),
                    Optional.empty(), Optional.empty(), false, Optional.empty(), List.of());
            toText.add(convert(ctx, new Use(use.table(), use.before(), asText), PlanSql.q(use.before().name()) + "::"
                    + text, PlanSql.key(type), null, false));
        }
        PlanStep drop = PlanTypes.drop(ctx, type, List.of());
        drop.note("The range type is dropped and created again; columns that use it are kept as text meanwhile.");
        releaseDependencies(ctx, drop, dependsOn);
        PlanStep created = create.get();
        created.after(drop);
        for (int i = 0; i < uses.size(); i++) {
            Use use = uses.get(i);
            Column fromText = new Column(use.before().name(), "text", Optional.empty(), false, Optional.empty(),
                    Optional.empty(), Optional.empty(), false, Optional.empty(), List.of());
            convert(ctx, new Use(use.table(), fromText, use.after()), PlanSql.q(use.after().name()) + "::"
                    + use.after().type(), null, PlanSql.key(type), false).after(toText.get(i));
        }
    }

    private static void releaseDependencies(PlanContext ctx, PlanStep drop, List<ObjectRef> dependsOn) {
        for (ObjectRef dependency : dependsOn) {
            String key = PlanSql.key(dependency);
            drop.releases(ctx.replacements.types.contains(key) ? PlanSql.oldTypeKey(dependency) : key);
        }
    }

    private static List<Use> uses(PlanContext ctx, ObjectRef type) {
        List<Use> uses = new ArrayList<>();
        for (Table table : ctx.from.tables()) {
            Optional<Table> target = ctx.after.table(table.schema(), table.name());
            if (target.isEmpty()) {
                continue;
            }
            for (Column column : table.columns()) {
                String key = PlanSql.columnKey(table.schema(), table.name(), column.name());
                if (ctx.replacements.convertedColumns.contains(key)
                        && PlanSql.isType(column.type(), type.schema(), type.name())) {
                    target.get().column(column.name()).ifPresent(now -> uses.add(new Use(table, column, now)));
                }
            }
        }
        return uses;
    }

    /** Drops the default, changes the type with USING, and sets the new default; returns the type change. */
    private static PlanStep convert(PlanContext ctx, Use use, String using, String releases, String requires,
            boolean dataLoss) {
        Table table = use.table();
        String alter = "ALTER TABLE " + PlanSql.qn(table.schema(), table.name()) + " ALTER COLUMN "
                + PlanSql.q(use.before().name());
        String columnKey = PlanSql.columnKey(table.schema(), table.name(), use.before().name());
        PlanStep dropDefault = null;
        if (use.before().defaultValue().isPresent()) {
            dropDefault = ctx.add(PlanPhase.COLUMN, alter + " DROP DEFAULT")
                    .lock(LockMode.ACCESS_EXCLUSIVE)
                    .note("The default mentions the old type; it is set again after the conversion.");
            if (releases != null) {
                dropDefault.releases(releases);
            }
        }
        PlanStep change = ctx.add(PlanPhase.COLUMN, alter + " TYPE " + use.after().type()
                        + use.after().collation().map(c -> " COLLATE " + c).orElse("") + " USING " + using)
                .lock(LockMode.ACCESS_EXCLUSIVE)
                .hazard(Hazard.TABLE_REWRITE)
                .drops(columnKey)
                .provides(columnKey, PlanSql.columnsDoneKey(table.schema(), table.name()));
        if (dataLoss) {
            change.hazard(Hazard.DATA_LOSS).note("Fails if a row holds a label that no longer exists.");
        }
        if (releases != null) {
            change.releases(releases);
        }
        if (requires != null) {
            change.requires(requires);
        }
        if (dropDefault != null) {
            change.after(dropDefault);
        }
        if (use.after().defaultValue().isPresent() && use.after().generated().isEmpty()) {
            ctx.add(PlanPhase.COLUMN, alter + " SET DEFAULT " + use.after().defaultValue().get())
                    .lock(LockMode.ACCESS_EXCLUSIVE)
                    .after(change)
                    .provides(PlanSql.columnsDoneKey(table.schema(), table.name()));
        }
        return change;
    }

    private static String conversion(PlanContext ctx, ObjectRef type, Use use) {
        String column = PlanSql.q(use.before().name());
        int dimensions = dimensions(use.after().type());
        if (type.kind() == ObjectKind.COMPOSITE_TYPE && dimensions == 0) {
            CompositeType old = (CompositeType) ctx.before.types.get(PlanSql.key(type));
            CompositeType now = (CompositeType) ctx.after.types.get(PlanSql.key(type));
            List<String> oldNames = old.attributes().stream().map(CompositeType.Attribute::name).toList();
            List<String> fields = new ArrayList<>();
            for (CompositeType.Attribute attribute : now.attributes()) {
                fields.add(oldNames.contains(attribute.name())
                        ? "(" + column + ")." + PlanSql.q(attribute.name()) + "::" + attribute.type()
                        : "NULL::" + attribute.type());
            }
            return "CASE WHEN " + column + " IS NULL THEN NULL ELSE ROW(" + String.join(", ", fields) + ")::"
                    + use.after().type() + " END";
        }
        return column + "::text" + "[]".repeat(dimensions) + "::" + use.after().type();
    }

    private static int dimensions(String type) {
        int count = 0;
        String rest = type;
        while (rest.endsWith("[]")) {
            count++;
            rest = rest.substring(0, rest.length() - 2);
        }
        return count;
    }

    /** {@code name__dbops_old}, shortened so that it fits PostgreSQL's 63-byte identifiers. */
    static String temporaryName(String name) {
        String base = name;
        while ((base + OLD_SUFFIX).getBytes(StandardCharsets.UTF_8).length > 63) {
            base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
        }
        return base + OLD_SUFFIX;
    }
}
