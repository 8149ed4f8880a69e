package dev.dbops.lint.rules;

import dev.dbops.lint.StatementContext;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.Expression;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What the statements linted so far declare about tables, indexes and constraints, as far as the index
 * and constraint rules need it. Rules replay the statements of the whole run into it, one by one, so a
 * rule sees what earlier migrations did as well as earlier statements of the same one.
 *
 * <p>Only what the SQL says is known: a table created before the linted migrations has no columns,
 * indexes or constraints here unless a linted statement added them.
 */
final class DeclaredSchema {

    private final TableBuckets<Index> indexes = new TableBuckets<>(index -> index.table().name());
    private final TableBuckets<Index> indexesByName = new TableBuckets<>(Index::name);
    private final TableBuckets<Index> everDeclaredIndexes = new TableBuckets<>(index -> index.table().name());
    private final TableBuckets<Constraint> constraints = new TableBuckets<>(c -> c.table().name());
    private final TableBuckets<TableColumns> columns = new TableBuckets<>(c -> c.table().name());
    private final List<QualifiedName> partitioned = new ArrayList<>();
    private final List<Partition> partitions = new ArrayList<>();

    /**
     * An index: created by {@code CREATE INDEX}, or behind a {@code PRIMARY KEY} or {@code UNIQUE} constraint.
     *
     * @param name the index name (for a constraint's index, the constraint's name)
     * @param leadingColumns the plain columns the index starts with, up to its first expression
     * @param partial whether the index has a {@code WHERE} predicate
     * @param method the access method, e.g. {@code btree}
     * @param constraintBacked whether a constraint owns the index ({@code DROP INDEX} cannot drop it)
     */
    record Index(String name, QualifiedName table, List<String> leadingColumns, boolean partial, String method,
            boolean constraintBacked) {
    }

    /**
     * A table constraint.
     *
     * @param name the constraint's name, PostgreSQL's generated name when none was given
     * @param columns the constrained columns; for a CHECK the columns its condition names
     * @param expression the CHECK condition
     * @param valid whether the constraint is validated (added without NOT VALID, or validated later)
     */
    record Constraint(String name, QualifiedName table, TableConstraint.Kind kind, List<String> columns,
            Optional<Expression> expression, boolean valid) {

        Constraint withValid(boolean isValid) {
            return new Constraint(name, table, kind, columns, expression, isValid);
        }
    }

    private record TableColumns(QualifiedName table, List<String> names) {
    }

    private record Partition(QualifiedName parent, QualifiedName child) {
    }

    /**
     * The schema the statements before {@code context}'s declare. During a run's checks, statements come in
     * order, so one model per run is advanced from where it stopped instead of replayed from the start
     * (which made linting quadratic); a query for an earlier statement replays into a fresh model.
     * The returned model must only be read.
     */
    static DeclaredSchema asOf(StatementContext context) {
        Progress progress = context.runState(Progress.class, Progress::new);
        List<Statement> earlier = context.earlierInRun();
        if (progress.applied > earlier.size()) {
            DeclaredSchema fresh = new DeclaredSchema();
            earlier.forEach(fresh::apply);
            return fresh;
        }
        for (int i = progress.applied; i < earlier.size(); i++) {
            progress.schema.apply(earlier.get(i));
        }
        progress.applied = earlier.size();
        return progress.schema;
    }

    /** The run's shared model and how many of the run's statements it has taken in. */
    private static final class Progress {
        final DeclaredSchema schema = new DeclaredSchema();
        int applied;
    }

    /** Takes in one statement's effect. */
    void apply(Statement statement) {
        if (statement instanceof Statement.CreateTable create) {
            createTable(create);
        } else if (statement instanceof Statement.AlterTable alter) {
            for (AlterTableAction action : alter.actions()) {
                alterTable(alter.table(), action);
            }
        } else if (statement instanceof Statement.CreateIndex create) {
            String name = create.name().orElseGet(() -> GeneratedNames.index(create.table().name(), create.elements(),
                    this::relationNameTaken));
            addIndex(new Index(name, create.table(), IndexElements.leadingColumns(create.elements()),
                    create.where().isPresent(), create.method(), false));
        } else if (statement instanceof Statement.Drop drop) {
            for (QualifiedName name : drop.names()) {
                if (drop.kind() == Statement.ObjectKind.TABLE) {
                    forgetTable(name);
                } else if (drop.kind() == Statement.ObjectKind.INDEX) {
                    removeIndexes(indexesByName.get(name.name()), index -> !index.constraintBacked());
                }
            }
        }
    }

    /** The index named {@code name}, if a linted statement created it and it was not dropped since. */
    Optional<Index> index(QualifiedName name) {
        for (Index index : indexesByName.get(name.name())) {
            if (index.name().equals(name.name())
                    && (name.schema().isEmpty() || index.table().schema().isEmpty()
                            || name.schema().equals(index.table().schema()))) {
                return Optional.of(index);
            }
        }
        return Optional.empty();
    }

    /** Every index ever declared on {@code table} by the statements taken in, dropped or not. */
    List<Index> indexesEverDeclared(QualifiedName table) {
        return everDeclaredIndexes.get(table.name()).stream().filter(index -> index.table().sameObjectAs(table))
                .toList();
    }

    /** The constraints of {@code table} known now. */
    List<Constraint> constraints(QualifiedName table) {
        return constraints.get(table.name()).stream().filter(c -> c.table().sameObjectAs(table)).toList();
    }

    /** The constraint of {@code table} named {@code name}. */
    Optional<Constraint> constraint(QualifiedName table, String name) {
        return constraints(table).stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /**
     * Whether a validated constraint already proves {@code column} of {@code table} is never NULL: a
     * CHECK whose condition is (or ANDs in) {@code column IS NOT NULL}, or a PostgreSQL 18 NOT NULL constraint.
     */
    boolean provesNotNull(QualifiedName table, String column) {
        for (Constraint constraint : constraints(table)) {
            if (!constraint.valid()) {
                continue;
            }
            if (constraint.kind() == TableConstraint.Kind.NOT_NULL && constraint.columns().contains(column)) {
                return true;
            }
            if (constraint.kind() == TableConstraint.Kind.CHECK && constraint.expression().isPresent()
                    && CheckExpressions.provesNotNull(constraint.expression().get(), column)) {
                return true;
            }
        }
        return false;
    }

    /** The columns of {@code table} that linted statements declared. */
    List<String> columns(QualifiedName table) {
        for (TableColumns known : columns.get(table.name())) {
            if (known.table().sameObjectAs(table)) {
                return List.copyOf(known.names());
            }
        }
        return List.of();
    }

    /** Whether a statement taken in shows {@code table} is partitioned (PARTITION BY, PARTITION OF, ATTACH…). */
    boolean isPartitioned(QualifiedName table) {
        return partitioned.stream().anyMatch(table::sameObjectAs);
    }

    /** The partitions of {@code table} that statements taken in created or attached, and did not detach. */
    List<QualifiedName> partitionsOf(QualifiedName table) {
        return partitions.stream().filter(p -> p.parent().sameObjectAs(table)).map(Partition::child).toList();
    }

    /** The name PostgreSQL gives a constraint declared without one on {@code table}. */
    String generatedName(QualifiedName table, TableConstraint constraint) {
        String tableName = table.name();
        return switch (constraint.kind()) {
            case PRIMARY_KEY -> GeneratedNames.primaryKey(tableName);
            case UNIQUE -> GeneratedNames.constraint(tableName, constraint.columns(), "key", this::relationNameTaken);
            case FOREIGN_KEY -> GeneratedNames.constraint(tableName, constraint.columns(), "fkey",
                    name -> constraintNameTaken(table, name));
            case CHECK -> checkName(table, constraint.expression());
            case EXCLUDE -> GeneratedNames.constraint(tableName, List.of(), "excl", this::relationNameTaken);
            case NOT_NULL -> GeneratedNames.constraint(tableName, constraint.columns(), "not_null",
                    name -> constraintNameTaken(table, name));
        };
    }

    private String checkName(QualifiedName table, Optional<Expression> condition) {
        List<String> named = condition.map(c -> CheckExpressions.columns(c, columns(table))).orElse(List.of());
        return GeneratedNames.constraint(table.name(), named.size() == 1 ? named : List.of(), "check",
                name -> constraintNameTaken(table, name));
    }

    private void createTable(Statement.CreateTable create) {
        QualifiedName table = create.table();
        forgetTable(table);
        if (create.partitionBy().isPresent()) {
            partitioned.add(table);
        }
        create.partitionOf().ifPresent(parent -> {
            partitioned.add(parent);
            partitions.add(new Partition(parent, table));
        });
        for (ColumnDefinition column : create.columns()) {
            addColumn(table, column);
        }
        for (TableConstraint constraint : create.constraints()) {
            addConstraint(table, constraint, true);
        }
    }

    private void alterTable(QualifiedName table, AlterTableAction action) {
        if (action instanceof AlterTableAction.AddColumn add) {
            addColumn(table, add.column());
        } else if (action instanceof AlterTableAction.AddConstraint add) {
            addConstraint(table, add.constraint(), false);
        } else if (action instanceof AlterTableAction.ValidateConstraint validate) {
            constraint(table, validate.name()).ifPresent(c -> replace(c, c.withValid(true)));
        } else if (action instanceof AlterTableAction.DropConstraint drop) {
            constraint(table, drop.name()).ifPresent(c -> {
                constraints.removeIf(table.name(), candidate -> candidate == c);
                removeIndexes(indexes.get(table.name()), index -> index.constraintBacked()
                        && index.name().equals(c.name()) && index.table().sameObjectAs(table));
            });
        } else if (action instanceof AlterTableAction.RenameConstraint rename) {
            constraint(table, rename.from()).ifPresent(c -> replace(c, new Constraint(rename.to(), c.table(),
                    c.kind(), c.columns(), c.expression(), c.valid())));
        } else if (action instanceof AlterTableAction.RenameTable rename) {
            renameTable(table, new QualifiedName(table.schema(), rename.to()));
        } else if (action instanceof AlterTableAction.DropColumn drop) {
            dropColumn(table, drop.column());
        } else if (action instanceof AlterTableAction.AttachPartition attach) {
            partitioned.add(table);
            partitions.add(new Partition(table, attach.partition()));
        } else if (action instanceof AlterTableAction.DetachPartition detach) {
            partitioned.add(table);
            partitions.removeIf(p -> p.parent().sameObjectAs(table) && p.child().sameObjectAs(detach.partition()));
        }
    }

    private void addColumn(QualifiedName table, ColumnDefinition column) {
        TableColumns known = null;
        for (TableColumns candidate : columns.get(table.name())) {
            if (candidate.table().sameObjectAs(table)) {
                known = candidate;
            }
        }
        if (known == null) {
            known = new TableColumns(table, new ArrayList<>());
            columns.add(known);
        }
        known.names().add(column.name());
        List<String> only = List.of(column.name());
        if (column.primaryKey()) {
            addConstraint(table, new TableConstraint(Optional.empty(), TableConstraint.Kind.PRIMARY_KEY, only,
                    Optional.empty(), Optional.empty(), Optional.empty(), false), true);
        }
        if (column.unique()) {
            addConstraint(table, new TableConstraint(Optional.empty(), TableConstraint.Kind.UNIQUE, only,
                    Optional.empty(), Optional.empty(), Optional.empty(), false), true);
        }
        for (Expression check : column.checks()) {
            String name = GeneratedNames.constraint(table.name(), only, "check",
                    candidate -> constraintNameTaken(table, candidate));
            constraints.add(new Constraint(name, table, TableConstraint.Kind.CHECK, only, Optional.of(check), true));
        }
        column.references().ifPresent(reference -> addConstraint(table, new TableConstraint(Optional.empty(),
                TableConstraint.Kind.FOREIGN_KEY, only, Optional.empty(), Optional.of(reference), Optional.empty(),
                false), true));
    }

    private void addConstraint(QualifiedName table, TableConstraint constraint, boolean alwaysValid) {
        String name = constraint.name().orElseGet(() -> generatedName(table, constraint));
        List<String> constrained = constraint.columns();
        boolean keyConstraint = constraint.kind() == TableConstraint.Kind.PRIMARY_KEY
                || constraint.kind() == TableConstraint.Kind.UNIQUE;
        if (keyConstraint && constraint.usingIndex().isPresent()) {
            Optional<Index> existing = index(new QualifiedName(table.schema(), constraint.usingIndex().get()));
            constrained = existing.map(Index::leadingColumns).orElse(List.of());
            existing.ifPresent(index -> removeIndexes(List.of(index), candidate -> true));
            name = constraint.name().orElse(constraint.usingIndex().get());
        }
        if (constraint.kind() == TableConstraint.Kind.CHECK) {
            constrained = constraint.expression().map(c -> CheckExpressions.columns(c, columns(table)))
                    .orElse(List.of());
        }
        constraints.add(new Constraint(name, table, constraint.kind(), constrained, constraint.expression(),
                alwaysValid || !constraint.notValid()));
        if (keyConstraint) {
            addIndex(new Index(name, table, constrained, false, "btree", true));
        }
    }

    private void addIndex(Index index) {
        indexes.add(index);
        indexesByName.add(index);
        everDeclaredIndexes.add(index);
    }

    /** Removes the current indexes among {@code candidates} that match, from both lookups. */
    private void removeIndexes(List<Index> candidates, Predicate<Index> condition) {
        List<Index> doomed = candidates.stream().filter(condition).toList();
        for (Index index : doomed) {
            indexes.removeIf(index.table().name(), candidate -> candidate == index);
            indexesByName.removeIf(index.name(), candidate -> candidate == index);
        }
    }

    private void replace(Constraint old, Constraint replacement) {
        constraints.replaceAll(old.table().name(), c -> c == old ? replacement : c);
    }

    private void dropColumn(QualifiedName table, String column) {
        for (TableColumns known : columns.get(table.name())) {
            if (known.table().sameObjectAs(table)) {
                known.names().remove(column);
            }
        }
        constraints.removeIf(table.name(), c -> c.table().sameObjectAs(table) && c.columns().contains(column));
        removeIndexes(indexes.get(table.name()),
                index -> index.table().sameObjectAs(table) && index.leadingColumns().contains(column));
    }

    private void renameTable(QualifiedName table, QualifiedName renamed) {
        columns.replaceAll(table.name(), c -> c.table().sameObjectAs(table) ? new TableColumns(renamed, c.names()) : c);
        constraints.replaceAll(table.name(), c -> c.table().sameObjectAs(table)
                ? new Constraint(c.name(), renamed, c.kind(), c.columns(), c.expression(), c.valid()) : c);
        List<Index> moving = indexes.get(table.name()).stream().filter(i -> i.table().sameObjectAs(table)).toList();
        removeIndexes(moving, i -> true);
        for (Index i : moving) {
            Index moved = new Index(i.name(), renamed, i.leadingColumns(), i.partial(), i.method(), i.constraintBacked());
            indexes.add(moved);
            indexesByName.add(moved);
        }
        partitioned.replaceAll(p -> p.sameObjectAs(table) ? renamed : p);
    }

    private void forgetTable(QualifiedName table) {
        columns.removeIf(table.name(), c -> c.table().sameObjectAs(table));
        constraints.removeIf(table.name(), c -> c.table().sameObjectAs(table));
        removeIndexes(indexes.get(table.name()), i -> i.table().sameObjectAs(table));
        partitioned.removeIf(table::sameObjectAs);
        partitions.removeIf(p -> p.parent().sameObjectAs(table) || p.child().sameObjectAs(table));
    }

    private boolean relationNameTaken(String name) {
        return indexesByName.contains(name);
    }

    private boolean constraintNameTaken(QualifiedName table, String name) {
        return constraints(table).stream().anyMatch(c -> c.name().equals(name));
    }
}
