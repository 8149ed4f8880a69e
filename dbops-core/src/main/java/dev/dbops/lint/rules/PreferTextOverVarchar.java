package dev.dbops.lint.rules;

import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.rules.DeclaredColumns.Declared;
import dev.dbops.lint.rules.DeclaredColumns.Origin;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TypeName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A column declared {@code varchar(n)} or {@code char(n)} (plain {@code char} is {@code char(1)}) in
 * {@code CREATE TABLE}, {@code ADD COLUMN} or {@code ALTER COLUMN … TYPE}. Storage is the same as
 * {@code text}, but the limit lives in the type: lowering it later is a type change that takes ACCESS
 * EXCLUSIVE and rewrites the table, while {@code text} with a {@code CHECK (char_length(x) <= n)}
 * constraint can be changed with {@code ADD … NOT VALID} and a {@code VALIDATE} that blocks nobody.
 * {@code char(n)} also pads with blanks. Unbounded {@code varchar}, arrays and temporary tables are not reported.
 */
final class PreferTextOverVarchar extends AbstractRule {

    static final String ID = "prefer-text-over-varchar";

    PreferTextOverVarchar() {
        super(ID, Severity.INFO,
                "Length limits should be CHECK constraints on text, which can be changed without locking the table, "
                        + "not varchar(n) or char(n).");
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
            Optional<Integer> limit = type.is("character varying") ? type.length()
                    : type.is("character") ? Optional.of(type.length().orElse(1)) : Optional.empty();
            if (limit.isEmpty()) {
                continue;
            }
            String message = "Column " + column.display() + " is " + type.text() + ": the length limit is part of the "
                    + "type, so tightening it later is ALTER COLUMN … TYPE, which takes ACCESS EXCLUSIVE (blocks reads "
                    + "and writes) and rewrites the table"
                    + (type.is("character") ? ", and char(n) pads every value with blanks" : "")
                    + "; text with a CHECK constraint stores the same and can be changed with NOT VALID + VALIDATE";
            findings.add(Finding.of(message, StatementLocks.strongestOnLive(context), TableImpact.NONE,
                    fix(context, column, limit.get())));
        }
        return findings;
    }

    private static String fix(StatementContext context, Declared column, int limit) {
        String name = QualifiedName.of(column.column()).display();
        String check = "CHECK (char_length(" + name + ") <= " + limit + ")";
        Statement statement = context.statement();
        boolean newTable = column.origin() == Origin.CREATE_TABLE || context.isNewTable(column.table());
        if (newTable) {
            return StatementWording.replaceColumnType(statement, column.column(), column.type().text(), "text " + check)
                    .map(sql -> sql + ";").orElse("-- declare the column as: " + name + " text " + check);
        }
        String constraint = QualifiedName.of(StatementWording.generatedName(column.table().name(), column.column(),
                "max_length")).display();
        String validate = "\n-- then, in a later transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on):\n"
                + "ALTER TABLE " + column.table().display() + " VALIDATE CONSTRAINT " + constraint + ";";
        return StatementWording.replaceColumnType(statement, column.column(), column.type().text(), "text")
                .map(sql -> sql + ",\n    ADD CONSTRAINT " + constraint + " " + check + " NOT VALID;" + validate)
                .orElse("-- use text, and add the limit as: ALTER TABLE " + column.table().display()
                        + " ADD CONSTRAINT " + constraint + " " + check + " NOT VALID;" + validate);
    }
}
