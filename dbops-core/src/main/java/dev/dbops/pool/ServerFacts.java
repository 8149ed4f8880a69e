package dev.dbops.pool;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the sizer needs to know about the PostgreSQL server: its connection budget and, when known,
 * its CPU cores and idle-session limit.
 *
 * <p>The values are taken as stated; {@link PoolSizer.Builder#build()} checks that they are
 * consistent. Use {@link #postgresDefaults()} and the {@code with…} methods, or {@link #read} from a
 * live server.
 *
 * @param maxConnections {@code max_connections}
 * @param superuserReservedConnections {@code superuser_reserved_connections}
 * @param reservedConnections {@code reserved_connections} (PostgreSQL 16+; 0 before)
 * @param otherConnections connections other clients use: other apps, migrations, cron jobs, BI, monitoring
 * @param cpuCores the server's CPU cores (not hyper-threads), if known: the base of HikariCP's guidance
 * @param majorVersion the server's major version, if known
 * @param idleSessionTimeout {@code idle_session_timeout} (PostgreSQL 14+), when it is set (non-zero)
 * @param source where the figures come from, for the explanation
 */
public record ServerFacts(int maxConnections, int superuserReservedConnections, int reservedConnections,
        int otherConnections, OptionalInt cpuCores, OptionalInt majorVersion, Optional<Duration> idleSessionTimeout,
        String source) {

    private static final String QUERY = "select pg_catalog.current_setting('server_version_num')::int,"
            + " pg_catalog.current_setting('max_connections')::int,"
            + " pg_catalog.current_setting('superuser_reserved_connections')::int,"
            + " coalesce(nullif(pg_catalog.current_setting('reserved_connections', true), ''), '0')::int,"
            + " (select s.setting::bigint from pg_catalog.pg_settings s where s.name = 'idle_session_timeout'),"
            + " (select count(*) from pg_catalog.pg_stat_activity a where a.backend_type = 'client backend'"
            + "   and a.pid <> pg_catalog.pg_backend_pid() and a.application_name is distinct from ?)";

    /** Checks that nothing is null. */
    public ServerFacts {
        Objects.requireNonNull(cpuCores, "cpuCores");
        Objects.requireNonNull(majorVersion, "majorVersion");
        Objects.requireNonNull(idleSessionTimeout, "idleSessionTimeout");
        Objects.requireNonNull(source, "source");
    }

    /**
     * PostgreSQL's defaults: {@code max_connections} 100, {@code superuser_reserved_connections} 3,
     * {@code reserved_connections} 0, no other clients, cores and version unknown.
     */
    public static ServerFacts postgresDefaults() {
        return new ServerFacts(100, 3, 0, 0, OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                "PostgreSQL defaults, not read from a server");
    }

    /**
     * Reads the budget from a live server in a read-only transaction: {@code max_connections},
     * {@code superuser_reserved_connections}, {@code reserved_connections}, {@code idle_session_timeout},
     * and as other connections the client backends now connected, except this session and those whose
     * {@code application_name} is {@code applicationName} (the app being sized, which may be running).
     *
     * @param connection a connection in auto-commit mode; it is left in auto-commit mode
     * @param applicationName the sized app's {@code application_name}, whose sessions are not "others"
     * @throws DbopsException with {@link ErrorCode#UNSUPPORTED_SERVER_VERSION} before PostgreSQL 12,
     *     or {@link ErrorCode#INSPECTION_FAILED} when the query fails
     */
    public static ServerFacts read(Connection connection, Optional<String> applicationName) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(applicationName, "applicationName");
        PostgresConnector.requireSupportedVersion(connection);
        try {
            return ReadOnlyTransaction.run(connection, Duration.ofSeconds(5), c -> {
                try (PreparedStatement statement = c.prepareStatement(QUERY)) {
                    statement.setString(1, applicationName.orElse(null));
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        int versionNum = rs.getInt(1);
                        long idle = rs.getLong(5);
                        return new ServerFacts(rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(6),
                                OptionalInt.empty(), OptionalInt.of(versionNum / 10_000),
                                idle > 0 ? Optional.of(Duration.ofMillis(idle)) : Optional.empty(),
                                "read from " + describe(c) + " (PostgreSQL " + versionNum / 10_000 + "."
                                        + versionNum % 10_000 + ")" + applicationName.map(name ->
                                                "; other clients exclude application_name '" + name + "'").orElse(""));
                    }
                }
            });
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.INSPECTION_FAILED, "reading the connection budget failed: "
                    + e.getMessage() + " — check that the user may read pg_settings and pg_stat_activity", e);
        }
    }

    /** These facts with another {@code max_connections}. */
    public ServerFacts withMaxConnections(int value) {
        return new ServerFacts(value, superuserReservedConnections, reservedConnections, otherConnections, cpuCores,
                majorVersion, idleSessionTimeout, source);
    }

    /** These facts with another {@code superuser_reserved_connections}. */
    public ServerFacts withSuperuserReservedConnections(int value) {
        return new ServerFacts(maxConnections, value, reservedConnections, otherConnections, cpuCores, majorVersion,
                idleSessionTimeout, source);
    }

    /** These facts with another {@code reserved_connections} (PostgreSQL 16+). */
    public ServerFacts withReservedConnections(int value) {
        return new ServerFacts(maxConnections, superuserReservedConnections, value, otherConnections, cpuCores,
                majorVersion, idleSessionTimeout, source);
    }

    /** These facts with another count of connections used by other clients. */
    public ServerFacts withOtherConnections(int value) {
        return new ServerFacts(maxConnections, superuserReservedConnections, reservedConnections, value, cpuCores,
                majorVersion, idleSessionTimeout, source);
    }

    /** These facts with the server's CPU cores. */
    public ServerFacts withCpuCores(int value) {
        return new ServerFacts(maxConnections, superuserReservedConnections, reservedConnections, otherConnections,
                OptionalInt.of(value), majorVersion, idleSessionTimeout, source);
    }

    /** These facts with the server's major version. */
    public ServerFacts withMajorVersion(int value) {
        return new ServerFacts(maxConnections, superuserReservedConnections, reservedConnections, otherConnections,
                cpuCores, OptionalInt.of(value), idleSessionTimeout, source);
    }

    /** These facts with an {@code idle_session_timeout}. */
    public ServerFacts withIdleSessionTimeout(Duration value) {
        return new ServerFacts(maxConnections, superuserReservedConnections, reservedConnections, otherConnections,
                cpuCores, majorVersion, Optional.of(value), source);
    }

    /** These facts with another description of where they come from. */
    public ServerFacts withSource(String value) {
        return new ServerFacts(maxConnections, superuserReservedConnections, reservedConnections, otherConnections,
                cpuCores, majorVersion, idleSessionTimeout, value);
    }

    /** Connections left for the sized app: max − superuser-reserved − reserved − others (may be ≤ 0). */
    public int availableConnections() {
        return maxConnections - superuserReservedConnections - reservedConnections - otherConnections;
    }

    private static String describe(Connection connection) throws SQLException {
        String url = connection.getMetaData().getURL();
        int start = url.indexOf("//");
        if (start < 0) {
            return "the server";
        }
        int end = url.indexOf('/', start + 2);
        return end < 0 ? url.substring(start + 2) : url.substring(start + 2, end);
    }
}
