package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.StatementFinding;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@code CREATE TABLE} without a primary key, when no later statement of the linted migrations adds one.
 * Without a primary key (or another replica identity), a table published for logical replication rejects
 * {@code UPDATE} and {@code DELETE}; ORMs cannot address single rows; and duplicates cannot be told apart.
 * Adding the key once the table is full builds a unique index under ACCESS EXCLUSIVE.
 *
 * <p>Not reported: temporary tables; {@code PARTITION OF} children (they get the parent's key);
 * {@code CREATE TABLE … AS} (a copy or snapshot; the syntax cannot declare a key — a key added by a later
 * {@code ALTER TABLE} is accepted for any table); {@code CREATE TABLE … (LIKE …)}, whose
 * {@code INCLUDING INDEXES/ALL} copies the source's key (the model does not say which INCLUDING options
 * were given).
 */
final class TableWithoutPrimaryKey extends AbstractRule {

    static final String ID = "table-without-primary-key";

    TableWithoutPrimaryKey() {
        super(ID, Severity.WARNING, "Every table should have a primary key.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            StatementContext context = statements.get(i);
            if (!(context.statement() instanceof Statement.CreateTable create) || exempt(create) || hasPrimaryKey(create)
                    || keyAddedLater(create.table(), statements.subList(i + 1, statements.size()))) {
                continue;
            }
            String message = "Table " + create.table().display() + " has no primary key: if it is published for "
                    + "logical replication, its UPDATEs and DELETEs fail; ORMs cannot address single rows; duplicate "
                    + "rows cannot be told apart; and adding the key once the table is full builds a unique index "
                    + "under ACCESS EXCLUSIVE (" + LockMode.ACCESS_EXCLUSIVE.blockedDescription() + ")";
            findings.add(new StatementFinding(context, Finding.of(message, LockMode.NONE, TableImpact.NONE,
                    "-- right after the CREATE TABLE, while the table is still empty:\n" + addKey(create))));
        }
        return findings;
    }

    private static boolean exempt(Statement.CreateTable create) {
        return create.temporary() || create.partitionOf().isPresent() || create.asQuery() || !create.likeTables().isEmpty();
    }

    private static boolean hasPrimaryKey(Statement.CreateTable create) {
        return create.columns().stream().anyMatch(ColumnDefinition::primaryKey)
                || create.constraints().stream().anyMatch(c -> c.kind() == TableConstraint.Kind.PRIMARY_KEY);
    }

    private static boolean keyAddedLater(QualifiedName created, List<StatementContext> later) {
        QualifiedName table = created;
        for (StatementContext context : later) {
            Statement statement = context.statement();
            if (statement instanceof Statement.AlterTable alter && alter.table().sameObjectAs(table)) {
                for (AlterTableAction action : alter.actions()) {
                    if (action instanceof AlterTableAction.AddConstraint add
                            && add.constraint().kind() == TableConstraint.Kind.PRIMARY_KEY) {
                        return true;
                    }
                    if (action instanceof AlterTableAction.AddColumn add && add.column().primaryKey()) {
                        return true;
                    }
                    if (action instanceof AlterTableAction.RenameTable rename) {
                        table = new QualifiedName(table.schema(), rename.to());
                    }
                }
            } else if (statement instanceof Statement.Drop drop && drop.kind() == Statement.ObjectKind.TABLE
                    && names(drop.names(), table)) {
                return true;
            } else if (statement instanceof Statement.CreateTable again && again.table().sameObjectAs(table)) {
                return false;
            }
        }
        return false;
    }

    private static boolean names(List<QualifiedName> names, QualifiedName table) {
        for (QualifiedName name : names) {
            if (name.sameObjectAs(table)) {
                return true;
            }
        }
        return false;
    }

    private static String addKey(Statement.CreateTable create) {
        String table = create.table().display();
        Optional<List<String>> candidate = candidateKey(create);
        if (candidate.isPresent()) {
            return "ALTER TABLE " + table + " ADD PRIMARY KEY (" + candidate.get().stream()
                    .map(column -> QualifiedName.of(column).display()).collect(Collectors.joining(", ")) + ");";
        }
        return "ALTER TABLE " + table + " ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;";
    }

    /** A column named {@code id}, a UNIQUE column, or the columns of a UNIQUE constraint. */
    private static Optional<List<String>> candidateKey(Statement.CreateTable create) {
        for (ColumnDefinition column : create.columns()) {
            if (column.name().equals("id")) {
                return Optional.of(List.of(column.name()));
            }
        }
        for (ColumnDefinition column : create.columns()) {
            if (column.unique()) {
                return Optional.of(List.of(column.name()));
            }
        }
        for (TableConstraint constraint : create.constraints()) {
            if (constraint.kind() == TableConstraint.Kind.UNIQUE && !constraint.columns().isEmpty()) {
                return Optional.of(constraint.columns());
            }
        }
        return Optional.empty();
    }
}
