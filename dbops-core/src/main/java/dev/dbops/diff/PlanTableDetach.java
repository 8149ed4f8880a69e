package dev.dbops.diff;

import dev.dbops.schema.Column;
import dev.dbops.schema.Constraint;
import dev.dbops.schema.ConstraintType;
import dev.dbops.schema.Index;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a table looks like after it leaves a parent (DETACH PARTITION into a plain table, or NO
 * INHERIT): its inherited columns become its own, the parent's CHECK constraints (and, for a
 * partition, foreign keys) stay on it as local constraints with the same names, and the partition's
 * copies of the parent's keys and indexes stay as standalone objects. The catalog does not list
 * those copies while the table is a partition, so they are matched to the target by definition.
 */
final class PlanTableDetach {

    private PlanTableDetach() {
    }

    /** Whether the table stops being a partition without becoming a partition of the same parent again. */
    static boolean leavesPartition(Table old, Table now) {
        return old.partitionOf().isPresent() && (now.partitionOf().isEmpty()
                || !now.partitionOf().get().parent().equals(old.partitionOf().get().parent()));
    }

    /** The parents a table leaves: a partitioned parent it is detached from, INHERITS parents it drops. */
    static List<ObjectRef> departedParents(Table old, Table now) {
        List<ObjectRef> parents = new ArrayList<>();
        if (leavesPartition(old, now)) {
            parents.add(old.partitionOf().get().parent());
        }
        old.inherits().stream().filter(p -> !now.inherits().contains(p)).forEach(parents::add);
        return parents;
    }

    /** The table as PostgreSQL leaves it after leaving its departed parents; {@code old} when it leaves none. */
    static Table afterDetach(PlanContext ctx, Table old, Table now) {
        List<ObjectRef> departed = departedParents(old, now);
        if (departed.isEmpty()) {
            return old;
        }
        boolean partition = leavesPartition(old, now);
        List<Column> columns = new ArrayList<>();
        for (Column column : old.columns()) {
            boolean inherited = column.inherited()
                    && now.column(column.name()).map(Column::inherited).orElse(false);
            columns.add(new Column(column.name(), column.type(), column.collation(), column.notNull(),
                    column.defaultValue(), column.identity(), column.generated(), inherited, column.comment(),
                    column.grants()));
        }
        List<Constraint> constraints = new ArrayList<>(old.constraints());
        List<Index> indexes = new ArrayList<>(old.indexes());
        for (ObjectRef ref : departed) {
            Optional<Table> parent = ctx.before.table(ref);
            if (parent.isEmpty()) {
                continue;
            }
            for (Constraint constraint : parent.get().constraints()) {
                boolean copied = constraint.type() == ConstraintType.CHECK
                        ? !constraint.definition().endsWith(" NO INHERIT")
                        : partition && constraint.type() == ConstraintType.FOREIGN_KEY;
                if (copied && constraints.stream().noneMatch(c -> c.name().equals(constraint.name()))) {
                    constraints.add(new Constraint(constraint.name(), constraint.type(), constraint.definition(),
                            constraint.validated(), constraint.deferrable(), constraint.initiallyDeferred(),
                            constraint.references(), Optional.empty()));
                } else if (partition && constraint.type().hasIndex()) {
                    now.constraints().stream()
                            .filter(c -> c.type() == constraint.type()
                                    && c.definition().equals(constraint.definition()))
                            .filter(c -> constraints.stream().noneMatch(k -> k.name().equals(c.name())))
                            .findFirst()
                            .ifPresent(c -> constraints.add(new Constraint(c.name(), c.type(), c.definition(),
                                    c.validated(), c.deferrable(), c.initiallyDeferred(), c.references(),
                                    Optional.empty())));
                }
            }
            if (partition) {
                for (Index index : parent.get().indexes()) {
                    now.indexes().stream()
                            .filter(i -> shape(i.definition()).equals(shape(index.definition())))
                            .filter(i -> indexes.stream().noneMatch(k -> k.name().equals(i.name())))
                            .findFirst()
                            .ifPresent(i -> indexes.add(new Index(i.name(), i.definition(), true, Optional.empty())));
                }
            }
        }
        return new Table(old.schema(), old.name(), old.unlogged(), old.partitionKey(), old.partitionOf(),
                old.inherits(), old.options(), old.replicaIdentity(), old.replicaIdentityIndex(), old.rowSecurity(),
                old.forceRowSecurity(), old.owner(), old.comment(), old.grants(), columns, constraints, indexes,
                old.triggers(), old.policies(), old.dependsOn());
    }

    /**
     * A table that joins INHERITS parents keeps its own CHECK constraints that the parents also have:
     * INHERIT needs them, and afterwards PostgreSQL refuses to drop them, so they are taken out of
     * the comparison (the target, built with INHERITS, lists them as purely inherited).
     */
    static Table keepForJoin(PlanContext ctx, Table old, Table now) {
        List<ObjectRef> joining = now.inherits().stream().filter(p -> !old.inherits().contains(p)).toList();
        if (joining.isEmpty()) {
            return old;
        }
        List<Constraint> constraints = new ArrayList<>();
        for (Constraint constraint : old.constraints()) {
            boolean listed = now.constraints().stream().anyMatch(c -> c.name().equals(constraint.name()));
            boolean inherited = constraint.type() == ConstraintType.CHECK && joining.stream()
                    .flatMap(p -> ctx.after.table(p).stream())
                    .anyMatch(p -> p.constraints().stream().anyMatch(c -> c.name().equals(constraint.name())));
            if (listed || !inherited) {
                constraints.add(constraint);
            }
        }
        return new Table(old.schema(), old.name(), old.unlogged(), old.partitionKey(), old.partitionOf(),
                old.inherits(), old.options(), old.replicaIdentity(), old.replicaIdentityIndex(), old.rowSecurity(),
                old.forceRowSecurity(), old.owner(), old.comment(), old.grants(), old.columns(), constraints,
                old.indexes(), old.triggers(), old.policies(), old.dependsOn());
    }

    /** An index definition without its name and table: whether it is unique, its method, keys and options. */
    private static String shape(String definition) {
        int using = definition.indexOf(" USING ");
        String head = definition.startsWith("CREATE UNIQUE") ? "UNIQUE" : "";
        return head + (using < 0 ? definition : definition.substring(using));
    }
}
