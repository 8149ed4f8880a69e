package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.column;
import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;
import static dev.dbops.lint.rules.IndexAndConstraintRules.safeNotNullSteps;
import static dev.dbops.lint.rules.IndexAndConstraintRules.takes;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code set-not-null-scan}: {@code ALTER COLUMN … SET NOT NULL} on an existing table scans every row for
 * NULLs under ACCESS EXCLUSIVE, blocking reads and writes. So does PostgreSQL 18's
 * {@code ADD CONSTRAINT … NOT NULL column} without {@code NOT VALID}.
 *
 * <p>Not reported when an earlier statement of the run (in any migration, this one included) added a
 * CHECK proving the column is never NULL without NOT VALID, or validated one: PostgreSQL 12 and later then
 * skip the scan. Reports from {@link #afterAll} for that reason.
 */
final class SetNotNullScan extends AbstractRule {

    SetNotNullScan() {
        super("set-not-null-scan", Severity.ERROR,
                "SET NOT NULL scans the whole table under ACCESS EXCLUSIVE unless a valid CHECK already proves it.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        DeclaredSchema schema = new DeclaredSchema();
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            if (context.statement() instanceof Statement.AlterTable alter && context.isLiveTable(alter.table())) {
                for (Finding finding : check(context, alter, schema)) {
                    findings.add(new StatementFinding(context, finding));
                }
            }
            schema.apply(context.statement());
        }
        return findings;
    }

    private static List<Finding> check(StatementContext context, Statement.AlterTable alter, DeclaredSchema schema) {
        QualifiedName table = alter.table();
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.SetNotNull set && !schema.provesNotNull(table, set.column())) {
                findings.add(finding(context, table, set.column(), "ALTER COLUMN " + column(table, set.column())
                        + " SET NOT NULL"));
            } else if (context.pgVersion() >= 18 && action instanceof AlterTableAction.AddConstraint add
                    && add.constraint().kind() == TableConstraint.Kind.NOT_NULL && !add.constraint().notValid()
                    && add.constraint().columns().size() == 1
                    && !schema.provesNotNull(table, add.constraint().columns().get(0))) {
                String col = add.constraint().columns().get(0);
                findings.add(finding(context, table, col, "ADD CONSTRAINT … NOT NULL " + column(table, col)));
            }
        }
        return findings;
    }

    private static Finding finding(StatementContext context, QualifiedName table, String column, String what) {
        String message = what + " " + takes(LockMode.ACCESS_EXCLUSIVE, TableImpact.SCAN) + ", looking for NULLs"
                + " (no valid CHECK (" + quote(column) + " IS NOT NULL) from an earlier statement lets PostgreSQL"
                + " skip the scan)";
        String fix = (context.pgVersion() >= 18
                ? "-- PostgreSQL 18: the NOT NULL constraint itself can be added NOT VALID, then validated\n"
                : "-- PostgreSQL 12 to 17: a valid CHECK (" + quote(column) + " IS NOT NULL) lets SET NOT NULL skip"
                        + " the scan\n")
                + safeNotNullSteps(table, column, context.pgVersion());
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.SCAN, fix);
    }
}
