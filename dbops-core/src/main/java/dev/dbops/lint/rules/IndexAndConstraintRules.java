package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.LintRule;
import dev.dbops.lint.TableImpact;
import dev.dbops.sql.ColumnDefinition;
import dev.dbops.sql.Expression;
import dev.dbops.sql.QualifiedName;
import java.util.ArrayList;
import java.util.List;

/**
 * The index and constraint rules, and the wording and SQL they share: how a lock is described, the note
 * that a CONCURRENTLY statement needs a migration outside a transaction, and the safe NOT NULL steps.
 */
final class IndexAndConstraintRules {

    /** Where SQL that cannot run inside a transaction block must go. */
    static final String OUTSIDE_TRANSACTION_PLACE = "in a migration of its own that runs outside a transaction"
            + " (Flyway: V…__name.sql plus V…__name.sql.conf with executeInTransaction=false;"
            + " Liquibase: runInTransaction:false on the changeset)";

    /** The note every fix carries whose SQL cannot run inside a transaction block. */
    static final String OUTSIDE_TRANSACTION = "-- " + OUTSIDE_TRANSACTION_PLACE + ":";

    /** The note that separates the steps that must commit before the next one starts. */
    static final String LATER_MIGRATION = "-- then, in a later migration (its own transaction):";

    private IndexAndConstraintRules() {
    }

    static List<LintRule> all() {
        return List.of(new RequireConcurrentIndexCreation(), new ConcurrentlyInTransaction(),
                new InvalidIndexLeftover(), new RequireConcurrentIndexDrop(), new RequireConcurrentReindex(),
                new UnindexedForeignKey(), new ForeignKeyNotValid(), new CheckNotValid(),
                new ValidateInSameTransaction(), new UniqueConstraintBuildsIndex(), new PrimaryKeyBuildsIndex(),
                new ExclusionConstraint(), new TypeChangeRevalidatesChecks(), new SetNotNullScan());
    }

    /** {@code SHARE lock (blocks writes)}. */
    static String lock(LockMode mode) {
        return mode.sqlName() + " lock (" + mode.blockedDescription() + ")";
    }

    /** {@code takes SHARE lock (blocks writes) and builds an index from the whole table while holding it}. */
    static String takes(LockMode mode, TableImpact impact) {
        return "takes " + lock(mode) + " and " + impact.description() + " while holding it";
    }

    /** An identifier as it must be written in SQL, quoted only when PostgreSQL needs quotes. */
    static String quote(String identifier) {
        return QualifiedName.of(identifier).display();
    }

    /** {@code (a, b)} with each column quoted as needed. */
    static String columnList(List<String> columns) {
        List<String> quoted = new ArrayList<>();
        for (String column : columns) {
            quoted.add(quote(column));
        }
        return "(" + String.join(", ", quoted) + ")";
    }

    /** {@code orders.customer_id}, for messages. */
    static String column(QualifiedName table, String column) {
        return table.display() + "." + quote(column);
    }

    /**
     * The steps that make {@code column} NOT NULL without scanning under ACCESS EXCLUSIVE: PostgreSQL 18's
     * NOT NULL … NOT VALID constraint, or on 12–17 a CHECK (column IS NOT NULL) that SET NOT NULL can rely on.
     */
    static String safeNotNullSteps(QualifiedName table, String column, int pgVersion) {
        String tableName = table.display();
        String constraint = quote(GeneratedNames.constraint(table.name(), List.of(column), "not_null", n -> false));
        String col = quote(column);
        if (pgVersion >= 18) {
            return "ALTER TABLE " + tableName + " ADD CONSTRAINT " + constraint + " NOT NULL " + col + " NOT VALID;\n"
                    + LATER_MIGRATION + "\n"
                    + "ALTER TABLE " + tableName + " VALIDATE CONSTRAINT " + constraint + ";";
        }
        return "ALTER TABLE " + tableName + " ADD CONSTRAINT " + constraint + " CHECK (" + col
                + " IS NOT NULL) NOT VALID;\n"
                + LATER_MIGRATION + "\n"
                + "ALTER TABLE " + tableName + " VALIDATE CONSTRAINT " + constraint + ";\n"
                + "ALTER TABLE " + tableName + " ALTER COLUMN " + col + " SET NOT NULL;\n"
                + "ALTER TABLE " + tableName + " DROP CONSTRAINT " + constraint + ";";
    }

    /**
     * A column definition written back from the model, leaving out its inline UNIQUE, PRIMARY KEY and
     * REFERENCES (the fixes add those as separate, safer steps).
     */
    static String columnWithoutKeys(ColumnDefinition column) {
        StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(column.type().text());
        column.collation().ifPresent(collation -> sql.append(" COLLATE ").append(collation));
        column.identity().ifPresent(identity -> sql.append(" GENERATED ").append(identity).append(" AS IDENTITY"));
        column.generated().ifPresent(expression -> sql.append(" GENERATED ALWAYS AS (").append(expression.text())
                .append(')').append(column.generatedStored() ? " STORED" : ""));
        column.defaultValue().ifPresent(value -> sql.append(" DEFAULT ").append(value.text()));
        if (column.notNull()) {
            sql.append(" NOT NULL");
        }
        for (Expression check : column.checks()) {
            sql.append(" CHECK (").append(check.text()).append(')');
        }
        return sql.toString();
    }
}
