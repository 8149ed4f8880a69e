package dev.dbops.lint.rules;

import dev.dbops.LockMode;
import dev.dbops.sql.QualifiedName;

/** The phrases and SQL fragments the maintenance and partition rules share in their messages and fixes. */
final class MaintenanceWording {

    /** How to run one statement outside the migration tool's transaction. */
    static final String OUTSIDE_TRANSACTION = "in its own migration, outside a transaction (Flyway: a V…__x.sql.conf"
            + " next to it with executeInTransaction=false; Liquibase: runInTransaction:false)";

    private MaintenanceWording() {
    }

    /** "ACCESS EXCLUSIVE lock (blocks reads and writes)". */
    static String lock(LockMode mode) {
        return mode.sqlName() + " lock (" + mode.blockedDescription() + ")";
    }

    /** One identifier as SQL, quoted only where PostgreSQL needs it. */
    static String identifier(String name) {
        return QualifiedName.of(name).display();
    }

    /** A string constant in SQL. */
    static String sqlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** A catalog query that lists every column of the given type, to find what a type or domain change touches. */
    static String columnsOfType(QualifiedName type) {
        return "SELECT attrelid::regclass AS table_name, attname AS column_name FROM pg_attribute WHERE atttypid = "
                + sqlString(type.display()) + "::regtype AND attnum > 0 AND NOT attisdropped;";
    }

    /** A table name as a pg_repack command-line argument, quoted for the shell when needed. */
    static String shellArgument(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
            if (!plain) {
                return "'" + value.replace("'", "'\\''") + "'";
            }
        }
        return value;
    }
}
