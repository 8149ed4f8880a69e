package dev.dbops.lint.rules;

import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.rules.DeclaredColumns.Declared;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.List;

/**
 * A column declared {@code timestamp} ({@code timestamp without time zone}) in {@code CREATE TABLE},
 * {@code ADD COLUMN} or {@code ALTER COLUMN … TYPE}. It stores a wall-clock reading without its offset, so
 * values written by sessions with different {@code TimeZone} settings, or around a daylight-saving change,
 * cannot be turned back into the instant they meant; {@code timestamptz} stores the instant. Converting the
 * column later takes ACCESS EXCLUSIVE and rewrites the table unless the session {@code TimeZone} is UTC
 * (then, on PostgreSQL 12+, no rewrite). Temporary tables are not reported.
 */
final class PreferTimestamptz extends AbstractRule {

    static final String ID = "prefer-timestamptz";

    PreferTimestamptz() {
        super(ID, Severity.WARNING, "Points in time should be timestamptz, not timestamp without time zone.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        Statement statement = context.statement();
        if (statement instanceof Statement.CreateTable create && create.temporary()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (Declared column : DeclaredColumns.of(statement)) {
            TypeName type = column.type();
            if (!type.name().equals("timestamp without time zone")) {
                continue;
            }
            String replacement = "timestamptz" + (type.modifiers().isEmpty() ? "" : "(" + String.join(",", type.modifiers()) + ")")
                    + "[]".repeat(type.arrayDimensions());
            String fix = StatementWording.replaceColumnType(statement, column.column(), type.text(), replacement)
                    .map(sql -> sql + ";")
                    .orElse("-- declare the column as: " + column.column() + " " + replacement);
            String message = "Column " + column.display() + " is " + type.text() + " (without time zone): it stores a "
                    + "wall-clock reading without its offset, so values written by sessions in different time zones, "
                    + "or around a daylight-saving change, cannot be turned back into the instant they meant; "
                    + "converting it to timestamptz later takes ACCESS EXCLUSIVE (blocks reads and writes) and "
                    + "rewrites the table unless the session TimeZone is UTC (PostgreSQL 12+)";
            findings.add(Finding.of(message, StatementLocks.strongestOnLive(context), TableImpact.NONE, fix));
        }
        return findings;
    }
}
