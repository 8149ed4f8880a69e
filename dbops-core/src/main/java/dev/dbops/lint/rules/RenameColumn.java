package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RENAME COLUMN} on an existing table: every application instance still using the old name
 * fails the moment the rename commits, and during a rolling deploy old instances always exist. Safe
 * only as expand/contract: a new column kept in sync, then the old one dropped.
 */
final class RenameColumn extends AbstractRule {

    RenameColumn() {
        super("rename-column", Severity.ERROR,
                "RENAME COLUMN breaks every running application instance that uses the old name.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.RenameColumn rename) {
                findings.add(finding(context, alter.table(), rename));
            }
        }
        return findings;
    }

    private static Finding finding(StatementContext context, QualifiedName table,
            AlterTableAction.RenameColumn rename) {
        String t = table.display();
        String from = SafeAlternatives.ident(rename.from());
        String to = SafeAlternatives.ident(rename.to());
        String sync = table.name() + "_sync_" + rename.from() + "_" + rename.to();
        String function = SafeAlternatives.sibling(table, sync).display();
        String message = "RENAME COLUMN " + from + " TO " + to + " on " + t + " breaks every application instance"
                + " that still uses " + from + " from the moment it commits (during a rolling deploy the old version"
                + " is still running); the rename itself takes an " + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE)
                + " briefly, " + TableImpact.NONE.description();
        String fix = "-- 1. expand: add " + to + " and keep both names in sync while old and new code run\n"
                + SafeAlternatives.lockTimeout(context)
                + "ALTER TABLE " + t + " ADD COLUMN " + to + " <type of " + rename.from() + ">;\n"
                + "CREATE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                + "BEGIN\n"
                + "  IF TG_OP = 'INSERT' THEN\n"
                + "    NEW." + to + " := COALESCE(NEW." + to + ", NEW." + from + ");\n"
                + "    NEW." + from + " := COALESCE(NEW." + from + ", NEW." + to + ");\n"
                + "  ELSIF NEW." + from + " IS DISTINCT FROM OLD." + from + " THEN\n"
                + "    NEW." + to + " := NEW." + from + ";\n"
                + "  ELSE\n"
                + "    NEW." + from + " := NEW." + to + ";\n"
                + "  END IF;\n"
                + "  RETURN NEW;\n"
                + "END $$;\n"
                + "CREATE TRIGGER " + SafeAlternatives.ident(sync) + " BEFORE INSERT OR UPDATE ON " + t
                + " FOR EACH ROW EXECUTE FUNCTION " + function + "();\n"
                + "-- 2. backfill " + SafeAlternatives.OUTSIDE_TRANSACTION + ", repeated until it updates 0 rows,"
                + " then deploy code that uses " + to + ":\n"
                + SafeAlternatives.batchedUpdate(table, to + " = " + from, to + " IS DISTINCT FROM " + from) + "\n"
                + "-- 3. contract, once no instance uses " + from + ":\n"
                + "DROP TRIGGER " + SafeAlternatives.ident(sync) + " ON " + t + ";\n"
                + "DROP FUNCTION " + function + "();\n"
                + "ALTER TABLE " + t + " DROP COLUMN " + from + ";";
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix);
    }
}
