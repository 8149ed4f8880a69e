package dev.dbops.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;

/**
 * The CPU time a PostgreSQL backend has used so far, from {@code /proc/<pid>/schedstat} (the first
 * field, nanoseconds on a CPU). Wall-clock times on a shared machine swing with the load; CPU time
 * is what the work costs, and what bounds it on a machine with few cores. Works when the server
 * runs on this machine under Linux (as the embedded one does); elsewhere it is simply absent.
 */
final class BackendCpu {

    private BackendCpu() {
    }

    /** The backend process behind a connection. */
    static int pid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select pg_catalog.pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** Nanoseconds the process has spent on a CPU, or empty where {@code /proc} cannot tell. */
    static OptionalLong nanos(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "schedstat"));
            return OptionalLong.of(Long.parseLong(stat.substring(0, stat.indexOf(' '))));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
