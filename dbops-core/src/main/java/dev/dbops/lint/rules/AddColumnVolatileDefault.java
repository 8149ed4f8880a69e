package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ADD COLUMN … DEFAULT} with a volatile expression ({@code gen_random_uuid()},
 * {@code clock_timestamp()}, {@code nextval(…)}…) on an existing table: PostgreSQL must compute a value
 * per row, so it rewrites the table under ACCESS EXCLUSIVE on every version. {@code now()} and
 * {@code CURRENT_TIMESTAMP} are STABLE and not reported. A default calling a function whose volatility
 * dbops cannot see (created outside the linted migrations, or a VOLATILE SQL function PostgreSQL may
 * inline) is reported as a WARNING that says so, rather than guessed either way.
 */
final class AddColumnVolatileDefault extends AbstractRule {

    AddColumnVolatileDefault() {
        super("add-column-volatile-default", Severity.ERROR,
                "ADD COLUMN with a volatile DEFAULT rewrites the whole table under ACCESS EXCLUSIVE.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    /** Runs over the whole run so that functions created by earlier migrations are known. */
    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        for (AddedColumns.Added added : AddedColumns.in(statements)) {
            ColumnDefinition column = added.column();
            if (column.defaultValue().isEmpty()) {
                continue;
            }
            if (added.defaultCalls().anyVolatile()) {
                findings.add(new StatementFinding(added.context(), finding(added)));
            } else if (added.defaultCalls().onlyUnknown()) {
                findings.add(new StatementFinding(added.context(),
                        unknownVolatility(added).withSeverity(Severity.WARNING)));
            }
        }
        return findings;
    }

    private static Finding finding(AddedColumns.Added added) {
        StatementContext context = added.context();
        QualifiedName table = added.table();
        ColumnDefinition column = added.column();
        String t = table.display();
        String c = SafeAlternatives.ident(column.name());
        String value = column.defaultValue().orElseThrow().text();
        String calls = String.join("(), ", added.defaultCalls().volatileCalls()) + "()";
        String message = "ADD COLUMN " + c + " " + column.type().text() + " DEFAULT " + value + " on " + t + " "
                + TableImpact.REWRITE.description() + " under an " + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE)
                + ": " + calls + (added.defaultCalls().volatileCalls().size() > 1 ? " are" : " is") + " volatile, so"
                + " PostgreSQL computes the default for every existing row instead of storing one value for them";
        String fix = SafeAlternatives.lockTimeout(context)
                + "ALTER TABLE " + t + " ADD COLUMN " + c + " " + column.type().text() + ", ALTER COLUMN " + c
                + " SET DEFAULT " + value + ";  -- the default applies to new rows only: no rewrite\n"
                + "-- backfill the existing rows " + SafeAlternatives.OUTSIDE_TRANSACTION
                + ", repeated until it updates 0 rows:\n"
                + SafeAlternatives.batchedUpdate(table, c + " = " + value, c + " IS NULL") + "\n"
                + (column.notNull() ? "-- then NOT NULL without a long lock:\n"
                        + SafeAlternatives.notNullSteps(context.pgVersion(), table, column.name()) : "");
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix.strip());
    }

    private static Finding unknownVolatility(AddedColumns.Added added) {
        QualifiedName table = added.table();
        ColumnDefinition column = added.column();
        String t = table.display();
        String c = SafeAlternatives.ident(column.name());
        String value = column.defaultValue().orElseThrow().text();
        List<String> unknown = added.defaultCalls().unknownCalls();
        String calls = String.join("(), ", unknown) + "()";
        String message = "ADD COLUMN " + c + " " + column.type().text() + " DEFAULT " + value + " on " + t
                + ": dbops cannot tell whether " + calls + (unknown.size() > 1 ? " are" : " is") + " volatile (a"
                + " function is VOLATILE unless declared STABLE or IMMUTABLE, and PostgreSQL inlines only simple SQL"
                + " functions); if it is, the ADD COLUMN " + TableImpact.REWRITE.description() + " under an "
                + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE);
        String names = String.join(", ", unknown.stream().map(SafeAlternatives::literal).toList());
        String fix = "-- check: 'v' means volatile\n"
                + "SELECT proname, provolatile FROM pg_proc WHERE proname IN (" + names + ");\n"
                + "-- if it is volatile, add the column without the default and backfill:\n"
                + SafeAlternatives.lockTimeout(added.context())
                + "ALTER TABLE " + t + " ADD COLUMN " + c + " " + column.type().text() + ", ALTER COLUMN " + c
                + " SET DEFAULT " + value + ";\n"
                + "-- " + SafeAlternatives.OUTSIDE_TRANSACTION + ", repeated until it updates 0 rows:\n"
                + SafeAlternatives.batchedUpdate(table, c + " = " + value, c + " IS NULL") + "\n"
                + (column.notNull() ? "-- then NOT NULL without a long lock:\n"
                        + SafeAlternatives.notNullSteps(added.context().pgVersion(), table, column.name()) : "");
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix.strip());
    }
}
