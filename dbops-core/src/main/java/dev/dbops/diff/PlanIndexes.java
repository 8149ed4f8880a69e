package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.Index;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import java.util.List;
import java.util.Optional;

/**
 * Plans the indexes of a table or materialized view: built and dropped CONCURRENTLY on existing
 * relations (which cannot run in a transaction block), plainly on new ones and on partitioned
 * tables, where CONCURRENTLY is not available. A changed index is replaced online: the old one is
 * renamed, the new one built, then the old one dropped.
 */
final class PlanIndexes {

    private PlanIndexes() {
    }

    /** The relation an index belongs to: its schema and name, its dependency key and what it is. */
    record Owner(String schema, String name, String key, boolean partitioned, boolean existing,
            List<ObjectRef> dependsOn) {
    }

    static void plan(PlanContext ctx, Owner owner, List<Index> before, List<Index> after) {
        for (Index old : before) {
            Optional<Index> now = after.stream().filter(i -> i.name().equals(old.name())).findFirst();
            boolean replaced = now.isPresent() && (PlanChanges.indexNeedsRecreate(old, now.get())
                    || ctx.replacements.partReplaced(ObjectKind.INDEX, owner.schema(), owner.name(), old.name()));
            if (now.isEmpty()) {
                drop(ctx, owner, old, old.name());
            } else if (replaced && old.valid() && owner.existing() && !owner.partitioned() && !unique(old)
                    && !ctx.replacements.partReplaced(ObjectKind.INDEX, owner.schema(), owner.name(), old.name())
                    && !readsChangingColumn(ctx, owner, old)) {
                swap(ctx, owner, old, now.get());
            } else if (replaced) {
                drop(ctx, owner, old, old.name()).note(old.valid() ? "The index changes: dropped and built again."
                        : "The index is invalid (a CREATE INDEX CONCURRENTLY failed): dropped and built again.");
                PlanStep created = create(ctx, owner, now.get());
                if (now.get().comment().isPresent()) {
                    comment(ctx, owner, now.get()).after(created);
                }
            } else if (!old.comment().equals(now.get().comment())) {
                comment(ctx, owner, now.get());
            }
        }
        for (Index now : after) {
            if (before.stream().noneMatch(i -> i.name().equals(now.name()))) {
                PlanStep created = create(ctx, owner, now);
                if (now.comment().isPresent()) {
                    comment(ctx, owner, now).after(created);
                }
            }
        }
    }

    private static String key(Owner owner, String name) {
        return PlanSql.partKey(ObjectKind.INDEX, owner.schema(), owner.name(), name);
    }

    /** Whether an index reads a column that is dropped or changes type: then it cannot be kept aside. */
    private static boolean readsChangingColumn(PlanContext ctx, Owner owner, Index index) {
        return ctx.before.table(owner.schema(), owner.name()).map(t -> t.columns().stream().anyMatch(c ->
                ctx.replacements.changingColumns.contains(PlanSql.columnKey(owner.schema(), owner.name(), c.name()))
                        && PlanSql.mentionsIdentifier(index.definition(), c.name()))).orElse(false);
    }

    private static boolean unique(Index index) {
        return index.definition().startsWith("CREATE UNIQUE INDEX");
    }

    private static PlanStep drop(PlanContext ctx, Owner owner, Index index, String name) {
        boolean concurrently = owner.existing() && !owner.partitioned();
        PlanStep step = ctx.add(PlanPhase.DROP_INDEX, "DROP INDEX " + (concurrently ? "CONCURRENTLY " : "")
                        + PlanSql.qn(owner.schema(), name))
                .hazard(Hazard.INDEX_DROPPED)
                .drops(key(owner, index.name()))
                .releasesAll(PlanDomains.mentioned(owner.dependsOn(), index.definition()));
        if (unique(index)) {
            step.drops(PlanSql.uniquesKey(owner.schema(), owner.name()));
        }
        if (!name.endsWith(PlanTypeSwap.OLD_SUFFIX)) {
            step.provides(PlanSql.partsDroppedKey(owner.schema(), owner.name()));
        }
        if (concurrently) {
            step.notTransactional().lock(LockMode.SHARE_UPDATE_EXCLUSIVE);
        } else {
            step.lock(LockMode.ACCESS_EXCLUSIVE, owner.existing());
            if (owner.partitioned()) {
                step.note("A partitioned index cannot be dropped CONCURRENTLY.");
            }
        }
        return step;
    }

    private static PlanStep create(PlanContext ctx, Owner owner, Index index) {
        String definition = index.definition().replaceFirst(" ON ONLY ", " ON ");
        boolean concurrently = owner.existing() && !owner.partitioned();
        if (concurrently) {
            definition = definition.replaceFirst("INDEX ", "INDEX CONCURRENTLY ");
        }
        PlanStep step = ctx.add(PlanPhase.INDEX, definition)
                .provides(key(owner, index.name()))
                .requires(owner.key(), PlanSql.columnsDoneKey(owner.schema(), owner.name()))
                .requiresAll(PlanDomains.mentioned(owner.dependsOn(), index.definition()));
        if (unique(index)) {
            step.provides(PlanSql.uniquesKey(owner.schema(), owner.name()));
        }
        if (concurrently) {
            step.notTransactional().lock(LockMode.SHARE_UPDATE_EXCLUSIVE).hazard(Hazard.INDEX_BUILD);
        } else if (owner.existing()) {
            step.lock(LockMode.SHARE).hazard(Hazard.INDEX_BUILD)
                    .note("CREATE INDEX CONCURRENTLY is not possible on a partitioned table: the index is built on"
                            + " every partition while writes are blocked.");
        } else {
            step.lockOnNew(LockMode.SHARE);
        }
        return step;
    }

    /** Builds the changed index next to the old one, which is renamed first and dropped last. */
    private static void swap(PlanContext ctx, Owner owner, Index old, Index now) {
        String temporary = PlanTypeSwap.temporaryName(old.name());
        PlanStep rename = ctx.add(PlanPhase.DROP_INDEX, "ALTER INDEX " + PlanSql.qn(owner.schema(), old.name())
                        + " RENAME TO " + PlanSql.q(temporary))
                .lock(LockMode.SHARE_UPDATE_EXCLUSIVE)
                .drops(key(owner, old.name()))
                .note("The index changes: the old one is kept under a temporary name until the new one is built.");
        PlanStep created = create(ctx, owner, now).after(rename);
        drop(ctx, owner, new Index(temporary, old.definition(), true, Optional.empty()), temporary).after(created);
        if (now.comment().isPresent()) {
            comment(ctx, owner, now).after(created);
        }
    }

    private static PlanStep comment(PlanContext ctx, Owner owner, Index index) {
        return PlanGrants.comment(ctx, "INDEX " + PlanSql.qn(owner.schema(), index.name()), index.comment(),
                key(owner, index.name()), owner.existing());
    }

    /** The key columns of a {@code CREATE INDEX … USING method (…)} definition. */
    static String keyColumns(String definition) {
        int using = definition.indexOf(" USING ");
        return using < 0 ? null : PlanUniqueIndex.parenthesized(definition, definition.indexOf('(', using));
    }
}
