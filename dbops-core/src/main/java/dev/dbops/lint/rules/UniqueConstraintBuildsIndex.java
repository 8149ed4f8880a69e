package dev.dbops.lint.rules;

import static dev.dbops.lint.rules.IndexAndConstraintRules.OUTSIDE_TRANSACTION;
import static dev.dbops.lint.rules.IndexAndConstraintRules.columnList;
import static dev.dbops.lint.rules.IndexAndConstraintRules.columnWithoutKeys;
import static dev.dbops.lint.rules.IndexAndConstraintRules.quote;
import static dev.dbops.lint.rules.IndexAndConstraintRules.takes;

import dev.dbops.LockMode;
import dev.dbops.lint.Finding;
import dev.dbops.lint.Severity;
import dev.dbops.lint.StatementContext;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.AlterTableAction;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.Statement;
import dev.dbops.sql.TableConstraint;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code unique-constraint-builds-index}: {@code ADD CONSTRAINT … UNIQUE} and {@code ADD COLUMN … UNIQUE} on an
 * existing table build the constraint's index under ACCESS EXCLUSIVE, blocking reads and writes for the
 * whole build. Building the index with {@code CREATE UNIQUE INDEX CONCURRENTLY} first and then adding the
 * constraint {@code USING INDEX} takes the strong lock only for a moment.
 */
final class UniqueConstraintBuildsIndex extends AbstractRule {

    private static final Pattern INCLUDE = Pattern.compile("(?i)\\binclude\\s*\\([^)]*\\)");
    private static final Pattern NULLS_NOT_DISTINCT = Pattern.compile("(?i)\\bnulls\\s+not\\s+distinct\\b");
    private static final Pattern DEFERRAL = Pattern.compile(
            "(?i)\\b(not\\s+)?deferrable\\b(\\s+initially\\s+(deferred|immediate)\\b)?|\\binitially\\s+deferred\\b");

    UniqueConstraintBuildsIndex() {
        super("unique-constraint-builds-index", Severity.ERROR,
                "Adding a UNIQUE constraint builds its index under ACCESS EXCLUSIVE, blocking reads and writes.");
    }

    @Override
    public List<Finding> check(StatementContext context) {
        if (!(context.statement() instanceof Statement.AlterTable alter) || context.isNewTable(alter.table())) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        for (AlterTableAction action : alter.actions()) {
            if (action instanceof AlterTableAction.AddConstraint add
                    && add.constraint().kind() == TableConstraint.Kind.UNIQUE
                    && add.constraint().usingIndex().isEmpty() && !add.constraint().columns().isEmpty()) {
                findings.add(addConstraint(alter.table(), add));
            } else if (action instanceof AlterTableAction.AddColumn add && add.column().unique()
                    && !add.column().primaryKey()) {
                findings.add(addColumn(alter.table(), add));
            }
        }
        return findings;
    }

    private static Finding addConstraint(QualifiedName table, AlterTableAction.AddConstraint add) {
        TableConstraint constraint = add.constraint();
        String name = constraint.name().orElseGet(() -> generatedName(table, constraint.columns()));
        String message = "ADD UNIQUE " + quote(name) + " on " + table.display() + " "
                + takes(LockMode.ACCESS_EXCLUSIVE, TableImpact.INDEX_BUILD);
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.INDEX_BUILD,
                steps(table, name, constraint.columns(), add.text()));
    }

    private static Finding addColumn(QualifiedName table, AlterTableAction.AddColumn add) {
        String column = add.column().name();
        String name = generatedName(table, List.of(column));
        String message = "ADD COLUMN " + quote(column) + " … UNIQUE on " + table.display() + " "
                + takes(LockMode.ACCESS_EXCLUSIVE, TableImpact.INDEX_BUILD);
        String fix = "ALTER TABLE " + table.display() + " ADD COLUMN " + (add.ifNotExists() ? "IF NOT EXISTS " : "")
                + columnWithoutKeys(add.column()) + ";\n" + steps(table, name, List.of(column), add.text());
        return Finding.of(message, LockMode.ACCESS_EXCLUSIVE, TableImpact.INDEX_BUILD, fix);
    }

    /**
     * CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX, keeping INCLUDE, NULLS NOT
     * DISTINCT and DEFERRABLE as written.
     */
    private static String steps(QualifiedName table, String name, List<String> columns, String written) {
        StringBuilder index = new StringBuilder("CREATE UNIQUE INDEX CONCURRENTLY ").append(quote(name)).append(" ON ")
                .append(table.display()).append(' ').append(columnList(columns));
        Matcher include = INCLUDE.matcher(written);
        if (include.find()) {
            index.append(' ').append(include.group());
        }
        if (NULLS_NOT_DISTINCT.matcher(written).find()) {
            index.append(" NULLS NOT DISTINCT");
        }
        StringBuilder constraint = new StringBuilder("ALTER TABLE ").append(table.display()).append(" ADD CONSTRAINT ")
                .append(quote(name)).append(" UNIQUE USING INDEX ").append(quote(name));
        Matcher deferral = DEFERRAL.matcher(written);
        if (deferral.find()) {
            constraint.append(' ').append(deferral.group().strip());
        }
        return OUTSIDE_TRANSACTION + "\n" + index + ";\n"
                + "-- then (brief ACCESS EXCLUSIVE, no scan: the index becomes the constraint's):\n" + constraint + ";";
    }

    private static String generatedName(QualifiedName table, List<String> columns) {
        return GeneratedNames.constraint(table.name(), columns, "key", n -> false);
    }
}
