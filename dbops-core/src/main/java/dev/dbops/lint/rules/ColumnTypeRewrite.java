package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ALTER COLUMN … TYPE} that rewrites the table: a conversion that is not binary-coercible
 * (int → bigint, text → int, a shorter varchar, a lower precision, a {@code USING} that computes new
 * values). The table and every index on it are rebuilt under ACCESS EXCLUSIVE. Changes PostgreSQL
 * makes without a rewrite are {@code column-type-safe-widening}'s; the two never report the same action.
 */
final class ColumnTypeRewrite extends AbstractRule {

    ColumnTypeRewrite() {
        super("column-type-rewrite", Severity.ERROR,
                "ALTER COLUMN … TYPE that is not binary-coercible rewrites the table and its indexes under ACCESS"
                        + " EXCLUSIVE.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    /** Runs over the whole run so that the column's current type, declared by earlier migrations, is known. */
    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        for (ColumnTypeChanges.Change change : ColumnTypeChanges.in(statements)) {
            if (change.change().outcome() == TypeChange.Outcome.REWRITE) {
                findings.add(new StatementFinding(change.context(), finding(change)));
            }
        }
        return findings;
    }

    private static Finding finding(ColumnTypeChanges.Change change) {
        QualifiedName table = change.statement().table();
        AlterTableAction.AlterColumnType action = change.action();
        String t = table.display();
        String c = SafeAlternatives.ident(action.column());
        String type = action.type().text();
        String message = "ALTER COLUMN " + c + " TYPE " + type + " on " + t + " " + TableImpact.REWRITE.description()
                + " under an " + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE) + " for as long as that takes: "
                + change.change().reason();
        String shadow = SafeAlternatives.ident(action.column() + "_new");
        String old = SafeAlternatives.ident(action.column() + "_old");
        String sync = table.name() + "_" + action.column() + "_new_sync";
        String function = SafeAlternatives.sibling(table, sync).display();
        String converted = action.using().map(using -> using.text()).orElse(c);
        String fromNewRow = action.using().isPresent()
                ? "(SELECT " + converted + " FROM (SELECT NEW.*) AS " + SafeAlternatives.ident(table.name()) + ")"
                : "NEW." + c;
        String fix = "-- expand: a new column kept in sync by a trigger\n"
                + SafeAlternatives.lockTimeout(change.context())
                + "ALTER TABLE " + t + " ADD COLUMN " + shadow + " " + type + ";\n"
                + "CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                + "BEGIN\n"
                + "  NEW." + shadow + " := " + fromNewRow + ";\n"
                + "  RETURN NEW;\n"
                + "END $$;\n"
                + "CREATE TRIGGER " + SafeAlternatives.ident(sync) + " BEFORE INSERT OR UPDATE ON " + t
                + " FOR EACH ROW EXECUTE FUNCTION " + function + "();\n"
                + "-- backfill " + SafeAlternatives.OUTSIDE_TRANSACTION + ", repeated until it updates 0 rows:\n"
                + SafeAlternatives.batchedUpdate(table, shadow + " = " + converted,
                        shadow + " IS NULL AND " + c + " IS NOT NULL") + "\n"
                + "-- build indexes and constraints on " + shadow + " CONCURRENTLY / NOT VALID + VALIDATE, then swap in"
                + " one short transaction:\n"
                + "SET LOCAL lock_timeout = '2s';\n"
                + "ALTER TABLE " + t + " RENAME COLUMN " + c + " TO " + old + ";\n"
                + "ALTER TABLE " + t + " RENAME COLUMN " + shadow + " TO " + c + ";\n"
                + "DROP TRIGGER " + SafeAlternatives.ident(sync) + " ON " + t + ";\n"
                + "DROP FUNCTION " + function + "();\n"
                + "-- contract, once no application instance reads " + old + ":\n"
                + "ALTER TABLE " + t + " DROP COLUMN " + old + ";";
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix);
    }
}
