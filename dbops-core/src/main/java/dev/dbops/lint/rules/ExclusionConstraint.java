package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;
import static dev.dbops.lint.rules.IndexAndConstraintRules.takes;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code exclusion-constraint}: {@code ADD CONSTRAINT … EXCLUDE} on an existing table builds its index and
 * checks every row against every other under ACCESS EXCLUSIVE. Unlike CHECK, FOREIGN KEY and UNIQUE,
 * an exclusion constraint has no {@code NOT VALID} and no {@code USING INDEX}, so there is no online path:
 * build a new table with the constraint and move the rows, or take a maintenance window.
 */
final class ExclusionConstraint extends AbstractRule {

    ExclusionConstraint() {
        super("exclusion-constraint", Severity.ERROR,
                "Adding an EXCLUDE constraint builds and checks its index under ACCESS EXCLUSIVE; there is no"
                        + " online way to add one.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddConstraint add
                    && add.constraint().kind() == TableConstraint.Kind.EXCLUDE) {
                findings.add(finding(alter.table(), add));
            }
        }
        return findings;
    }

    private static Finding finding(QualifiedName table, AlterTableAction.AddConstraint add) {
        String name = add.constraint().name().map(n -> quote(n) + " ").orElse("");
        QualifiedName copy = new QualifiedName(table.schema(), table.name() + "_new");
        String fix = "-- EXCLUDE has no NOT VALID and no USING INDEX; either build a new table with the constraint:\n"
                + "CREATE TABLE " + copy.display() + " (LIKE " + table.display() + " INCLUDING ALL);\n"
                + "ALTER TABLE " + copy.display() + " " + add.text().strip() + ";\n"
                + "-- copy the rows in batches, keep them in step with a trigger, then swap the names in one short"
                + " transaction (ALTER TABLE … RENAME TO)\n"
                + "-- or run it in a maintenance window, failing fast instead of queueing behind running queries:\n"
                + "SET lock_timeout = '2s';\n"
                + "ALTER TABLE " + table.display() + " " + add.text().strip() + ";";
        return Finding.of("ADD EXCLUDE " + name + "on " + table.display() + " "
                + takes(LockMode.ACCESS_EXCLUSIVE, TableImpact.INDEX_BUILD) + ", checking every row against the others",
                LockMode.ACCESS_EXCLUSIVE, TableImpact.INDEX_BUILD, fix);
    }
}
