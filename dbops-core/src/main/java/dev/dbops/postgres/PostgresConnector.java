package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * Opens JDBC connections to PostgreSQL with dbops's defaults and turns connection failures into
 * {@link DbopsException}s that say what went wrong and how to fix it.
 *
 * <p>Defaults, each overridden by the same parameter in the URL: {@code connectTimeout} and
 * {@code loginTimeout} {@value #TIMEOUT_SECONDS} s, no {@code socketTimeout} (a long migration must
 * not be cut off), {@code ApplicationName} {@value #APPLICATION_NAME}, {@code assumeMinServerVersion}
 * {@value #ASSUME_MIN_SERVER_VERSION} (no setup round trips after the login).
 */
public final class PostgresConnector {

    /** The oldest PostgreSQL release dbops works with, as {@code server_version_num}. */
    public static final int MINIMUM_VERSION_NUM = 120_000;

    /** Seconds to wait for the TCP connection and for the login, each. */
    static final int TIMEOUT_SECONDS = 10;

    /** The {@code application_name} dbops's sessions show in {@code pg_stat_activity}. */
    static final String APPLICATION_NAME = "dbops";

    /**
     * Tells pgjdbc the server is 9.0 or newer, so that it sends {@code application_name} and
     * {@code extra_float_digits} in the startup packet instead of two {@code SET} round trips after
     * the login. dbops needs 12 anyway; a server older than 9.0 would refuse the login with
     * "unrecognized configuration parameter" instead of being told it is too old.
     */
    static final String ASSUME_MIN_SERVER_VERSION = "9.0";

    private static final Driver DRIVER = new Driver();

    private PostgresConnector() {
    }

    /**
     * Opens a connection to the database the URL names, as the URL's user.
     *
     * @throws DbopsException with {@link ErrorCode#AUTHENTICATION_FAILED} when the server rejects the
     *     user or password, and {@link ErrorCode#CONNECTION_FAILED} when the host is unknown or
     *     unreachable, nothing listens on the port, the database does not exist, or the server refuses
     *     the connection for another reason
     */
    public static Connection open(PostgresUrl url) {
        Objects.requireNonNull(url, "url");
        return open(url, Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    /** Opens a connection with shorter timeouts, for polling a server that is starting. */
    static Connection open(PostgresUrl url, Duration timeout) {
        try {
            Connection connection = DRIVER.connect(url.jdbcUrl(), properties(url, timeout));
            if (connection == null) {
                throw new IllegalStateException("the PostgreSQL driver did not accept " + url.masked());
            }
            return connection;
        } catch (SQLException e) {
            throw translate(e, url);
        }
    }

    /**
     * Reads the server's {@code server_version_num} and rejects servers older than PostgreSQL 12.
     *
     * @return the version number, for example {@code 150019} for 15.19 or {@code 180006} for 18.6
     * @throws DbopsException with {@link ErrorCode#UNSUPPORTED_SERVER_VERSION} for PostgreSQL 11 and
     *     older, or {@link ErrorCode#CONNECTION_FAILED} when the version cannot be read
     */
    public static int requireSupportedVersion(Connection connection) {
        Objects.requireNonNull(connection, "connection");
        int versionNum;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select pg_catalog.current_setting('server_version_num')::int")) {
            rs.next();
            versionNum = rs.getInt(1);
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.CONNECTION_FAILED, "Cannot read the PostgreSQL version of "
                    + describe(connection) + ": " + e.getMessage()
                    + " — check that the connection is open and points at a PostgreSQL server.", e);
        }
        return requireSupportedVersion(versionNum, describe(connection));
    }

    /**
     * Rejects servers older than PostgreSQL 12, given the {@code server_version_num} a caller has
     * already read on the connection (in a query it sends anyway, saving the round trip of
     * {@link #requireSupportedVersion(Connection)}).
     *
     * @return the version number
     * @throws DbopsException with {@link ErrorCode#UNSUPPORTED_SERVER_VERSION} for PostgreSQL 11 and older
     */
    public static int requireSupportedVersion(Connection connection, int versionNum) {
        Objects.requireNonNull(connection, "connection");
        return versionNum >= MINIMUM_VERSION_NUM ? versionNum
                : requireSupportedVersion(versionNum, describe(connection));
    }

    /** The check behind {@link #requireSupportedVersion(Connection)}, on a version number. */
    static int requireSupportedVersion(int versionNum, String where) {
        if (versionNum < MINIMUM_VERSION_NUM) {
            throw new DbopsException(ErrorCode.UNSUPPORTED_SERVER_VERSION, "PostgreSQL " + versionText(versionNum)
                    + " at " + where + " is not supported: dbops needs PostgreSQL 12 or newer"
                    + " — upgrade the server or point dbops at one running PostgreSQL 12 to 18.");
        }
        return versionNum;
    }

    /** {@code 150019} → {@code 15.19}; {@code 90624} → {@code 9.6.24}. */
    static String versionText(int versionNum) {
        if (versionNum >= 100_000) {
            return versionNum / 10_000 + "." + versionNum % 10_000;
        }
        return versionNum / 10_000 + "." + versionNum / 100 % 100 + "." + versionNum % 100;
    }

    static Properties properties(PostgresUrl url, Duration timeout) {
        Properties properties = new Properties();
        url.user().ifPresent(user -> properties.setProperty("user", user));
        url.password().ifPresent(password -> properties.setProperty("password", password));
        String seconds = Long.toString(Math.max(1, timeout.toSeconds()));
        properties.setProperty("connectTimeout", seconds);
        properties.setProperty("loginTimeout", seconds);
        properties.setProperty("socketTimeout", "0");
        properties.setProperty("ApplicationName", APPLICATION_NAME);
        properties.setProperty("assumeMinServerVersion", ASSUME_MIN_SERVER_VERSION);
        return properties;
    }

    /** Maps a driver failure to the dbops error code and a message with the fix; never the password. */
    static DbopsException translate(SQLException e, PostgresUrl url) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String user = url.user().orElse("(none given)");
        String where = url.hostAndPort();
        switch (state) {
            case "28P01":
                return new DbopsException(ErrorCode.AUTHENTICATION_FAILED, "password authentication failed for user "
                        + user + " at " + url.location() + " — check the user and password in --url.", e);
            case "28000":
                return new DbopsException(ErrorCode.AUTHENTICATION_FAILED, "The server at " + url.location()
                        + " rejected user " + user + ": " + e.getMessage()
                        + " — check the user in --url and the server's pg_hba.conf.", e);
            case "3D000":
                return new DbopsException(ErrorCode.CONNECTION_FAILED, "Database \"" + url.database()
                        + "\" does not exist on " + where + " — create it (createdb " + url.database()
                        + ") or fix the database name in --url.", e);
            default:
                break;
        }
        if (state.equals("08004") && url.password().isEmpty()) {
            return new DbopsException(ErrorCode.AUTHENTICATION_FAILED, "The server at " + url.location()
                    + " wants a password for user " + user + " but the URL gives none: " + e.getMessage()
                    + " — add the password to --url.", e);
        }
        if (hasCause(e, UnknownHostException.class)) {
            return new DbopsException(ErrorCode.CONNECTION_FAILED, "Cannot connect to PostgreSQL at " + where
                    + ": the host " + url.host() + " is unknown — check the host name in --url.", e);
        }
        if (hasCause(e, ConnectException.class) || hasCause(e, NoRouteToHostException.class)) {
            return new DbopsException(ErrorCode.CONNECTION_FAILED, "Cannot connect to PostgreSQL at " + where
                    + ": the connection was refused — check that the server is running and listening on port "
                    + url.port() + ", and the host and port in --url.", e);
        }
        if (hasCause(e, SocketTimeoutException.class)) {
            return new DbopsException(ErrorCode.CONNECTION_FAILED, "Cannot connect to PostgreSQL at " + where
                    + ": no answer within the connect timeout — check the host and port in --url and any"
                    + " firewall in between, or raise connectTimeout in the URL.", e);
        }
        return new DbopsException(ErrorCode.CONNECTION_FAILED, "Cannot connect to PostgreSQL at " + url.location()
                + " as " + user + " (SQLState " + (state.isEmpty() ? "none" : state) + "): " + e.getMessage()
                + " — check --url and that the server accepts connections.", e);
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String describe(Connection connection) {
        try {
            return PostgresUrl.parse(connection.getMetaData().getURL()).hostAndPort();
        } catch (SQLException | DbopsException e) {
            return "the server";
        }
    }
}
