package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.lint.StatementContext;
import dev.dbops.sql.QualifiedName;

/**
 * The SQL building blocks the column and table rules put into their fixes: a {@code lock_timeout}
 * preamble, a batched backfill, the version-specific way to make a column NOT NULL without a long
 * lock, and the wording of a lock in messages. Names are quoted only where PostgreSQL needs it.
 */
final class SafeAlternatives {

    /** How many rows one backfill batch changes. */
    static final int BATCH_ROWS = 10_000;

    /** Where a statement goes that must not run in the migration tool's transaction. */
    static final String OUTSIDE_TRANSACTION = "in a migration of its own that runs outside a transaction (Flyway: a"
            + " V…__backfill.sql.conf with executeInTransaction=false; Liquibase: runInTransaction:false)";

    private SafeAlternatives() {
    }

    /** An identifier as SQL, quoted when needed: {@code orders}, {@code "Order"}. */
    static String ident(String name) {
        return QualifiedName.of(name).display();
    }

    /** A string literal of {@code value}. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A name in the schema of {@code table}: for indexes, constraints, sequences, functions. */
    static QualifiedName sibling(QualifiedName table, String name) {
        return new QualifiedName(table.schema(), name);
    }

    /** "ACCESS EXCLUSIVE lock (blocks reads and writes)". */
    static String lock(LockMode mode) {
        return mode.sqlName() + " lock (" + mode.blockedDescription() + ")";
    }

    /** "an ACCESS EXCLUSIVE lock (blocks reads and writes)", "a SHARE lock (blocks writes)". */
    static String aLock(LockMode mode) {
        return (mode.sqlName().startsWith("A") || mode.sqlName().startsWith("E") ? "an " : "a ") + lock(mode);
    }

    /**
     * {@code SET [LOCAL] lock_timeout = '2s';} and a line break, or nothing when a lock timeout is already
     * in effect for the statement.
     */
    static String lockTimeout(StatementContext context) {
        if (context.lockTimeoutSet()) {
            return "";
        }
        return (context.inTransaction() ? "SET LOCAL" : "SET") + " lock_timeout = '2s';  -- retry when it times out\n";
    }

    /**
     * One batch of a backfill, to repeat until it changes 0 rows; the {@code pending} condition is repeated
     * outside the sub-select so that a ctid shared by two partitions cannot touch a finished row.
     */
    static String batchedUpdate(QualifiedName table, String assignments, String pending) {
        String t = table.display();
        return "UPDATE " + t + " SET " + assignments + " WHERE " + pending + " AND ctid = ANY (ARRAY(SELECT ctid FROM "
                + t + " WHERE " + pending + " LIMIT " + BATCH_ROWS + "));";
    }

    /** One batch of a table-wide delete, to repeat until it deletes 0 rows. */
    static String batchedDelete(QualifiedName table, String condition) {
        String t = table.display();
        String where = condition.isEmpty() ? "" : " WHERE " + condition;
        String and = condition.isEmpty() ? "" : "(" + condition + ") AND ";
        return "DELETE FROM " + t + " WHERE " + and + "ctid = ANY (ARRAY(SELECT ctid FROM " + t + where + " LIMIT "
                + BATCH_ROWS + "));";
    }

    /**
     * The statements that make an existing, backfilled column NOT NULL without scanning under ACCESS
     * EXCLUSIVE: on 18 a NOT NULL constraint added NOT VALID and validated; on 12–17 a CHECK constraint
     * that SET NOT NULL can use instead of its own scan.
     */
    static String notNullSteps(int pgVersion, QualifiedName table, String column) {
        String t = table.display();
        String c = ident(column);
        String constraint = ident(table.name() + "_" + column + "_not_null");
        if (pgVersion >= 18) {
            return "ALTER TABLE " + t + " ADD CONSTRAINT " + constraint + " NOT NULL " + c + " NOT VALID;\n"
                    + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + constraint + ";  -- scans under SHARE UPDATE"
                    + " EXCLUSIVE, reads and writes go on\n";
        }
        return "ALTER TABLE " + t + " ADD CONSTRAINT " + constraint + " CHECK (" + c + " IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + constraint + ";  -- scans under SHARE UPDATE"
                + " EXCLUSIVE, reads and writes go on\n"
                + "ALTER TABLE " + t + " ALTER COLUMN " + c + " SET NOT NULL;  -- no scan: the valid CHECK proves it\n"
                + "ALTER TABLE " + t + " DROP CONSTRAINT " + constraint + ";\n";
    }
}
