package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.Column;
import dev.dbops.schema.Constraint;
import dev.dbops.schema.ConstraintType;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes CREATE TABLE: columns with their types, collations, identities, generated expressions,
 * defaults and NOT NULL; validated constraints other than foreign keys inline; INHERITS,
 * PARTITION OF, PARTITION BY and storage options. Returns the table as CREATE TABLE leaves it.
 */
final class PlanTableCreate {

    private PlanTableCreate() {
    }

    static Table create(PlanContext ctx, Table now) {
        String s = now.schema();
        String t = now.name();
        List<String> lines = new ArrayList<>();
        List<Column> created = new ArrayList<>();
        StringBuilder mentioned = new StringBuilder();
        for (Column column : now.columns()) {
            if (column.inherited()) {
                created.add(inheritedColumn(ctx, now, column));
                continue;
            }
            lines.add(definition(column));
            mentioned.append(definition(column)).append('\n');
            created.add(new Column(column.name(), column.type(), column.collation(), column.notNull(),
                    column.defaultValue(), column.identity(), column.generated(), false, Optional.empty(), List.of()));
        }
        List<Constraint> inline = new ArrayList<>();
        for (Constraint constraint : now.constraints()) {
            if (PlanTables.inline(constraint)) {
                lines.add("CONSTRAINT " + PlanSql.q(constraint.name()) + " " + constraint.definition());
                mentioned.append(constraint.definition()).append('\n');
                inline.add(new Constraint(constraint.name(), constraint.type(), constraint.definition(), true,
                        constraint.deferrable(), constraint.initiallyDeferred(), constraint.references(),
                        Optional.empty()));
            }
        }
        now.partitionKey().ifPresent(k -> mentioned.append(k));
        StringBuilder sql = new StringBuilder("CREATE ").append(now.unlogged() ? "UNLOGGED " : "").append("TABLE ")
                .append(PlanSql.qn(s, t));
        String body = lines.isEmpty() ? "" : " (\n    " + String.join(",\n    ", lines) + "\n)";
        if (now.partitionOf().isPresent()) {
            sql.append(" PARTITION OF ").append(PlanSql.qn(now.partitionOf().get().parent())).append(body)
                    .append(' ').append(now.partitionOf().get().bound());
        } else {
            sql.append(body.isEmpty() ? " ()" : body);
            if (!now.inherits().isEmpty()) {
                sql.append(" INHERITS (")
                        .append(now.inherits().stream().map(PlanSql::qn).collect(Collectors.joining(", ")))
                        .append(')');
            }
        }
        now.partitionKey().ifPresent(k -> sql.append(" PARTITION BY ").append(k));
        sql.append(PlanTables.withOptions(now.options()));
        PlanStep step = ctx.add(PlanPhase.TABLE, sql.toString())
                .provides(PlanSql.tableKey(s, t), PlanSql.columnsDoneKey(s, t))
                .requires(PlanSql.schemaKey(s))
                .requiresAll(PlanDomains.mentioned(now.dependsOn(), mentioned.toString()));
        for (Column column : now.columns()) {
            step.provides(PlanSql.columnKey(s, t, column.name()));
        }
        for (Constraint constraint : inline) {
            step.provides(PlanSql.partKey(ObjectKind.CONSTRAINT, s, t, constraint.name()));
            if (constraint.type() == ConstraintType.PRIMARY_KEY || constraint.type() == ConstraintType.UNIQUE) {
                step.provides(PlanSql.uniquesKey(s, t));
            }
        }
        boolean beforeParentColumns = getsParentColumnsLater(ctx, now);
        for (ObjectRef parent : PlanTables.parents(now)) {
            step.requires(PlanSql.key(parent));
            if (beforeParentColumns) {
                ancestors(ctx, parent).forEach(a -> step.provides(PlanTables.joinedKey(a.schema(), a.name())));
            } else {
                step.requires(PlanSql.columnsDoneKey(parent.schema(), parent.name()));
            }
            boolean existing = ctx.existingTable(parent.schema(), parent.name());
            if (now.partitionOf().isPresent()) {
                step.lock(LockMode.ACCESS_EXCLUSIVE, existing);
            } else {
                step.lock(LockMode.SHARE_UPDATE_EXCLUSIVE, existing);
            }
        }
        if (now.partitionOf().isPresent() && ctx.existingTable(now.partitionOf().get().parent().schema(),
                now.partitionOf().get().parent().name())) {
            step.note("CREATE TABLE … PARTITION OF takes an ACCESS EXCLUSIVE lock on the partitioned table.");
        }
        return PlanTables.asCreated(now, created, inline);
    }

    /**
     * Whether a new INHERITS child has columns that its parents gain in this plan after its own
     * columns: then the child was created before they were added, and must be here too, so that
     * ADD COLUMN on the parent appends them to the child.
     */
    private static boolean getsParentColumnsLater(PlanContext ctx, Table now) {
        if (now.inherits().isEmpty()) {
            return false;
        }
        boolean ownSeen = false;
        for (Column column : now.columns()) {
            if (!column.inherited()) {
                ownSeen = true;
            } else if (ownSeen && now.inherits().stream().anyMatch(p -> ctx.before.table(p)
                    .map(t -> t.column(column.name()).isEmpty()).orElse(false))) {
                return true;
            }
        }
        return false;
    }

    private static List<ObjectRef> ancestors(PlanContext ctx, ObjectRef table) {
        List<ObjectRef> result = new ArrayList<>();
        result.add(table);
        ctx.after.table(table).ifPresent(t -> PlanTables.parents(t).forEach(p -> result.addAll(ancestors(ctx, p))));
        return result;
    }

    /** A column definition as CREATE TABLE and ADD COLUMN write it. */
    static String definition(Column column) {
        StringBuilder sql = new StringBuilder(PlanSql.q(column.name())).append(' ').append(column.type());
        column.collation().ifPresent(c -> sql.append(" COLLATE ").append(c));
        column.generated().ifPresent(g -> sql.append(" GENERATED ALWAYS AS (").append(g).append(") STORED"));
        column.identity().ifPresent(i -> sql.append(identity(column.type(), i)));
        if (column.generated().isEmpty()) {
            column.defaultValue().ifPresent(d -> sql.append(" DEFAULT ").append(d));
        }
        if (column.notNull() && column.identity().isEmpty()) {
            sql.append(" NOT NULL");
        }
        return sql.toString();
    }

    /** {@code GENERATED … AS IDENTITY} with the sequence options that differ from the defaults. */
    static String identity(String type, Column.Identity identity) {
        String options = PlanSequences.options(type, identity.start(), identity.increment(), identity.minValue(),
                identity.maxValue(), identity.cache(), identity.cycle(), "");
        return " GENERATED " + (identity.always() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY"
                + (options.isEmpty() ? "" : " (" + options + ")");
    }

    /** What a partition or INHERITS child gets from its parent for a column it does not declare itself. */
    private static Column inheritedColumn(PlanContext ctx, Table now, Column column) {
        for (ObjectRef parent : PlanTables.parents(now)) {
            Optional<Column> source = ctx.after.table(parent).flatMap(p -> p.column(column.name()));
            if (source.isPresent()) {
                Column p = source.get();
                return new Column(column.name(), p.type(), p.collation(), p.notNull(), p.defaultValue(),
                        column.identity(), p.generated(), true, Optional.empty(), List.of());
            }
        }
        return new Column(column.name(), column.type(), column.collation(), column.notNull(), column.defaultValue(),
                column.identity(), column.generated(), true, Optional.empty(), List.of());
    }
}
