package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.OUTSIDE_TRANSACTION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.lock;
import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code require-concurrent-index-drop}: {@code DROP INDEX} without {@code CONCURRENTLY} takes ACCESS
 * EXCLUSIVE on the index's table. The drop itself is quick, but it waits for every query on the table, and
 * every query queued behind it waits too.
 *
 * <p>Reports from {@link #afterAll}: which table an index belongs to, and whether that table is new, is
 * known from the {@code CREATE INDEX} in whichever migration of the run created it.
 */
final class RequireConcurrentIndexDrop extends AbstractRule {

    RequireConcurrentIndexDrop() {
        super("require-concurrent-index-drop", Severity.WARNING,
                "DROP INDEX without CONCURRENTLY takes ACCESS EXCLUSIVE on the table, blocking reads and writes.");
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
            if (context.statement() instanceof Statement.Drop drop && drop.kind() == Statement.ObjectKind.INDEX
                    && !drop.concurrently()) {
                for (Finding finding : check(context, drop, schema)) {
                    findings.add(new StatementFinding(context, finding));
                }
            }
            schema.apply(context.statement());
        }
        return findings;
    }

    private static List<Finding> check(StatementContext context, Statement.Drop drop, DeclaredSchema schema) {
        List<Finding> findings = new ArrayList<>();
        List<QualifiedName> plain = new ArrayList<>();
        Set<String> tables = new LinkedHashSet<>();
        for (QualifiedName name : drop.names()) {
            Optional<DeclaredSchema.Index> index = schema.index(name);
            if (index.isPresent() && context.isNewTable(index.get().table())) {
                continue;
            }
            if (index.isPresent() && index.get().constraintBacked()) {
                findings.add(constraintIndex(name, index.get()));
            } else if (index.isPresent() && schema.isPartitioned(index.get().table())) {
                findings.add(partitionedIndex(context, name, index.get()));
            } else {
                plain.add(name);
                tables.add(index.map(i -> i.table().display())
                        .orElse(drop.names().size() == 1 ? "its table" : "the table of " + name.display()));
            }
        }
        if (!plain.isEmpty()) {
            StringBuilder fix = new StringBuilder(OUTSIDE_TRANSACTION);
            if (drop.cascade()) {
                fix.append("\n-- CONCURRENTLY cannot CASCADE: drop the objects that depend on the index first");
            }
            for (QualifiedName name : plain) {
                fix.append("\nDROP INDEX CONCURRENTLY IF EXISTS ").append(name.display()).append(';');
            }
            findings.add(Finding.of("DROP INDEX " + names(plain) + " takes " + lock(LockMode.ACCESS_EXCLUSIVE)
                    + " on " + String.join(" and ", tables) + "; the drop itself is quick (no scan, no rewrite), but it"
                    + " waits for every running query on the table and every later query waits behind it",
                    LockMode.ACCESS_EXCLUSIVE, TableImpact.NONE, fix.toString()));
        }
        return findings;
    }

    private static Finding constraintIndex(QualifiedName name, DeclaredSchema.Index index) {
        return Finding.of("DROP INDEX " + name.display() + " fails: constraint " + quote(index.name()) + " on "
                + index.table().display() + " owns the index, so only dropping the constraint removes it",
                LockMode.NONE, TableImpact.NONE,
                "SET lock_timeout = '2s';  -- DROP CONSTRAINT takes ACCESS EXCLUSIVE: fail fast instead of queueing\n"
                        + "ALTER TABLE " + index.table().display() + " DROP CONSTRAINT " + quote(index.name()) + ";");
    }

    private static Finding partitionedIndex(StatementContext context, QualifiedName name, DeclaredSchema.Index index) {
        return Finding.of("DROP INDEX " + name.display() + " on partitioned table " + index.table().display()
                + " takes " + lock(LockMode.ACCESS_EXCLUSIVE) + " on the table and on every partition; CONCURRENTLY"
                + " is not supported for the index of a partitioned table", LockMode.ACCESS_EXCLUSIVE,
                TableImpact.NONE,
                "SET lock_timeout = '2s';  -- fail fast instead of queueing, and retry at a quiet time\n"
                        + context.statement().source().text() + ";");
    }

    private static String names(List<QualifiedName> names) {
        List<String> shown = new ArrayList<>();
        for (QualifiedName name : names) {
            shown.add(name.display());
        }
        return String.join(", ", shown);
    }
}
