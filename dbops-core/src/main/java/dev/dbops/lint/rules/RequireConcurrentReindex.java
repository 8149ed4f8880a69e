package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.OUTSIDE_TRANSACTION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.lock;

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
import java.util.Locale;
import java.util.Optional;

/**
 * {@code require-concurrent-reindex}: {@code REINDEX} without {@code CONCURRENTLY} (available since
 * PostgreSQL 12) holds SHARE on the table, blocking writes, and ACCESS EXCLUSIVE on each index it rebuilds,
 * which blocks every query the planner plans against the table, for the whole rebuild.
 *
 * <p>Reports from {@link #afterAll}: the table of a reindexed index, and whether it is new, is known from
 * the {@code CREATE INDEX} in whichever migration of the run created it. {@code REINDEX SYSTEM} is not
 * reported: system catalogs cannot be reindexed concurrently.
 */
final class RequireConcurrentReindex extends AbstractRule {

    RequireConcurrentReindex() {
        super("require-concurrent-reindex", Severity.ERROR,
                "REINDEX without CONCURRENTLY blocks writes, and in practice reads, for the whole rebuild.");
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
            if (context.statement() instanceof Statement.Reindex reindex && !reindex.concurrently()) {
                check(context, reindex, schema).ifPresent(f -> findings.add(new StatementFinding(context, f)));
            }
            schema.apply(context.statement());
        }
        return findings;
    }

    private static Optional<Finding> check(StatementContext context, Statement.Reindex reindex, DeclaredSchema schema) {
        String target = reindex.target().name().toLowerCase(Locale.ROOT);
        String what = "REINDEX " + reindex.target() + reindex.name().map(n -> " " + n.display()).orElse("");
        String where;
        switch (reindex.target()) {
            case INDEX -> {
                Optional<QualifiedName> table = reindex.name().flatMap(schema::index)
                        .map(DeclaredSchema.Index::table);
                if (table.isPresent() && context.isNewTable(table.get())) {
                    return Optional.empty();
                }
                where = " on " + table.map(QualifiedName::display).orElse("the index's table")
                        + " and ACCESS EXCLUSIVE on the index, which also blocks every query planned against the"
                        + " table,";
            }
            case TABLE -> {
                if (reindex.name().isPresent() && context.isNewTable(reindex.name().get())) {
                    return Optional.empty();
                }
                where = " on " + reindex.name().map(QualifiedName::display).orElse("the table")
                        + " and ACCESS EXCLUSIVE on each of its indexes, which also blocks every query planned"
                        + " against the table,";
            }
            case SCHEMA, DATABASE -> where = " on every table in the " + target + ", one table at a time, and"
                    + " ACCESS EXCLUSIVE on each index, which also blocks every query planned against its table,";
            default -> {
                return Optional.empty();
            }
        }
        String statement = StatementText.insertAfterWord(reindex.source(), target, " CONCURRENTLY")
                .orElseGet(() -> "REINDEX " + reindex.target() + " CONCURRENTLY"
                        + reindex.name().map(n -> " " + n.display()).orElse(""));
        StringBuilder fix = new StringBuilder(OUTSIDE_TRANSACTION).append('\n').append(statement).append(';');
        fix.append("\n-- (CONCURRENTLY rebuilds beside the old index under SHARE UPDATE EXCLUSIVE; it cannot rebuild")
                .append(" exclusion-constraint indexes or system catalogs)");
        if (context.pgVersion() == 14) {
            fix.append("\n-- on PostgreSQL 14 run 14.4 or later: 14.0 to 14.3 could corrupt indexes built")
                    .append(" CONCURRENTLY");
        }
        return Optional.of(Finding.of(what + " takes " + lock(LockMode.SHARE) + where + " and "
                + TableImpact.INDEX_BUILD.description() + " while holding them", LockMode.SHARE,
                TableImpact.INDEX_BUILD, fix.toString()));
    }
}
