package dev.dbops.audit;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** Says why a check's query failed and how to fix it; stops the audit when the connection itself is gone. */
final class CheckFailures {

    private CheckFailures() {
    }

    static String describe(SQLException e, Duration statementTimeout, Duration lockTimeout) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String hint = switch (state) {
            case "57014" -> " — the query exceeded statement_timeout (" + statementTimeout.toMillis()
                    + " ms); raise it with DatabaseAudit.builder().statementTimeout(…)";
            case "55P03" -> " — a lock was held by another session for longer than lock_timeout ("
                    + lockTimeout.toMillis() + " ms), usually by DDL; run the audit again when it has finished";
            case "42501" -> " — the user lacks a privilege this check needs; grant it pg_monitor (or pg_read_all_stats"
                    + " and pg_stat_scan_tables)";
            default -> "";
        };
        return e.getMessage() + " (SQLState " + (state.isEmpty() ? "none" : state) + ")" + hint;
    }

    /** Throws when the failure broke the connection, since no further check can run on it. */
    static void requireUsable(Connection connection, SQLException e) {
        boolean closed;
        try {
            closed = connection.isClosed();
        } catch (SQLException ignored) {
            closed = true;
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (closed || state.startsWith("08")) {
            throw new DbopsException(ErrorCode.CONNECTION_FAILED, "the connection broke during the audit: "
                    + e.getMessage() + " — check the server and run the audit again", e);
        }
    }
}
