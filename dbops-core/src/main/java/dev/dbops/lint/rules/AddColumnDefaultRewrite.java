package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.Expression;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ADD COLUMN} that PostgreSQL 12–18 rewrites although its default is not volatile. Since
 * PostgreSQL 11 a non-volatile default is stored once ({@code attmissingval}) and the column is added
 * without touching the rows, so a constant, {@code now()} or {@code CURRENT_TIMESTAMP} is never reported.
 * The case that remains is a column whose type is a domain with constraints (CHECK or NOT NULL):
 * PostgreSQL checks every existing row's new value (the default, or NULL) against them and rewrites the
 * table, with or without a DEFAULT (observed on PostgreSQL 14 and 18). dbops knows a domain's constraints
 * when the linted migrations created it. Volatile defaults, and defaults of unknown volatility, are
 * {@code add-column-volatile-default}'s.
 */
final class AddColumnDefaultRewrite extends AbstractRule {

    AddColumnDefaultRewrite() {
        super("add-column-default-rewrite", Severity.ERROR,
                "ADD COLUMN of a domain type with constraints rewrites the table even with a constant default.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    /** Runs over the whole run so that domains created by earlier migrations are known. */
    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        for (AddedColumns.Added added : AddedColumns.in(statements)) {
            ColumnDefinition column = added.column();
            if (column.generated().isPresent() || column.identity().isPresent() || column.isSerial()) {
                continue;
            }
            if (added.domain().filter(ReplayedDefinitions.Domain::constrained).isPresent()) {
                findings.add(new StatementFinding(added.context(), constrainedDomain(added)));
            }
        }
        return findings;
    }

    private static Finding constrainedDomain(AddedColumns.Added added) {
        QualifiedName table = added.table();
        ColumnDefinition column = added.column();
        ReplayedDefinitions.Domain domain = added.domain().orElseThrow();
        String t = table.display();
        String c = SafeAlternatives.ident(column.name());
        String defaultClause = column.defaultValue().map(value -> " DEFAULT " + value.text()).orElse("");
        String message = "ADD COLUMN " + c + " " + column.type().text() + defaultClause + " on " + t + " "
                + TableImpact.REWRITE.description() + " under an " + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE)
                + " even though its default is not volatile: " + column.type().text() + " is a domain with"
                + " constraints, so PostgreSQL checks the new value of every existing row ("
                + (column.defaultValue().isPresent() ? "the default" : "NULL") + ") against them";
        StringBuilder fix = new StringBuilder("-- add the column with the domain's base type, then check the rule"
                + " without a long lock:\n");
        fix.append(SafeAlternatives.lockTimeout(added.context()));
        fix.append("ALTER TABLE ").append(t).append(" ADD COLUMN ").append(c).append(' ').append(domain.base().text())
                .append(defaultClause).append(";\n");
        if (!domain.checks().isEmpty()) {
            String constraint = SafeAlternatives.ident(table.name() + "_" + column.name() + "_check");
            List<String> conditions = new ArrayList<>();
            for (Expression check : domain.checks()) {
                conditions.add(domain.checks().size() == 1 ? valueAs(check, c) : "(" + valueAs(check, c) + ")");
            }
            fix.append("ALTER TABLE ").append(t).append(" ADD CONSTRAINT ").append(constraint).append(" CHECK (")
                    .append(String.join(" AND ", conditions)).append(") NOT VALID;\n");
            fix.append("ALTER TABLE ").append(t).append(" VALIDATE CONSTRAINT ").append(constraint)
                    .append(";  -- scans under SHARE UPDATE EXCLUSIVE, reads and writes go on\n");
        }
        if (domain.notNull()) {
            fix.append("-- the domain is NOT NULL: backfill ").append(c).append(", then:\n")
                    .append(SafeAlternatives.notNullSteps(added.context().pgVersion(), table, column.name()));
        }
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix.toString().strip());
    }

    /** The domain CHECK condition with {@code VALUE} replaced by the column, spacing kept. */
    private static String valueAs(Expression check, String column) {
        List<Token> tokens = check.tokens();
        if (tokens.isEmpty()) {
            return check.text();
        }
        int base = tokens.get(0).start();
        String text = check.text();
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Token token : tokens) {
            int from = token.start() - base;
            int to = token.end() - base;
            if (from < copied || to > text.length()) {
                return check.text();
            }
            out.append(text, copied, from).append(token.is("value") ? column : token.text());
            copied = to;
        }
        return out.append(text.substring(copied)).toString();
    }
}
