package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ADD COLUMN} of a {@code serial}/{@code bigserial}/{@code smallserial} or identity column on an
 * existing table: every existing row needs its own sequence value, so the table is rewritten under
 * ACCESS EXCLUSIVE.
 */
final class AddColumnSerialOrIdentity extends AbstractRule {

    AddColumnSerialOrIdentity() {
        super("add-column-serial-or-identity", Severity.ERROR,
                "ADD COLUMN serial or GENERATED … AS IDENTITY rewrites the whole table under ACCESS EXCLUSIVE.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddColumn add
                    && (add.column().isSerial() || add.column().identity().isPresent())) {
                findings.add(finding(context, alter.table(), add.column()));
            }
        }
        return findings;
    }

    private static Finding finding(StatementContext context, QualifiedName table, ColumnDefinition column) {
        String t = table.display();
        String c = SafeAlternatives.ident(column.name());
        boolean identity = column.identity().isPresent();
        String kind = identity ? "GENERATED " + column.identity().get() + " AS IDENTITY" : column.type().text();
        String type = identity ? column.type().text() : plainType(column);
        QualifiedName sequence = SafeAlternatives.sibling(table, table.name() + "_" + column.name() + "_backfill_seq");
        String message = "ADD COLUMN " + c + " " + (identity ? type + " " : "") + kind + " on " + t + " "
                + TableImpact.REWRITE.description() + " under an " + SafeAlternatives.lock(LockMode.ACCESS_EXCLUSIVE)
                + ": every existing row gets its own sequence value";
        StringBuilder fix = new StringBuilder();
        fix.append(SafeAlternatives.lockTimeout(context))
                .append("ALTER TABLE ").append(t).append(" ADD COLUMN ").append(c).append(' ').append(type)
                .append(";\n")
                .append("CREATE SEQUENCE ").append(sequence.display()).append(" AS ").append(type).append(" OWNED BY ")
                .append(t).append('.').append(c).append(";\n")
                .append("ALTER TABLE ").append(t).append(" ALTER COLUMN ").append(c).append(" SET DEFAULT nextval(")
                .append(SafeAlternatives.literal(sequence.display())).append(");  -- new rows only: no rewrite\n")
                .append("-- backfill the existing rows ").append(SafeAlternatives.OUTSIDE_TRANSACTION)
                .append(", repeated until it updates 0 rows:\n")
                .append(SafeAlternatives.batchedUpdate(table,
                        c + " = nextval(" + SafeAlternatives.literal(sequence.display()) + ")", c + " IS NULL"))
                .append("\n-- then NOT NULL without a long lock:\n")
                .append(SafeAlternatives.notNullSteps(context.pgVersion(), table, column.name()));
        if (identity) {
            fix.append("-- and turn it into the identity column, in one transaction (catalog only, no rewrite):\n")
                    .append("ALTER TABLE ").append(t).append(" ALTER COLUMN ").append(c).append(" DROP DEFAULT;\n")
                    .append("DROP SEQUENCE ").append(sequence.display()).append(";\n")
                    .append("ALTER TABLE ").append(t).append(" ALTER COLUMN ").append(c).append(" ADD GENERATED ")
                    .append(column.identity().get()).append(" AS IDENTITY;\n")
                    .append("SELECT setval(pg_get_serial_sequence(").append(SafeAlternatives.literal(t)).append(", ")
                    .append(SafeAlternatives.literal(column.name())).append("), (SELECT max(").append(c)
                    .append(") FROM ").append(t).append("));\n");
        }
        if (column.primaryKey() || column.unique()) {
            fix.append("-- the ").append(column.primaryKey() ? "primary key" : "unique constraint")
                    .append(": CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … USING INDEX")
                    .append(column.primaryKey() ? " (see primary-key-builds-index)"
                            : " (see unique-constraint-builds-index)")
                    .append('\n');
        }
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.REWRITE, fix.toString().strip());
    }

    /** The integer type behind a serial pseudo-type. */
    private static String plainType(ColumnDefinition column) {
        if (column.type().is("bigserial")) {
            return "bigint";
        }
        return column.type().is("smallserial") ? "smallint" : "integer";
    }
}
