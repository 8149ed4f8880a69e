package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.Constraint;
import dev.dbops.schema.ConstraintType;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.Table;
import java.util.Optional;

/**
 * Plans the constraints of one table. On an existing table, CHECK and FOREIGN KEY constraints are
 * added NOT VALID and validated separately, and PRIMARY KEY and UNIQUE constraints adopt a unique
 * index built CONCURRENTLY; a changed constraint is dropped and added again.
 */
final class PlanConstraints {

    private PlanConstraints() {
    }

    static void plan(PlanContext ctx, Table old, Table now, boolean existing) {
        for (Constraint before : old.constraints()) {
            Optional<Constraint> after = now.constraints().stream()
                    .filter(c -> c.name().equals(before.name())).findFirst();
            boolean replaced = after.isPresent() && (PlanChanges.constraintNeedsRecreate(before, after.get())
                    || ctx.replacements.partReplaced(ObjectKind.CONSTRAINT, old.schema(), old.name(), before.name()));
            if (after.isEmpty() || replaced) {
                drop(ctx, old, before);
            }
            if (replaced) {
                add(ctx, now, after.get(), existing);
            } else if (after.isPresent()) {
                Constraint target = after.get();
                if (!before.validated() && target.validated()) {
                    validate(ctx, now, target);
                }
                if (!before.comment().equals(target.comment())) {
                    comment(ctx, now, target, existing);
                }
            }
        }
        for (Constraint after : now.constraints()) {
            if (old.constraints().stream().noneMatch(c -> c.name().equals(after.name()))) {
                add(ctx, now, after, existing);
            }
        }
    }

    private static String key(Table table, Constraint constraint) {
        return PlanSql.partKey(ObjectKind.CONSTRAINT, table.schema(), table.name(), constraint.name());
    }

    private static boolean unique(Constraint constraint) {
        return constraint.type() == ConstraintType.PRIMARY_KEY || constraint.type() == ConstraintType.UNIQUE;
    }

    private static void drop(PlanContext ctx, Table table, Constraint constraint) {
        boolean foreignKey = constraint.type() == ConstraintType.FOREIGN_KEY;
        PlanStep step = ctx.add(foreignKey ? PlanPhase.DROP_FOREIGN_KEY : PlanPhase.DROP_CONSTRAINT,
                        "ALTER TABLE " + PlanSql.qn(table.schema(), table.name()) + " DROP CONSTRAINT "
                                + PlanSql.q(constraint.name()))
                .lock(LockMode.ACCESS_EXCLUSIVE)
                .drops(key(table, constraint))
                .provides(PlanSql.partsDroppedKey(table.schema(), table.name()))
                .releasesAll(PlanDomains.mentioned(table.dependsOn(), constraint.definition()));
        if (unique(constraint)) {
            step.drops(PlanSql.uniquesKey(table.schema(), table.name())).hazard(Hazard.INDEX_DROPPED);
        }
        constraint.references().ifPresent(r -> step.releases(PlanSql.key(r), PlanSql.uniquesKey(r.schema(), r.name())));
    }

    /** Adds a constraint in the least blocking form the table allows; returns the last step. */
    private static PlanStep add(PlanContext ctx, Table table, Constraint constraint, boolean existing) {
        String alter = "ALTER TABLE " + PlanSql.qn(table.schema(), table.name());
        String addition = alter + " ADD CONSTRAINT " + PlanSql.q(constraint.name()) + " ";
        boolean partitioned = table.partitionKey().isPresent();
        boolean foreignKey = constraint.type() == ConstraintType.FOREIGN_KEY;
        PlanPhase phase = foreignKey ? PlanPhase.FOREIGN_KEY : PlanPhase.CONSTRAINT;
        PlanStep last;
        if (constraint.type() == ConstraintType.CHECK || foreignKey) {
            boolean notValid = !constraint.validated() || (existing && !(foreignKey && partitioned));
            PlanStep step = prepare(ctx.add(phase, addition + constraint.definition() + (notValid ? " NOT VALID" : "")),
                    table, constraint)
                    .lock(foreignKey ? LockMode.SHARE_ROW_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE, existing);
            constraint.references().ifPresent(r -> {
                step.requires(PlanSql.key(r), PlanSql.uniquesKey(r.schema(), r.name()),
                        PlanSql.columnsDoneKey(r.schema(), r.name()));
                if (ctx.existingTable(r.schema(), r.name())) {
                    step.lock(LockMode.SHARE_ROW_EXCLUSIVE);
                }
            });
            last = step;
            if (notValid && constraint.validated()) {
                step.note("Added NOT VALID, so that only new rows are checked under the lock; the existing rows"
                        + " are checked by VALIDATE CONSTRAINT, which does not block reads or writes.");
                last = validate(ctx, table, constraint).after(step);
            } else if (existing && constraint.validated()) {
                step.hazard(Hazard.FULL_TABLE_SCAN).note("A foreign key on a partitioned table cannot be added"
                        + " NOT VALID before PostgreSQL 18: it is checked while the lock is held.");
            }
        } else if (unique(constraint) && existing && !partitioned
                && PlanUniqueIndex.parse(constraint.definition()).isPresent()) {
            PlanUniqueIndex index = PlanUniqueIndex.parse(constraint.definition()).get();
            PlanStep build = ctx.add(PlanPhase.CONSTRAINT, index.createIndex(constraint.name(), table))
                    .notTransactional()
                    .lock(LockMode.SHARE_UPDATE_EXCLUSIVE)
                    .hazard(Hazard.INDEX_BUILD)
                    .requires(PlanSql.tableKey(table.schema(), table.name()),
                            PlanSql.columnsDoneKey(table.schema(), table.name()))
                    .provides(PlanSql.partKey(ObjectKind.INDEX, table.schema(), table.name(), constraint.name()))
                    .note("The unique index is built CONCURRENTLY, without blocking writes, and then adopted by the"
                            + " constraint.");
            last = prepare(ctx.add(PlanPhase.CONSTRAINT, addition + index.usingIndex(constraint.name())), table,
                            constraint)
                    .lock(LockMode.ACCESS_EXCLUSIVE)
                    .after(build)
                    .note("Adopting the index takes only a brief ACCESS EXCLUSIVE lock (the columns must already"
                            + " be NOT NULL for a primary key).");
        } else {
            last = prepare(ctx.add(PlanPhase.CONSTRAINT, addition + constraint.definition()), table, constraint)
                    .lock(LockMode.ACCESS_EXCLUSIVE, existing);
            if (existing) {
                last.hazard(Hazard.INDEX_BUILD, Hazard.FULL_TABLE_SCAN).note(constraint.type() == ConstraintType.EXCLUDE
                        ? "An exclusion constraint cannot adopt an existing index (no USING INDEX): its index is"
                                + " built while ACCESS EXCLUSIVE is held."
                        : "Indexes cannot be built CONCURRENTLY on a partitioned table: the index is built while"
                                + " ACCESS EXCLUSIVE is held.");
            }
        }
        if (constraint.comment().isPresent()) {
            comment(ctx, table, constraint, existing).after(last);
        }
        return last;
    }

    private static PlanStep prepare(PlanStep step, Table table, Constraint constraint) {
        step.requires(PlanSql.tableKey(table.schema(), table.name()), PlanSql.columnsDoneKey(table.schema(),
                        table.name()))
                .requiresAll(PlanDomains.mentioned(table.dependsOn(), constraint.definition()))
                .provides(key(table, constraint));
        if (unique(constraint)) {
            step.provides(PlanSql.uniquesKey(table.schema(), table.name()));
        }
        return step;
    }

    private static PlanStep validate(PlanContext ctx, Table table, Constraint constraint) {
        PlanStep step = ctx.add(constraint.type() == ConstraintType.FOREIGN_KEY ? PlanPhase.FOREIGN_KEY
                                : PlanPhase.CONSTRAINT,
                        "ALTER TABLE " + PlanSql.qn(table.schema(), table.name()) + " VALIDATE CONSTRAINT "
                                + PlanSql.q(constraint.name()))
                .lock(LockMode.SHARE_UPDATE_EXCLUSIVE)
                .hazard(Hazard.FULL_TABLE_SCAN)
                .requires(key(table, constraint))
                .provides(key(table, constraint));
        return step;
    }

    private static PlanStep comment(PlanContext ctx, Table table, Constraint constraint, boolean existing) {
        return PlanGrants.comment(ctx, "CONSTRAINT " + PlanSql.q(constraint.name()) + " ON "
                + PlanSql.qn(table.schema(), table.name()), constraint.comment(), key(table, constraint), false);
    }

    /** The referenced column list of a foreign key definition, e.g. {@code id} from {@code … REFERENCES s.t(id)}. */
    static String referencedColumns(String definition) {
        int at = definition.indexOf(" REFERENCES ");
        if (at < 0) {
            return null;
        }
        return PlanUniqueIndex.parenthesized(definition, definition.indexOf('(', at));
    }

    /** The key column list of a PRIMARY KEY or UNIQUE definition. */
    static String keyColumns(String definition) {
        return PlanUniqueIndex.parse(definition).map(PlanUniqueIndex::columns).orElse(null);
    }
}
