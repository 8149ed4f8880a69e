package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code TRUNCATE} of existing tables: ACCESS EXCLUSIVE on each until the transaction commits, and every
 * row gone. {@code CASCADE} silently widens the set to every table whose foreign keys reference a
 * truncated one. Tables created earlier in the linted migrations are exempt.
 */
final class Truncate extends AbstractRule {

    Truncate() {
        super("truncate", Severity.WARNING,
                "TRUNCATE takes ACCESS EXCLUSIVE on each table and deletes every row; CASCADE adds tables you did not"
                        + " name.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    /** Runs over the whole run so that the tables CASCADE reaches can be named from earlier migrations. */
    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        ReplayedDefinitions schema = new ReplayedDefinitions();
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            if (context.statement() instanceof Statement.Truncate truncate) {
                List<QualifiedName> live = truncate.tables().stream().filter(context::isLiveTable).toList();
                if (!live.isEmpty()) {
                    findings.add(new StatementFinding(context, finding(context, truncate, live, schema)));
                }
            }
            if (!(context.statement() instanceof Statement.DoBlock)) {
                schema.apply(context.statement());
            }
        }
        return findings;
    }

    private static Finding finding(StatementContext context, Statement.Truncate truncate, List<QualifiedName> live,
            ReplayedDefinitions schema) {
        String names = String.join(", ", live.stream().map(QualifiedName::display).toList());
        String message = "TRUNCATE " + names + " takes an " + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE)
                + " on " + (live.size() > 1 ? "each of them" : names) + " until the transaction commits and deletes"
                + " every row, which application instances reading " + (live.size() > 1 ? "them" : "it")
                + " do not expect";
        List<String> reached = new ArrayList<>();
        if (truncate.cascade()) {
            for (QualifiedName table : live) {
                for (QualifiedName other : schema.referencingTables(table)) {
                    boolean named = truncate.tables().stream().anyMatch(other::sameObjectAs);
                    if (!named && !reached.contains(other.display())) {
                        reached.add(other.display());
                    }
                }
            }
            message += "; CASCADE also truncates, under the same lock, every table whose foreign keys reference one of"
                    + " them, and the tables referencing those" + (reached.isEmpty() ? ""
                            : " (known from the linted migrations: " + String.join(", ", reached) + ")")
                    + ", without naming them";
        }
        StringBuilder fix = new StringBuilder("-- on a live table, delete in batches "
                + SafeAlternatives.OUTSIDE_TRANSACTION + ", repeated until it deletes 0 rows:\n");
        for (QualifiedName table : live) {
            fix.append(SafeAlternatives.batchedDelete(table, "")).append('\n');
        }
        if (truncate.cascade()) {
            List<String> all = new ArrayList<>(truncate.tables().stream().map(QualifiedName::display).toList());
            all.addAll(reached);
            fix.append("-- or name every table and drop CASCADE, so that it fails instead of emptying one you did not"
                    + " name:\n")
                    .append(SafeAlternatives.lockTimeout(context))
                    .append("TRUNCATE ").append(String.join(", ", all)).append(reached.isEmpty() ? ", <each referencing"
                            + " table>" : "").append(";\n");
        }
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix.toString().strip());
    }
}
