package dev.dbops.pool;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code pg_stat_activity} for the inspector, in one read-only transaction with timeouts. */
final class SessionActivity {

    /** What one read found. */
    record Snapshot(List<BackendSession> sessions, List<SessionGroup> groups, ServerConnections server) {
    }

    private static final String GROUPS = "select coalesce(a.application_name, ''), coalesce(a.state, ''), count(*)"
            + " from pg_catalog.pg_stat_activity a where a.backend_type = 'client backend'"
            + " group by 1, 2 order by 3 desc, 1, 2";

    private static final String SESSIONS = "select a.pid, a.state, a.xact_start, a.query_start, a.state_change,"
            + " left(a.query, 500), pg_catalog.now() from pg_catalog.pg_stat_activity a"
            + " where a.backend_type = 'client backend' and a.application_name = ? and a.pid <> pg_catalog.pg_backend_pid()"
            + " order by a.state_change nulls last, a.pid";

    private static final String BUDGET = "select pg_catalog.current_setting('max_connections')::int,"
            + " pg_catalog.current_setting('superuser_reserved_connections')::int,"
            + " coalesce(nullif(pg_catalog.current_setting('reserved_connections', true), ''), '0')::int";

    private SessionActivity() {
    }

    static Snapshot read(Connection connection, String applicationName, Duration statementTimeout) throws SQLException {
        return ReadOnlyTransaction.run(connection, statementTimeout, c -> {
            List<SessionGroup> groups = new ArrayList<>();
            int clients = 0;
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(GROUPS)) {
                while (rs.next()) {
                    groups.add(new SessionGroup(rs.getString(1), rs.getString(2), rs.getInt(3)));
                    clients += rs.getInt(3);
                }
            }
            List<BackendSession> sessions = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement(SESSIONS)) {
                statement.setString(1, applicationName);
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        sessions.add(new BackendSession(rs.getInt(1), applicationName,
                                rs.getString(2) == null ? "" : rs.getString(2), instant(rs.getTimestamp(3)),
                                instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)),
                                rs.getString(6) == null ? "" : rs.getString(6), rs.getTimestamp(7).toInstant()));
                    }
                }
            }
            try (Statement statement = c.createStatement(); ResultSet rs = statement.executeQuery(BUDGET)) {
                rs.next();
                return new Snapshot(sessions, groups, new ServerConnections(rs.getInt(1), rs.getInt(2), rs.getInt(3),
                        clients));
            }
        });
    }

    private static Optional<Instant> instant(Timestamp timestamp) {
        return timestamp == null ? Optional.empty() : Optional.of(timestamp.toInstant());
    }
}
