package dev.dbops.backup;

import dev.dbops.schema.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the read-only transaction a fingerprint query runs in: {@code REPEATABLE READ}, optionally in
 * an exported snapshot, with timeouts and the output settings pinned so that text forms of values
 * are the same on every server and session.
 */
final class FingerprintSession {

    /** Settings that decide how values are written as text, pinned identically on both sides. */
    static final Map<String, String> PINNED_SETTINGS = pinned();

    private FingerprintSession() {
    }

    private static Map<String, String> pinned() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("DateStyle", "ISO, YMD");
        settings.put("TimeZone", "UTC");
        settings.put("IntervalStyle", "postgres");
        settings.put("extra_float_digits", "3");
        settings.put("bytea_output", "hex");
        settings.put("lc_monetary", "C");
        // Names in regclass, regtype… values are written schema-qualified.
        settings.put("search_path", "");
        // Fail instead of silently hiding rows that a row-level security policy would filter.
        settings.put("row_security", "off");
        return Map.copyOf(settings);
    }

    /**
     * Begins the transaction on a connection in auto-commit mode; it is left inside the transaction.
     *
     * @param snapshot an exported snapshot to import, or empty for the transaction's own
     */
    static void begin(Connection connection, Optional<String> snapshot, Duration statementTimeout,
            Duration lockTimeout) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set transaction isolation level repeatable read, read only");
            if (snapshot.isPresent()) {
                // Must come before any query of the transaction.
                statement.execute("set transaction snapshot " + Identifiers.literal(snapshot.get()));
            }
        }
        StringBuilder sql = new StringBuilder("select pg_catalog.set_config('statement_timeout', ?, true),"
                + " pg_catalog.set_config('lock_timeout', ?, true)");
        for (int i = 0; i < PINNED_SETTINGS.size(); i++) {
            sql.append(", pg_catalog.set_config(?, ?, true)");
        }
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            statement.setString(1, statementTimeout.toMillis() + "ms");
            statement.setString(2, lockTimeout.toMillis() + "ms");
            int index = 3;
            for (Map.Entry<String, String> setting : PINNED_SETTINGS.entrySet()) {
                statement.setString(index++, setting.getKey());
                statement.setString(index++, setting.getValue());
            }
            statement.executeQuery().close();
        }
    }
}
