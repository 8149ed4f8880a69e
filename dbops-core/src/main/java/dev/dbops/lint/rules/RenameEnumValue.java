package dev.dbops.lint.rules;

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

/**
 * {@code ALTER TYPE … RENAME VALUE} renames an enum label in place: application code still running writes
 * and compares the old label and breaks at once. Types created earlier in the linted migrations are
 * exempt (nothing uses them yet), which needs the whole run, so the rule reports from {@link #afterAll}.
 */
final class RenameEnumValue extends AbstractRule {

    RenameEnumValue() {
        super("rename-enum-value", Severity.WARNING,
                "ALTER TYPE … RENAME VALUE renames an enum label in place, breaking code that still uses the old one.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        return List.of();
    }

    @Override
    public List<StatementFinding> afterAll(List<StatementContext> statements) {
        List<StatementFinding> findings = new ArrayList<>();
        List<QualifiedName> createdTypes = new ArrayList<>();
        for (StatementContext context : statements) {
            Statement statement = context.statement();
            ClauseReader.createdEnumType(statement).ifPresent(createdTypes::add);
            if (statement instanceof Statement.AlterEnum alter && !alter.addValue() && alter.renamedFrom().isPresent()
                    && createdTypes.stream().noneMatch(type -> type.sameObjectAs(alter.type()))) {
                findings.add(new StatementFinding(context, finding(alter, alter.renamedFrom().get())));
            }
        }
        return findings;
    }

    private static Finding finding(Statement.AlterEnum alter, String oldLabel) {
        String type = alter.type().display();
        String from = MaintenanceWording.sqlString(oldLabel);
        String to = MaintenanceWording.sqlString(alter.value());
        String message = "ALTER TYPE " + type + " RENAME VALUE " + from + " TO " + to
                + " renames the label in place: application code still running that writes " + from
                + " fails with \"invalid input value for enum " + type + "\", and code that compares with " + from
                + " stops matching; it takes no table lock and rewrites nothing, the danger is the deploy order";
        String fix = "-- 1. add the new label in its own migration (it can be used once that migration has committed):\n"
                + "ALTER TYPE " + type + " ADD VALUE IF NOT EXISTS " + to + " AFTER " + from + ";\n"
                + "-- 2. deploy code that reads both " + from + " and " + to + " and writes only " + to + "\n"
                + "-- 3. move the rows in batches, for each column of type " + type + ", found with\n"
                + "--    " + MaintenanceWording.columnsOfType(alter.type()) + "\n"
                + "UPDATE <table> SET <column> = " + to + " WHERE <column> = " + from + ";\n"
                + "-- 4. leave " + from + " unused: PostgreSQL cannot drop an enum label";
        return Finding.of(message, LockMode.NONE, TableImpact.NONE, fix);
    }
}
