package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.OUTSIDE_TRANSACTION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.OUTSIDE_TRANSACTION_PLACE;
import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code require-concurrent-index-creation}: {@code CREATE INDEX} without {@code CONCURRENTLY} on a table
 * that already exists holds SHARE, which blocks every write, for the whole build. On a partitioned table,
 * where CONCURRENTLY is not supported (and fails), it points to {@code ON ONLY} plus one concurrent build
 * per partition.
 *
 * <p>Reports from {@link #afterAll}: that a table is partitioned may only show in another migration of the
 * run (a {@code PARTITION OF} it, an {@code ATTACH} or {@code DETACH PARTITION} on it).
 */
final class RequireConcurrentIndexCreation extends AbstractRule {

    RequireConcurrentIndexCreation() {
        super("require-concurrent-index-creation", Severity.ERROR,
                "CREATE INDEX without CONCURRENTLY blocks writes to the table for the whole index build.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        Partitioning partitioning = Partitioning.of(statements);
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            if (context.statement() instanceof Statement.CreateIndex create) {
                check(context, create, partitioning).ifPresent(f -> findings.add(new StatementFinding(context, f)));
            }
        }
        return findings;
    }

    private static Optional<Finding> check(StatementContext context, Statement.CreateIndex create,
            Partitioning partitioning) {
        QualifiedName table = create.table();
        boolean partitioned = partitioning.isPartitioned(table, context.sequence());
        String name = create.name().orElseGet(() -> GeneratedNames.index(table.name(), create.elements(), n -> false));
        if (create.concurrently()) {
            if (!partitioned) {
                return Optional.empty();
            }
            return Optional.of(Finding.of("CREATE INDEX CONCURRENTLY on partitioned table " + table.display()
                    + " fails: PostgreSQL cannot build an index on a partitioned table concurrently", LockMode.NONE,
                    TableImpact.NONE, partitionedFix(create, name, partitioning.partitionsOf(table))));
        }
        if (create.only() || context.isNewTable(table)) {
            return Optional.empty();
        }
        String what = (create.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ") + quote(name);
        if (partitioned) {
            return Optional.of(Finding.of(what + " on partitioned table " + table.display() + " "
                    + takes(LockMode.SHARE, TableImpact.INDEX_BUILD) + ", on the parent and on every partition;"
                    + " CONCURRENTLY is not supported on a partitioned table", LockMode.SHARE,
                    TableImpact.INDEX_BUILD, partitionedFix(create, name, partitioning.partitionsOf(table))));
        }
        return Optional.of(Finding.of(what + " on " + table.display() + " "
                + takes(LockMode.SHARE, TableImpact.INDEX_BUILD), LockMode.SHARE, TableImpact.INDEX_BUILD,
                concurrentFix(create, name)));
    }

    private static String concurrentFix(Statement.CreateIndex create, String name) {
        StringBuilder fix = new StringBuilder(OUTSIDE_TRANSACTION).append('\n');
        if (create.ifNotExists()) {
            fix.append("DROP INDEX CONCURRENTLY IF EXISTS ")
                    .append(new QualifiedName(create.table().schema(), name).display())
                    .append(";  -- a leftover of a failed build would be kept by IF NOT EXISTS\n");
        }
        fix.append(head(create, true)).append(quote(name)).append(' ').append(tail(create, create.table()))
                .append(';');
        return fix.toString();
    }

    private static String partitionedFix(Statement.CreateIndex create, String name, List<QualifiedName> partitions) {
        QualifiedName table = create.table();
        StringBuilder fix = new StringBuilder();
        fix.append(head(create, false)).append(quote(name)).append(" ON ONLY ").append(table.display()).append(' ')
                .append(rest(create))
                .append(";  -- catalog only: the index stays invalid until every partition's index is attached\n");
        fix.append("-- then for each partition, ").append(OUTSIDE_TRANSACTION_PLACE).append(":\n");
        String parentIndex = new QualifiedName(table.schema(), name).display();
        if (partitions.isEmpty()) {
            String partitionIndex = "<partition>_" + GeneratedNames.indexColumns(create.elements()) + "_idx";
            fix.append("-- (no partition of ").append(table.display())
                    .append(" is created in these migrations: list them with \\d+ ").append(table.display())
                    .append(")\n");
            fix.append(head(create, true)).append(partitionIndex).append(" ON <partition> ").append(rest(create))
                    .append(";\n");
            fix.append("ALTER INDEX ").append(parentIndex).append(" ATTACH PARTITION ").append(partitionIndex)
                    .append(';');
            return fix.toString();
        }
        for (QualifiedName partition : partitions) {
            String partitionIndex = GeneratedNames.index(partition.name(), create.elements(), n -> false);
            fix.append(head(create, true)).append(quote(partitionIndex)).append(" ON ").append(partition.display())
                    .append(' ').append(rest(create)).append(";\n");
            fix.append("ALTER INDEX ").append(parentIndex).append(" ATTACH PARTITION ")
                    .append(new QualifiedName(partition.schema(), partitionIndex).display()).append(";\n");
        }
        return fix.toString().stripTrailing();
    }

    private static String head(Statement.CreateIndex create, boolean concurrently) {
        return "CREATE " + (create.unique() ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
                + (create.ifNotExists() ? "IF NOT EXISTS " : "");
    }

    /** {@code ON table …} as written, from the ON key word to the end. */
    private static String tail(Statement.CreateIndex create, QualifiedName table) {
        return StatementText.fromWord(create.source(), "on")
                .orElseGet(() -> "ON " + table.display() + " " + rest(create));
    }

    /** What follows the table name: {@code USING …}, the elements, INCLUDE, WITH, WHERE, as written. */
    private static String rest(Statement.CreateIndex create) {
        return StatementText.afterIndexTable(create.source()).orElseGet(() -> "USING " + create.method() + " ("
                + String.join(", ", create.elements()) + ")"
                + create.where().map(w -> " WHERE " + w.text()).orElse(""));
    }

    /** Which tables the run shows to be partitioned, and which partitions it names. */
    private static final class Partitioning {
        private final List<QualifiedName> alwaysPartitioned = new ArrayList<>();
        private final List<CreatedPartitioned> createdPartitioned = new ArrayList<>();
        private final List<Partition> partitions = new ArrayList<>();

        static Partitioning of(List<StatementContext> statements) {
            Partitioning partitioning = new Partitioning();
            for (StatementContext context : statements) {
                partitioning.take(context);
            }
            return partitioning;
        }

        private void take(StatementContext context) {
            if (context.statement() instanceof Statement.CreateTable create) {
                if (create.partitionBy().isPresent()) {
                    createdPartitioned.add(new CreatedPartitioned(create.table(), context.sequence()));
                }
                create.partitionOf().ifPresent(parent -> parentOf(context, parent, Optional.of(create.table())));
            } else if (context.statement() instanceof Statement.AlterTable alter) {
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.AttachPartition attach) {
                        parentOf(context, alter.table(), Optional.of(attach.partition()));
                    } else if (action instanceof AlterTableAction.DetachPartition) {
                        parentOf(context, alter.table(), Optional.empty());
                    }
                }
            }
        }

        /** A live table with partitions was partitioned all along (a table cannot become partitioned). */
        private void parentOf(StatementContext context, QualifiedName parent, Optional<QualifiedName> child) {
            if (context.isLiveTable(parent)) {
                alwaysPartitioned.add(parent);
            }
            child.ifPresent(c -> partitions.add(new Partition(parent, c)));
        }

        boolean isPartitioned(QualifiedName table, int sequence) {
            return alwaysPartitioned.stream().anyMatch(table::sameObjectAs) || createdPartitioned.stream()
                    .anyMatch(created -> created.sequence() < sequence && created.table().sameObjectAs(table));
        }

        List<QualifiedName> partitionsOf(QualifiedName table) {
            List<QualifiedName> children = new ArrayList<>();
            for (Partition partition : partitions) {
                if (partition.parent().sameObjectAs(table)
                        && children.stream().noneMatch(partition.child()::sameObjectAs)) {
                    children.add(partition.child());
                }
            }
            return children;
        }

        private record CreatedPartitioned(QualifiedName table, int sequence) {
        }

        private record Partition(QualifiedName parent, QualifiedName child) {
        }
    }
}
