package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.Column;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Table;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The column statements of one table, each with its lock, hazards and dependency keys. */
final class PlanColumn {

    private final PlanContext ctx;
    private final Table table;
    private final boolean existing;
    private final String prefix;
    private final List<ObjectRef> parents;

    PlanColumn(PlanContext ctx, Table old, Table table, boolean existing) {
        this.ctx = ctx;
        this.table = table;
        this.existing = existing;
        this.prefix = "ALTER TABLE " + PlanSql.qn(table.schema(), table.name());
        this.parents = new ArrayList<>(PlanTables.parents(table));
        parents.retainAll(PlanTables.parents(old));
    }

    private String columnKey(Column column) {
        return PlanSql.columnKey(table.schema(), table.name(), column.name());
    }

    /** A statement on the table: ACCESS EXCLUSIVE, after the table and its parents' column changes. */
    private PlanStep statement(PlanPhase phase, String sql) {
        PlanStep step = ctx.add(phase, sql)
                .lock(LockMode.ACCESS_EXCLUSIVE, existing)
                .requires(PlanSql.tableKey(table.schema(), table.name()))
                .provides(PlanSql.columnsDoneKey(table.schema(), table.name()));
        for (ObjectRef parent : parents) {
            step.requires(PlanSql.columnsDoneKey(parent.schema(), parent.name()));
        }
        return step;
    }

    /** {@code ALTER TABLE … ALTER COLUMN c action}. */
    PlanStep step(PlanPhase phase, Column column, String action) {
        return statement(phase, prefix + " ALTER COLUMN " + PlanSql.q(column.name()) + " " + action);
    }

    PlanStep drop(Table oldTable, Column column) {
        String text = column.type() + " " + column.defaultValue().orElse("") + " " + column.generated().orElse("");
        return statement(PlanPhase.COLUMN, prefix + " DROP COLUMN " + PlanSql.q(column.name()))
                .hazard(Hazard.DATA_LOSS)
                .drops(columnKey(column))
                .requires(PlanSql.partsDroppedKey(table.schema(), table.name()))
                .releasesAll(PlanDomains.mentioned(oldTable.dependsOn(), text));
    }

    PlanStep add(Column column) {
        String definition = PlanTableCreate.definition(column);
        PlanStep step = statement(PlanPhase.COLUMN, prefix + " ADD COLUMN " + definition)
                .provides(columnKey(column))
                .requires(PlanTables.joinedKey(table.schema(), table.name()))
                .requiresAll(PlanDomains.mentioned(table.dependsOn(), definition));
        if (column.identity().isPresent() || column.generated().isPresent()
                || column.defaultValue().filter(PlanColumnTypes::volatileDefault).isPresent()) {
            if (existing) {
                step.hazard(Hazard.TABLE_REWRITE)
                        .note("Filling the new column for every row rewrites the table.");
            }
        } else if (column.notNull() && column.defaultValue().isEmpty() && existing) {
            step.note("NOT NULL without a default fails if the table has rows.");
        }
        return step;
    }

    PlanStep changeType(Table oldTable, Column old, Column now) {
        boolean sameType = old.type().equals(now.type());
        boolean coercible = sameType || PlanColumnTypes.binaryCoercible(old.type(), now.type());
        String sql = prefix + " ALTER COLUMN " + PlanSql.q(now.name()) + " TYPE " + now.type()
                + now.collation().map(c -> " COLLATE " + c).orElse("")
                + (coercible ? "" : " USING " + PlanSql.q(now.name()) + "::" + now.type());
        PlanStep step = statement(PlanPhase.COLUMN, sql)
                .drops(columnKey(now))
                .provides(columnKey(now))
                .releasesAll(PlanDomains.mentioned(oldTable.dependsOn(), old.type()))
                .requiresAll(PlanDomains.mentioned(table.dependsOn(), now.type()));
        if (sameType) {
            step.hazard(Hazard.INDEX_BUILD).note("Only the collation changes: the table is not rewritten, but"
                    + " indexes on the column are rebuilt.");
        } else if (coercible) {
            step.note("A binary-coercible widening (" + old.type() + " → " + now.type() + "): no table rewrite,"
                    + " only a brief ACCESS EXCLUSIVE lock.");
        } else if (existing) {
            step.hazard(Hazard.TABLE_REWRITE).note("Rewrites the table and rebuilds its indexes; fails if a value"
                    + " cannot be converted.");
        }
        return step;
    }

    /**
     * SET NOT NULL. On an existing table it is done online: a CHECK (c IS NOT NULL) added NOT VALID
     * and validated (no ACCESS EXCLUSIVE lock during the scan) lets SET NOT NULL skip its own scan
     * (PostgreSQL 12+); the helper constraint is dropped afterwards. Returns the SET NOT NULL step.
     */
    PlanStep setNotNull(Column column, boolean existingColumn) {
        if (!existing || !existingColumn) {
            return step(PlanPhase.COLUMN, column, "SET NOT NULL");
        }
        String helper = PlanSql.q(helperName(column.name()));
        PlanStep add = statement(PlanPhase.COLUMN, prefix + " ADD CONSTRAINT " + helper + " CHECK ("
                        + PlanSql.q(column.name()) + " IS NOT NULL) NOT VALID")
                .note("Online SET NOT NULL, step 1 of 4: a NOT VALID check is added without scanning the table.");
        PlanStep validate = ctx.add(PlanPhase.COLUMN, prefix + " VALIDATE CONSTRAINT " + helper)
                .lock(LockMode.SHARE_UPDATE_EXCLUSIVE)
                .hazard(Hazard.FULL_TABLE_SCAN)
                .provides(PlanSql.columnsDoneKey(table.schema(), table.name()))
                .note("Online SET NOT NULL, step 2 of 4: the scan runs under SHARE UPDATE EXCLUSIVE, which does not"
                        + " block reads or writes.")
                .after(add);
        PlanStep set = step(PlanPhase.COLUMN, column, "SET NOT NULL")
                .note("Online SET NOT NULL, step 3 of 4: the validated check proves there are no NULLs, so"
                        + " PostgreSQL 12+ skips the scan under ACCESS EXCLUSIVE.")
                .after(validate);
        statement(PlanPhase.COLUMN, prefix + " DROP CONSTRAINT " + helper)
                .note("Online SET NOT NULL, step 4 of 4: the helper check is no longer needed.")
                .after(set);
        return set;
    }

    /** A name for the helper check of an online SET NOT NULL, within PostgreSQL's 63 bytes. */
    static String helperName(String column) {
        String base = column;
        while ((base + "_not_null_dbops").getBytes(StandardCharsets.UTF_8).length > 63) {
            base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
        }
        return base + "_not_null_dbops";
    }

    PlanStep identity(Column old, Column now) {
        if (now.identity().isEmpty()) {
            return step(PlanPhase.COLUMN, now, "DROP IDENTITY")
                    .note("The column's identity sequence is dropped; existing values stay.");
        }
        Column.Identity target = now.identity().get();
        if (old.identity().isEmpty()) {
            return step(PlanPhase.COLUMN, now, "ADD" + PlanTableCreate.identity(now.type(), target));
        }
        Column.Identity current = old.identity().get();
        List<String> actions = new ArrayList<>();
        if (current.always() != target.always()) {
            actions.add("SET GENERATED " + (target.always() ? "ALWAYS" : "BY DEFAULT"));
        }
        if (current.increment() != target.increment()) {
            actions.add("SET INCREMENT BY " + target.increment());
        }
        if (current.minValue() != target.minValue()) {
            actions.add("SET MINVALUE " + target.minValue());
        }
        if (current.maxValue() != target.maxValue()) {
            actions.add("SET MAXVALUE " + target.maxValue());
        }
        if (current.start() != target.start()) {
            actions.add("SET START WITH " + target.start());
        }
        if (current.cache() != target.cache()) {
            actions.add("SET CACHE " + target.cache());
        }
        if (current.cycle() != target.cycle()) {
            actions.add(target.cycle() ? "SET CYCLE" : "SET NO CYCLE");
        }
        boolean restart = current.start() < target.minValue() || current.start() > target.maxValue();
        if (restart) {
            actions.add("RESTART WITH " + target.start());
        }
        PlanStep step = step(PlanPhase.COLUMN, now, String.join(" ", actions));
        if (restart) {
            step.hazard(Hazard.CORRECTNESS).note("The new range excludes the old start value: the identity sequence"
                    + " restarts at its new start, so values already used may be generated again.");
        }
        return step;
    }
}
