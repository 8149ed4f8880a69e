package dev.dbops.diff;

import dev.dbops.schema.Column;
import dev.dbops.schema.Constraint;
import dev.dbops.schema.Domain;
import dev.dbops.schema.EnumType;
import dev.dbops.schema.Function;
import dev.dbops.schema.Index;
import dev.dbops.schema.Policy;
import dev.dbops.schema.RangeType;
import dev.dbops.schema.View;
import java.util.List;

/** The changes PostgreSQL cannot make in place: the object has to be dropped and created again. */
final class PlanChanges {

    private PlanChanges() {
    }

    static boolean viewNeedsRecreate(View a, View b) {
        return a.materialized() != b.materialized() || !a.definition().equals(b.definition())
                || !columnShapes(a).equals(columnShapes(b));
    }

    private static List<String> columnShapes(View view) {
        return view.columns().stream().map(c -> c.name() + "\0" + c.type()).toList();
    }

    static boolean functionNeedsRecreate(Function a, Function b) {
        return a.procedure() != b.procedure() || !a.result().equals(b.result())
                || !header(a.definition()).equals(header(b.definition()));
    }

    /** The first line of {@code pg_get_functiondef}: the name with argument names, modes and defaults. */
    static String header(String definition) {
        int newline = definition.indexOf('\n');
        return newline < 0 ? definition : definition.substring(0, newline);
    }

    static boolean enumAppendOnly(EnumType a, EnumType b) {
        List<String> old = a.labels();
        List<String> now = b.labels();
        int at = 0;
        for (String label : now) {
            if (at < old.size() && old.get(at).equals(label)) {
                at++;
            } else if (old.contains(label)) {
                return false;
            }
        }
        return at == old.size();
    }

    static boolean domainNeedsRecreate(Domain a, Domain b) {
        return !a.baseType().equals(b.baseType()) || !a.collation().equals(b.collation());
    }

    static boolean rangeNeedsRecreate(RangeType a, RangeType b) {
        return !a.subtype().equals(b.subtype()) || !a.subtypeOpclass().equals(b.subtypeOpclass())
                || !a.collation().equals(b.collation()) || !a.canonical().equals(b.canonical())
                || !a.subtypeDiff().equals(b.subtypeDiff())
                || (a.multirange().isPresent() && b.multirange().isPresent()
                        && !a.multirange().equals(b.multirange()));
    }

    /** Whether a table column's type or collation changes (a generated expression change is a drop and add). */
    static boolean columnChanges(Column a, Column b) {
        return !a.type().equals(b.type()) || !a.collation().equals(b.collation()) || generatedRecreated(a, b);
    }

    /** Whether a generated column must be dropped and added again: its expression changed or it became generated. */
    static boolean generatedRecreated(Column a, Column b) {
        return b.generated().isPresent() && !a.generated().equals(b.generated());
    }

    static boolean constraintNeedsRecreate(Constraint a, Constraint b) {
        return a.type() != b.type() || !a.definition().equals(b.definition()) || a.deferrable() != b.deferrable()
                || a.initiallyDeferred() != b.initiallyDeferred() || (a.validated() && !b.validated());
    }

    static boolean indexNeedsRecreate(Index a, Index b) {
        return !a.definition().equals(b.definition()) || !a.valid();
    }

    static boolean policyNeedsRecreate(Policy a, Policy b) {
        return a.permissive() != b.permissive() || !a.command().equals(b.command())
                || (a.using().isPresent() && b.using().isEmpty())
                || (a.withCheck().isPresent() && b.withCheck().isEmpty());
    }
}
