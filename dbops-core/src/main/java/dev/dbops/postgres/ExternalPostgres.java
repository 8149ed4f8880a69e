package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * An existing PostgreSQL server, reached by URL, that hands out throwaway databases.
 *
 * <p>The URL's user needs the CREATEDB privilege (or superuser). Databases are created with
 * {@code CREATE DATABASE … TEMPLATE template0}; {@link #close()} drops the ones still open and leaves
 * the server running.
 */
public final class ExternalPostgres implements PostgresServer {

    private final PostgresUrl adminUrl;
    private final int versionNum;
    private final DatabaseProvisioner provisioner;

    private ExternalPostgres(PostgresUrl adminUrl, int versionNum) {
        this.adminUrl = adminUrl;
        this.versionNum = versionNum;
        this.provisioner = new DatabaseProvisioner(adminUrl, versionNum);
    }

    /**
     * Connects to the server, checks that it is PostgreSQL 12 or newer and that the user may create
     * databases.
     *
     * @throws DbopsException with {@link ErrorCode#CONNECTION_FAILED} or
     *     {@link ErrorCode#AUTHENTICATION_FAILED} when it cannot connect,
     *     {@link ErrorCode#UNSUPPORTED_SERVER_VERSION} for old servers, and
     *     {@link ErrorCode#INVALID_CONFIGURATION} when the user lacks CREATEDB
     */
    public static ExternalPostgres connect(PostgresUrl adminUrl) {
        Objects.requireNonNull(adminUrl, "adminUrl");
        try (Connection connection = PostgresConnector.open(adminUrl)) {
            int versionNum = PostgresConnector.requireSupportedVersion(connection);
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select current_user, rolcreatedb or rolsuper"
                            + " from pg_catalog.pg_roles where rolname = current_user")) {
                if (rs.next() && !rs.getBoolean(2)) {
                    throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "User " + rs.getString(1) + " at "
                            + adminUrl.hostAndPort() + " may not create databases, and dbops needs to create a"
                            + " throwaway database per test — grant it (ALTER ROLE … CREATEDB), use another user in"
                            + " the URL, or use DBOPS_TEST_POSTGRES=embedded.");
                }
            }
            return new ExternalPostgres(adminUrl, versionNum);
        } catch (SQLException e) {
            throw PostgresConnector.translate(e, adminUrl);
        }
    }

    /** The URL given to {@link #connect(PostgresUrl)}. */
    @Override
    public PostgresUrl adminUrl() {
        return adminUrl;
    }

    /** The server's major version, read when connecting. */
    @Override
    public int majorVersion() {
        return versionNum / 10_000;
    }

    /** Creates an empty database with a unique name; see {@link PostgresServer#createDatabase()}. */
    @Override
    public PostgresDatabase createDatabase() {
        return provisioner.create();
    }

    /** Drops the databases this object created that are still open; the server keeps running. */
    @Override
    public void close() {
        provisioner.close(true);
    }

    /** The masked URL. */
    @Override
    public String toString() {
        return "ExternalPostgres[" + adminUrl.masked() + "]";
    }
}
