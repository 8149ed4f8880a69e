package dev.dbops.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The audit's connection and what it learned about the server once: version, settings, installed
 * extensions, recovery state. Each check runs in its own short {@code READ ONLY} transaction with
 * {@code statement_timeout}, {@code lock_timeout} and an empty {@code search_path}, so a check holds
 * what little it locks only for as long as its own queries run.
 */
final class AuditSession {

    private final Connection connection;
    private final AuditThresholds thresholds;
    private final Duration statementTimeout;
    private final Duration lockTimeout;
    private final Predicate<String> schemaFilter;
    private final Optional<QueryStatsSample> baseline;
    private int versionNum;
    private String version;
    private String database;
    private boolean inRecovery;
    private final Map<String, String> settings = new HashMap<>();
    private final Map<String, String> extensionSchemas = new HashMap<>();
    private final Map<String, String> extensionVersions = new HashMap<>();

    AuditSession(Connection connection, AuditThresholds thresholds, Duration statementTimeout, Duration lockTimeout,
            Predicate<String> schemaFilter, Optional<QueryStatsSample> baseline) {
        this.connection = connection;
        this.thresholds = thresholds;
        this.statementTimeout = statementTimeout;
        this.lockTimeout = lockTimeout;
        this.schemaFilter = schemaFilter;
        this.baseline = baseline;
    }

    /** Reads the server facts every check needs, in one read-only transaction. */
    void readServer(int serverVersionNum) throws SQLException {
        this.versionNum = serverVersionNum;
        begin();
        try {
            query("select current_setting('server_version') as version, current_database() as database,"
                    + " pg_is_in_recovery() as in_recovery", row -> {
                        version = row.getString("version").split(" ")[0];
                        database = row.getString("database");
                        inRecovery = row.getBoolean("in_recovery");
                        return null;
                    });
            query("select name, setting from pg_settings", row -> settings.put(row.getString(1), row.getString(2)));
            query("select e.extname, n.nspname, e.extversion from pg_extension e"
                    + " join pg_namespace n on n.oid = e.extnamespace", row -> {
                        extensionSchemas.put(row.getString(1), row.getString(2));
                        return extensionVersions.put(row.getString(1), row.getString(3));
                    });
        } finally {
            end();
        }
    }

    /** Starts a read-only transaction with the audit's timeouts. */
    void begin() throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction read only");
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "select pg_catalog.set_config('statement_timeout', ?, true),"
                        + " pg_catalog.set_config('lock_timeout', ?, true),"
                        + " pg_catalog.set_config('search_path', '', true)")) {
            statement.setString(1, statementTimeout.toMillis() + "ms");
            statement.setString(2, lockTimeout.toMillis() + "ms");
            statement.execute();
        }
    }

    /** Ends the transaction begun by {@link #begin()}; nothing was written, so it rolls back. */
    void end() throws SQLException {
        try {
            connection.rollback();
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** Rolls back a transaction a failed query aborted, and begins a new one for the same check. */
    void restart() throws SQLException {
        end();
        begin();
    }

    /** Runs a query with positional parameters and reads every row; rows the reader maps to null are left out. */
    <T> List<T> query(String sql, Rows.Reader<T> reader, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    T value = reader.read(row);
                    if (value != null) {
                        rows.add(value);
                    }
                }
            }
            return rows;
        }
    }

    AuditThresholds thresholds() {
        return thresholds;
    }

    long count(AuditThreshold threshold) {
        return thresholds.count(threshold);
    }

    double ratio(AuditThreshold threshold) {
        return thresholds.ratio(threshold);
    }

    Duration duration(AuditThreshold threshold) {
        return thresholds.duration(threshold);
    }

    /** {@code server_version_num}, e.g. {@code 150019}. */
    int versionNum() {
        return versionNum;
    }

    /** Whether the server is PostgreSQL {@code major} or newer. */
    boolean atLeast(int major) {
        return versionNum >= major * 10_000;
    }

    String version() {
        return version;
    }

    String database() {
        return database;
    }

    /** Whether the server is a standby (in recovery). */
    boolean inRecovery() {
        return inRecovery;
    }

    /** A server setting as {@code pg_settings.setting} shows it (no unit), if the server has it. */
    Optional<String> setting(String name) {
        return Optional.ofNullable(settings.get(name));
    }

    /** A numeric server setting; 0 when the server does not have it. */
    double numericSetting(String name) {
        return setting(name).map(Double::parseDouble).orElse(0.0);
    }

    /** The schema an extension is installed in, if it is installed in this database. */
    Optional<String> extensionSchema(String extension) {
        return Optional.ofNullable(extensionSchemas.get(extension));
    }

    /** Whether an installed extension's version is at least {@code major.minor}; false when it is not installed. */
    boolean extensionAtLeast(String extension, int major, int minor) {
        String installed = extensionVersions.get(extension);
        if (installed == null) {
            return false;
        }
        String[] parts = installed.split("\\.");
        int installedMajor = Integer.parseInt(parts[0].replaceAll("\\D.*", ""));
        int installedMinor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
        return installedMajor > major || installedMajor == major && installedMinor >= minor;
    }

    /** Whether objects in this schema are audited ({@code includeSchemas}/{@code excludeSchemas}). */
    boolean includes(String schema) {
        return schemaFilter.test(schema);
    }

    Optional<QueryStatsSample> baseline() {
        return baseline;
    }

    Connection connection() {
        return connection;
    }
}
