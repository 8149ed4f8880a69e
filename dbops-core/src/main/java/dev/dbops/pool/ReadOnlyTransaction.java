package dev.dbops.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Runs dbops's own queries in a read-only transaction with {@code statement_timeout} and
 * {@code lock_timeout}, rolled back at the end, leaving the connection in auto-commit mode.
 */
final class ReadOnlyTransaction {

    /** The body of the transaction. */
    interface Body<T> {
        T run(Connection connection) throws SQLException;
    }

    private ReadOnlyTransaction() {
    }

    static <T> T run(Connection connection, Duration statementTimeout, Body<T> body) throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                statement.execute("set transaction read only");
            }
            try (PreparedStatement statement = connection.prepareStatement(
                    "select pg_catalog.set_config('statement_timeout', ?, true),"
                            + " pg_catalog.set_config('lock_timeout', ?, true)")) {
                statement.setString(1, statementTimeout.toMillis() + "ms");
                statement.setString(2, Math.min(statementTimeout.toMillis(), 1000) + "ms");
                statement.execute();
            }
            return body.run(connection);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
