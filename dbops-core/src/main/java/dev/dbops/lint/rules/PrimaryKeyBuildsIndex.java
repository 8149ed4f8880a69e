package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.OUTSIDE_TRANSACTION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.columnList;
import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;
import static dev.dbops.lint.rules.IndexAndConstraintRules.safeNotNullSteps;
import static dev.dbops.lint.rules.IndexAndConstraintRules.takes;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code primary-key-builds-index}: {@code ADD PRIMARY KEY} (also {@code ADD COLUMN … PRIMARY KEY}, e.g. a new
 * serial or identity key) on an existing table holds ACCESS EXCLUSIVE, blocking reads and writes, while it
 * checks the key columns for NULLs and builds the unique index. The safe path makes the columns NOT NULL
 * without a long lock, builds the index concurrently, and adds the key {@code USING INDEX}.
 */
final class PrimaryKeyBuildsIndex extends AbstractRule {

    PrimaryKeyBuildsIndex() {
        super("primary-key-builds-index", Severity.ERROR,
                "Adding a primary key builds its index under ACCESS EXCLUSIVE, blocking reads and writes.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddConstraint add
                    && add.constraint().kind() == TableConstraint.Kind.PRIMARY_KEY
                    && add.constraint().usingIndex().isEmpty() && !add.constraint().columns().isEmpty()) {
                findings.add(addConstraint(context, alter.table(), add.constraint()));
            } else if (action instanceof AlterTableAction.AddColumn add && add.column().primaryKey()) {
                findings.add(addColumn(context, alter.table(), add.column()));
            }
        }
        return findings;
    }

    private static Finding addConstraint(StatementContext context, QualifiedName table, TableConstraint constraint) {
        String name = constraint.name().orElseGet(() -> GeneratedNames.primaryKey(table.name()));
        String message = "ADD PRIMARY KEY " + quote(name) + " on " + table.display() + " "
                + takes(LockMode.ACCESS_EXCLUSIVE, TableImpact.INDEX_BUILD)
                + ", after scanning the key columns for NULLs unless they are NOT NULL already";
        StringBuilder fix = new StringBuilder("-- 1. make the key columns NOT NULL without a long lock")
                .append(" (skip the columns that are NOT NULL already):\n");
        for (String column : constraint.columns()) {
            fix.append(safeNotNullSteps(table, column, context.pgVersion())).append('\n');
        }
        fix.append(indexSteps(table, name, constraint.columns()));
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.INDEX_BUILD, fix.toString());
    }

    private static Finding addColumn(StatementContext context, QualifiedName table, ColumnDefinition column) {
        String name = GeneratedNames.primaryKey(table.name());
        String col = quote(column.name());
        String message = "ADD COLUMN " + col + " … PRIMARY KEY on " + table.display() + " "
                + takes(LockMode.ACCESS_EXCLUSIVE, TableImpact.INDEX_BUILD)
                + ", after giving every existing row a key value";
        StringBuilder fix = new StringBuilder("ALTER TABLE ").append(table.display()).append(" ADD COLUMN ")
                .append(col).append(' ').append(baseType(column)).append(";  -- no value yet: catalog only\n");
        Optional<String> value = valueExpression(table, column);
        if (column.isSerial() || column.identity().isPresent()) {
            String sequence = GeneratedNames.constraint(table.name(), List.of(column.name()), "seq", n -> false);
            fix.append("CREATE SEQUENCE ").append(new QualifiedName(table.schema(), sequence).display())
                    .append(" OWNED BY ").append(table.display()).append('.').append(col).append(";\n");
        }
        value.ifPresent(expression -> fix.append("ALTER TABLE ").append(table.display()).append(" ALTER COLUMN ")
                .append(col).append(" SET DEFAULT ").append(expression).append(";  -- new rows get a value\n"));
        fix.append("-- fill the existing rows in batches, each committed on its own (UPDATE ").append(table.display())
                .append(" SET ").append(col).append(" = ").append(value.orElse("…")).append(" WHERE ").append(col)
                .append(" IS NULL AND …), then make the column NOT NULL without a long lock:\n");
        fix.append(safeNotNullSteps(table, column.name(), context.pgVersion())).append('\n');
        fix.append(indexSteps(table, name, List.of(column.name())));
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.INDEX_BUILD, fix.toString());
    }

    private static String indexSteps(QualifiedName table, String name, List<String> columns) {
        return OUTSIDE_TRANSACTION + "\n"
                + "CREATE UNIQUE INDEX CONCURRENTLY " + quote(name) + " ON " + table.display() + " "
                + columnList(columns) + ";\n"
                + "-- then (brief ACCESS EXCLUSIVE, no scan: the index becomes the key's):\n"
                + "ALTER TABLE " + table.display() + " ADD CONSTRAINT " + quote(name) + " PRIMARY KEY USING INDEX "
                + quote(name) + ";";
    }

    private static String baseType(ColumnDefinition column) {
        if (column.type().is("serial")) {
            return "integer";
        }
        if (column.type().is("bigserial")) {
            return "bigint";
        }
        if (column.type().is("smallserial")) {
            return "smallint";
        }
        return column.type().text();
    }

    private static Optional<String> valueExpression(QualifiedName table, ColumnDefinition column) {
        if (column.isSerial() || column.identity().isPresent()) {
            String sequence = GeneratedNames.constraint(table.name(), List.of(column.name()), "seq", n -> false);
            String qualified = new QualifiedName(table.schema(), sequence).display();
            return Optional.of("nextval('" + qualified.replace("'", "''") + "')");
        }
        return column.defaultValue().map(expression -> expression.text());
    }
}
