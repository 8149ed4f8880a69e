package dev.dbops.diff;

import dev.dbops.LockMode;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.Sequence;
import dev.dbops.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plans sequences: CREATE/ALTER/DROP SEQUENCE, and OWNED BY once the owning column exists. */
final class PlanSequences {

    private PlanSequences() {
    }

    static void plan(PlanContext ctx) {
        for (Sequence old : ctx.from.sequences()) {
            String key = key(old);
            Sequence now = ctx.after.sequences.get(key);
            if (now == null) {
                drop(ctx, old);
                continue;
            }
            alter(ctx, old, now);
            ownedBy(ctx, old.ownedBy(), now);
            details(ctx, Optional.of(old), now);
        }
        for (Sequence now : ctx.to.sequences()) {
            if (!ctx.before.sequences.containsKey(key(now))) {
                ctx.add(PlanPhase.SEQUENCE, "CREATE SEQUENCE " + PlanSql.qn(now.schema(), now.name()) + " AS "
                                + now.dataType() + options(now.dataType(), now.start(), now.increment(), now.minValue(),
                                now.maxValue(), now.cache(), now.cycle(), null))
                        .provides(key(now))
                        .requires(PlanSql.schemaKey(now.schema()));
                ownedBy(ctx, Optional.empty(), now);
                details(ctx, Optional.empty(), now);
            }
        }
    }

    static String key(Sequence sequence) {
        return PlanSql.key(ObjectKind.SEQUENCE, sequence.schema(), sequence.name());
    }

    private static void drop(PlanContext ctx, Sequence old) {
        if (old.ownedBy().isPresent() && ownerColumnDropped(ctx, old.ownedBy().get())) {
            return;
        }
        ctx.add(PlanPhase.DROP_SEQUENCE, "DROP SEQUENCE " + PlanSql.qn(old.schema(), old.name()))
                .drops(key(old))
                .releases(PlanSql.schemaKey(old.schema()))
                .lock(LockMode.ACCESS_EXCLUSIVE)
                .hazard(Hazard.DATA_LOSS)
                .note("The sequence's current value is lost.");
    }

    /** Whether the column that owns a sequence is dropped by the plan: PostgreSQL then drops the sequence too. */
    private static boolean ownerColumnDropped(PlanContext ctx, Sequence.ColumnRef column) {
        Optional<Table> table = ctx.after.table(column.schema(), column.table());
        return table.isEmpty() || table.get().column(column.column()).isEmpty();
    }

    private static void alter(PlanContext ctx, Sequence old, Sequence now) {
        boolean typeChanged = !old.dataType().equals(now.dataType());
        StringBuilder changes = new StringBuilder();
        if (typeChanged) {
            changes.append(" AS ").append(now.dataType());
        }
        if (old.increment() != now.increment()) {
            changes.append(" INCREMENT BY ").append(now.increment());
        }
        if (typeChanged || old.minValue() != now.minValue()) {
            changes.append(" MINVALUE ").append(now.minValue());
        }
        if (typeChanged || old.maxValue() != now.maxValue()) {
            changes.append(" MAXVALUE ").append(now.maxValue());
        }
        if (old.start() != now.start()) {
            changes.append(" START WITH ").append(now.start());
        }
        if (old.cache() != now.cache()) {
            changes.append(" CACHE ").append(now.cache());
        }
        if (old.cycle() != now.cycle()) {
            changes.append(now.cycle() ? " CYCLE" : " NO CYCLE");
        }
        boolean restart = old.start() < now.minValue() || old.start() > now.maxValue();
        if (restart) {
            changes.append(" RESTART WITH ").append(now.start());
        }
        if (!changes.isEmpty()) {
            ctx.add(PlanPhase.SEQUENCE, "ALTER SEQUENCE " + PlanSql.qn(now.schema(), now.name()) + changes)
                    .requires(key(now))
                    .lock(LockMode.SHARE_ROW_EXCLUSIVE)
                    .note(restart ? "The new range excludes the old start value: the sequence restarts at its new"
                            + " start, so values already used may be generated again."
                            : "START WITH changes only where RESTART would begin; the current value is kept.");
        }
    }

    private static void ownedBy(PlanContext ctx, Optional<Sequence.ColumnRef> before, Sequence now) {
        if (before.equals(now.ownedBy())) {
            return;
        }
        String target = now.ownedBy()
                .map(c -> PlanSql.qn(c.schema(), c.table()) + "." + PlanSql.q(c.column()))
                .orElse("NONE");
        PlanStep step = ctx.add(PlanPhase.SEQUENCE_OWNED_BY, "ALTER SEQUENCE " + PlanSql.qn(now.schema(), now.name())
                        + " OWNED BY " + target)
                .requires(key(now), PlanGrants.ownerKey(key(now)))
                .lock(LockMode.SHARE_ROW_EXCLUSIVE, before.isPresent());
        now.ownedBy().ifPresent(c -> step.requires(PlanSql.columnKey(c.schema(), c.table(), c.column()),
                PlanGrants.ownerKey(PlanSql.tableKey(c.schema(), c.table()))));
        before.ifPresent(c -> step.releases(PlanSql.columnKey(c.schema(), c.table(), c.column()),
                PlanSql.tableKey(c.schema(), c.table())));
    }

    private static void details(PlanContext ctx, Optional<Sequence> old, Sequence now) {
        PlanObject object = new PlanObject("SEQUENCE " + PlanSql.qn(now.schema(), now.name()),
                "ALTER SEQUENCE " + PlanSql.qn(now.schema(), now.name()), key(now), PlanObject.AclDefault.SEQUENCE,
                true, old.isPresent());
        Optional<String> fromOwner = old.map(Sequence::owner);
        boolean linkedBefore = old.isPresent() && old.get().ownedBy().isPresent()
                && old.get().ownedBy().equals(now.ownedBy());
        if (linkedBefore) {
            fromOwner = Optional.of(now.owner());
        }
        List<dev.dbops.schema.Grant> fromGrants = old.map(Sequence::grants).orElse(List.of());
        if (linkedBefore && !old.get().owner().equals(now.owner())) {
            fromGrants = PlanGrants.afterOwnerChange(fromGrants, old.get().owner(), now.owner());
        }
        PlanGrants.plan(ctx, object, fromOwner, now.owner(), old.flatMap(Sequence::comment), now.comment(),
                fromGrants, now.grants());
    }

    /**
     * The options of a sequence or identity that differ from PostgreSQL's defaults for its type
     * and direction, as a clause starting with a space (or empty).
     *
     * @param separator null for {@code CREATE SEQUENCE} style; for identity columns the options are the same words
     */
    static String options(String dataType, long start, long increment, long min, long max, long cache, boolean cycle,
            String separator) {
        long typeMax = switch (dataType) {
            case "smallint" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        long typeMin = switch (dataType) {
            case "smallint" -> Short.MIN_VALUE;
            case "integer" -> Integer.MIN_VALUE;
            default -> Long.MIN_VALUE;
        };
        long defaultMin = increment > 0 ? 1 : typeMin;
        long defaultMax = increment > 0 ? typeMax : -1;
        long defaultStart = increment > 0 ? min : max;
        List<String> parts = new ArrayList<>();
        if (increment != 1) {
            parts.add("INCREMENT BY " + increment);
        }
        if (min != defaultMin) {
            parts.add("MINVALUE " + min);
        }
        if (max != defaultMax) {
            parts.add("MAXVALUE " + max);
        }
        if (start != defaultStart) {
            parts.add("START WITH " + start);
        }
        if (cache != 1) {
            parts.add("CACHE " + cache);
        }
        if (cycle) {
            parts.add("CYCLE");
        }
        if (parts.isEmpty()) {
            return "";
        }
        return separator == null ? " " + String.join(" ", parts) : separator + String.join(" ", parts);
    }
}
