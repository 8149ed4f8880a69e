package dev.dbops.diff;

import dev.dbops.schema.Constraint;
import dev.dbops.schema.ConstraintType;
import dev.dbops.schema.Index;
import dev.dbops.schema.ObjectKind;
import dev.dbops.schema.ObjectRef;
import dev.dbops.schema.Table;
import java.util.Optional;
import java.util.Set;

/**
 * Foreign keys depend on the unique index of the key they reference: when that key or index is
 * dropped, the foreign key has to be dropped first and added again afterwards.
 */
final class PlanForeignKeys {

    private PlanForeignKeys() {
    }

    /** Whether a foreign key references a unique key or unique index that is dropped or replaced. */
    static boolean referencesChangedUnique(PlanContext ctx, Set<String> parts, Constraint constraint) {
        if (constraint.type() != ConstraintType.FOREIGN_KEY || constraint.references().isEmpty()) {
            return false;
        }
        ObjectRef referenced = constraint.references().get();
        Optional<Table> before = ctx.before.table(referenced);
        Optional<Table> after = ctx.after.table(referenced);
        if (before.isEmpty() || after.isEmpty()) {
            return false;
        }
        String columns = PlanConstraints.referencedColumns(constraint.definition());
        Table old = before.get();
        for (Constraint unique : old.constraints()) {
            if (unique.type() == ConstraintType.PRIMARY_KEY || unique.type() == ConstraintType.UNIQUE) {
                String key = PlanSql.partKey(ObjectKind.CONSTRAINT, old.schema(), old.name(), unique.name());
                Optional<Constraint> now = after.get().constraints().stream()
                        .filter(c -> c.name().equals(unique.name())).findFirst();
                boolean dropped = now.isEmpty() || PlanChanges.constraintNeedsRecreate(unique, now.get())
                        || parts.contains(key);
                if (dropped && sameColumns(columns, PlanConstraints.keyColumns(unique.definition()))) {
                    return true;
                }
            }
        }
        for (Index index : old.indexes()) {
            if (index.definition().startsWith("CREATE UNIQUE INDEX")) {
                String key = PlanSql.partKey(ObjectKind.INDEX, old.schema(), old.name(), index.name());
                Optional<Index> now = after.get().indexes().stream()
                        .filter(i -> i.name().equals(index.name())).findFirst();
                boolean dropped = now.isEmpty() || PlanChanges.indexNeedsRecreate(index, now.get())
                        || parts.contains(key);
                if (dropped && sameColumns(columns, PlanIndexes.keyColumns(index.definition()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean sameColumns(String a, String b) {
        if (a == null || b == null) {
            return true;
        }
        return Set.of(a.replace(" ", "").split(",")).equals(Set.of(b.replace(" ", "").split(",")));
    }
}
