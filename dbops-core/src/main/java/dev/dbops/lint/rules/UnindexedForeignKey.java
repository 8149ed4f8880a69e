package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.OUTSIDE_TRANSACTION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.columnList;
import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.ForeignKeyReference;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * {@code unindexed-foreign-key}: a foreign key whose referencing columns are not the leading columns of a
 * complete (non-partial) index. Nothing is locked or scanned when the key is added, but afterwards every
 * DELETE of a referenced row, and every UPDATE of a referenced key, scans the referencing table for rows
 * that point at it, with the row locks of the referenced row held meanwhile.
 *
 * <p>Reports from {@link #afterAll}: the index may be created by any statement of the run, before or after
 * the key, by {@code CREATE INDEX} or by a PRIMARY KEY or UNIQUE constraint of the table. Keys on new and on
 * existing tables are both reported, since the later writes are the problem.
 */
final class UnindexedForeignKey extends AbstractRule {

    UnindexedForeignKey() {
        super("unindexed-foreign-key", Severity.WARNING,
                "A foreign key without an index on its columns makes deletes and key updates of the referenced"
                        + " table scan the referencing table.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        DeclaredSchema schema = new DeclaredSchema();
        for (StatementContext context : statements) {
            schema.apply(context.statement());
        }
        List<StatementFinding> findings = new ArrayList<>();
        for (StatementContext context : statements) {
            for (ForeignKey key : foreignKeys(context.statement())) {
                if (key.columns().isEmpty() || isIndexed(schema.indexesEverDeclared(key.table()), key.columns())) {
                    continue;
                }
                findings.add(new StatementFinding(context, finding(context, key)));
            }
        }
        return findings;
    }

    private static Finding finding(StatementContext context, ForeignKey key) {
        QualifiedName table = key.table();
        String index = GeneratedNames.index(table.name(), key.columns(), n -> false);
        String referenced = key.reference().table().display();
        String message = "Foreign key " + key.name().map(n -> quote(n) + " ").orElse("") + "on " + table.display()
                + " " + columnList(key.columns()) + " → " + referenced + " has no index on " + table.display()
                + " that starts with " + columnList(key.columns()) + ": every DELETE from " + referenced
                + " and every UPDATE of its key scans the whole of " + table.display()
                + " for referencing rows (adding the key takes no lock for this: it is the later writes that pay)";
        String create = " " + quote(index) + " ON " + table.display() + " " + columnList(key.columns()) + ";";
        boolean newTable = context.statement() instanceof Statement.CreateTable || context.isNewTable(table);
        String fix = newTable
                ? "CREATE INDEX" + create + "  -- " + table.display()
                        + " is created in these migrations, so a plain CREATE INDEX blocks no one"
                : OUTSIDE_TRANSACTION + "\nCREATE INDEX CONCURRENTLY" + create;
        return Finding.of(message, LockMode.NONE, TableImpact.NONE, fix);
    }

    /** Whether a complete index leads with exactly {@code columns}, in any order (each is compared with =). */
    private static boolean isIndexed(List<DeclaredSchema.Index> indexes, List<String> columns) {
        for (DeclaredSchema.Index index : indexes) {
            if (index.partial() || index.method().equals("brin") || index.leadingColumns().size() < columns.size()) {
                continue;
            }
            if (new HashSet<>(index.leadingColumns().subList(0, columns.size())).equals(new HashSet<>(columns))) {
                return true;
            }
        }
        return false;
    }

    private static List<ForeignKey> foreignKeys(Statement statement) {
        List<ForeignKey> keys = new ArrayList<>();
        if (statement instanceof Statement.CreateTable create) {
            for (ColumnDefinition column : create.columns()) {
                column.references().ifPresent(reference -> keys.add(new ForeignKey(create.table(), Optional.empty(),
                        List.of(column.name()), reference)));
            }
            for (TableConstraint constraint : create.constraints()) {
                foreignKey(create.table(), constraint).ifPresent(keys::add);
            }
        } else if (statement instanceof Statement.AlterTable alter) {
            for (AlterTableAction action : alter.actions()) {
                if (action instanceof AlterTableAction.AddColumn add) {
                    add.column().references().ifPresent(reference -> keys.add(new ForeignKey(alter.table(),
                            Optional.empty(), List.of(add.column().name()), reference)));
                } else if (action instanceof AlterTableAction.AddConstraint add) {
                    foreignKey(alter.table(), add.constraint()).ifPresent(keys::add);
                }
            }
        }
        return keys;
    }

    private static Optional<ForeignKey> foreignKey(QualifiedName table, TableConstraint constraint) {
        if (constraint.kind() != TableConstraint.Kind.FOREIGN_KEY || constraint.references().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ForeignKey(table, constraint.name(), constraint.columns(),
                constraint.references().get()));
    }

    private record ForeignKey(QualifiedName table, Optional<String> name, List<String> columns,
            ForeignKeyReference reference) {
    }
}
