package dev.dbops.diff;

import dev.dbops.schema.Column;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Table;
import java.util.List;
import java.util.Optional;

/**
 * Plans the columns of one table: ADD and DROP COLUMN, type and collation changes, generated
 * expressions, defaults, NOT NULL (online on existing tables), identity, comments and column grants.
 */
final class PlanColumns {

    private PlanColumns() {
    }

    static void plan(PlanContext ctx, Table old, Table now, boolean existing) {
        PlanColumn column = new PlanColumn(ctx, old, now, existing);
        for (Column before : old.columns()) {
            if (now.column(before.name()).isEmpty() && !before.inherited()) {
                column.drop(old, before);
            }
        }
        for (Column after : now.columns()) {
            Optional<Column> before = old.column(after.name());
            if (before.isEmpty()) {
                if (!after.inherited()) {
                    PlanStep added = column.add(after);
                    positionNote(old, now, after, added);
                    details(ctx, now, fresh(after), after, existing);
                }
                continue;
            }
            if (PlanChanges.generatedRecreated(before.get(), after) && !after.inherited()) {
                column.drop(old, before.get()).note("The generation expression changes: the column is dropped and"
                        + " added again (PostgreSQL 17 could use ALTER COLUMN … SET EXPRESSION instead).");
                column.add(after);
                details(ctx, now, fresh(after), after, existing);
                continue;
            }
            alter(ctx, column, old, now, before.get(), after, existing);
            details(ctx, now, before.get(), after, existing);
        }
    }

    /** ADD COLUMN appends: say so when the target has the column before columns that already exist. */
    private static void positionNote(Table old, Table now, Column added, PlanStep step) {
        List<Column> columns = now.columns();
        for (int i = columns.indexOf(added) + 1; i < columns.size(); i++) {
            if (old.column(columns.get(i).name()).isPresent()) {
                step.note("PostgreSQL appends new columns: the target has this column before "
                        + PlanSql.q(columns.get(i).name()) + ", so the column order will differ.");
                return;
            }
        }
    }

    /** A column as ADD COLUMN creates it: no comment, no column grants. */
    private static Column fresh(Column column) {
        return new Column(column.name(), column.type(), column.collation(), column.notNull(), column.defaultValue(),
                column.identity(), column.generated(), column.inherited(), Optional.empty(), List.of());
    }

    private static void alter(PlanContext ctx, PlanColumn plan, Table oldTable, Table table, Column old, Column now,
            boolean existing) {
        String key = PlanSql.columnKey(table.schema(), table.name(), now.name());
        boolean converted = ctx.replacements.convertedColumns.contains(key);
        boolean resetDefault = ctx.replacements.defaults.contains(key);
        boolean defaultDropped = false;
        PlanStep typeChange = null;
        PlanStep defaultDrop = null;
        if (old.generated().isPresent() && now.generated().isEmpty()) {
            typeChange = plan.step(PlanPhase.COLUMN, now, "DROP EXPRESSION")
                    .note("The column keeps its current values and is no longer computed.");
        }
        if (!converted && !now.inherited() && (!old.type().equals(now.type())
                || !old.collation().equals(now.collation()))) {
            PlanStep dropDefault = null;
            if (old.defaultValue().isPresent() && !PlanColumnTypes.binaryCoercible(old.type(), now.type())) {
                dropDefault = plan.step(PlanPhase.COLUMN, now, "DROP DEFAULT")
                        .note("The default is dropped before the type change and set again after it.")
                        .releasesAll(PlanDomains.mentioned(oldTable.dependsOn(), old.defaultValue().get()));
                resetDefault = true;
                defaultDropped = true;
            }
            PlanStep changed = plan.changeType(oldTable, old, now);
            if (typeChange != null) {
                changed.after(typeChange);
            }
            if (dropDefault != null) {
                changed.after(dropDefault);
            }
            typeChange = changed;
        }
        PlanStep notNull = null;
        if (old.notNull() != now.notNull() && !followsParent(ctx, table, old, now, Column::notNull)) {
            notNull = now.notNull() ? plan.setNotNull(now, existing)
                    : plan.step(PlanPhase.COLUMN, now, "DROP NOT NULL");
            if (typeChange != null) {
                notNull.after(typeChange);
            }
        }
        if (!converted && now.generated().isEmpty() && (resetDefault || !old.defaultValue().equals(now.defaultValue()))
                && !followsParent(ctx, table, old, now, Column::defaultValue)) {
            PlanStep dropStep = null;
            if (old.defaultValue().isPresent() && !defaultDropped
                    && (resetDefault || now.defaultValue().isEmpty())) {
                dropStep = plan.step(PlanPhase.COLUMN, now, "DROP DEFAULT")
                        .releasesAll(PlanDomains.mentioned(oldTable.dependsOn(), old.defaultValue().get()));
                defaultDropped = true;
                defaultDrop = dropStep;
            }
            if (now.defaultValue().isPresent()) {
                PlanStep set = plan.step(PlanPhase.COLUMN, now, "SET DEFAULT " + now.defaultValue().get())
                        .requiresAll(PlanDomains.mentioned(table.dependsOn(), now.defaultValue().get()));
                if (!defaultDropped && old.defaultValue().isPresent()) {
                    set.releasesAll(PlanDomains.mentioned(oldTable.dependsOn(), old.defaultValue().get()));
                }
                if (typeChange != null) {
                    set.after(typeChange);
                }
                if (dropStep != null) {
                    set.after(dropStep);
                }
            }
        }
        if (!now.inherited() && !old.identity().equals(now.identity())) {
            PlanStep identity = plan.identity(old, now);
            if (notNull != null && now.identity().isPresent()) {
                identity.after(notNull);
            } else if (notNull != null) {
                notNull.after(identity);
            }
            if (typeChange != null) {
                identity.after(typeChange);
            }
            if (defaultDrop != null) {
                identity.after(defaultDrop);
            }
        }
    }

    /**
     * Whether an inherited column's change is made by the same change on its parent, which
     * PostgreSQL applies to partitions and children as well.
     */
    private static <T> boolean followsParent(PlanContext ctx, Table table, Column old, Column now,
            java.util.function.Function<Column, T> property) {
        if (!now.inherited() || !old.inherited()) {
            return false;
        }
        for (ObjectRef parent : PlanTables.parents(table)) {
            Optional<Column> before = ctx.before.table(parent).flatMap(p -> p.column(now.name()));
            Optional<Column> after = ctx.after.table(parent).flatMap(p -> p.column(now.name()));
            if (before.isPresent() && after.isPresent()
                    && property.apply(before.get()).equals(property.apply(old))
                    && property.apply(after.get()).equals(property.apply(now))) {
                return true;
            }
        }
        return false;
    }

    /** Comment and column-level grants. */
    private static void details(PlanContext ctx, Table table, Column old, Column now, boolean existing) {
        String tableName = PlanSql.qn(table.schema(), table.name());
        String key = PlanSql.columnKey(table.schema(), table.name(), now.name());
        if (!old.comment().equals(now.comment())) {
            PlanGrants.comment(ctx, "COLUMN " + tableName + "." + PlanSql.q(now.name()), now.comment(), key, existing);
        }
        String column = PlanSql.q(now.name());
        PlanGrants.grants(ctx, old.grants(), now.grants(), null, key, (privileges, grantee) -> {
            StringBuilder clause = new StringBuilder();
            for (String privilege : privileges.split(", ")) {
                clause.append(clause.isEmpty() ? "" : ", ").append(privilege).append(" (").append(column).append(')');
            }
            return clause + " ON TABLE " + tableName;
        }, null);
    }
}
