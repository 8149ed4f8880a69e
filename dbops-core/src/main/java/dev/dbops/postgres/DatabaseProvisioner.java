package dev.dbops.postgres;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.schema.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates and drops the throwaway databases of one server over one shared admin connection.
 *
 * <p>Databases are copies of {@code template0}: it accepts no connections, so a copy never fails with
 * "source database is being accessed by other users", and it is pristine even on a shared server.
 * Measured on PostgreSQL 15 with fsync off, copying {@code template0}, {@code template1} or a
 * {@code FILE_COPY} variant all take about 10 ms, so the safest template wins.
 */
final class DatabaseProvisioner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseProvisioner.class);
    private static final AtomicLong COUNTER = new AtomicLong();

    private final PostgresUrl adminUrl;
    private final int versionNum;
    private final Set<String> open = ConcurrentHashMap.newKeySet();
    private final Object lock = new Object();
    private Connection admin;
    private boolean closed;

    DatabaseProvisioner(PostgresUrl adminUrl, int versionNum) {
        this.adminUrl = adminUrl;
        this.versionNum = versionNum;
    }

    PostgresDatabase create() {
        String name = "dbops_" + COUNTER.incrementAndGet() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt() | 0x10000000);
        long started = System.nanoTime();
        synchronized (lock) {
            requireOpen();
            try (Statement statement = adminConnection().createStatement()) {
                statement.execute("create database " + Identifiers.quote(name) + " template template0");
            } catch (SQLException e) {
                throw createFailed(name, e);
            }
        }
        open.add(name);
        LOG.debug("Created database {} on {} in {} ms", name, adminUrl.hostAndPort(),
                (System.nanoTime() - started) / 1_000_000);
        return new PostgresDatabase(adminUrl.withDatabase(name), this::drop);
    }

    void drop(String name) {
        synchronized (lock) {
            if (closed) {
                return;
            }
            try {
                Connection connection = adminConnection();
                if (versionNum >= 130_000) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("drop database if exists " + Identifiers.quote(name) + " with (force)");
                    }
                } else {
                    dropOnPostgres12(connection, name);
                }
            } catch (SQLException e) {
                throw new DbopsException(ErrorCode.CONNECTION_FAILED, "Cannot drop the scratch database " + name
                        + " on " + adminUrl.hostAndPort() + ": " + e.getMessage()
                        + " — drop it by hand (DROP DATABASE " + Identifiers.quote(name) + ").", e);
            }
        }
        open.remove(name);
        LOG.debug("Dropped database {} on {}", name, adminUrl.hostAndPort());
    }

    /** PostgreSQL 12 has no {@code WITH (FORCE)}: block new sessions, end the current ones, then drop. */
    private static void dropOnPostgres12(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter database " + Identifiers.quote(name) + " allow_connections false");
        }
        try (PreparedStatement terminate = connection.prepareStatement(
                "select pg_catalog.pg_terminate_backend(pid) from pg_catalog.pg_stat_activity where datname = ?")) {
            terminate.setString(1, name);
            terminate.execute();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + Identifiers.quote(name));
        }
    }

    /** Drops the databases still open (unless {@code dropOpenDatabases} is false) and closes the admin connection. */
    void close(boolean dropOpenDatabases) {
        List<String> leftovers = new ArrayList<>(open);
        if (dropOpenDatabases) {
            for (String name : leftovers) {
                try {
                    drop(name);
                } catch (DbopsException e) {
                    LOG.warn("Leaving scratch database {} on {}: {}", name, adminUrl.hostAndPort(), e.getMessage());
                }
            }
        }
        synchronized (lock) {
            closed = true;
            closeAdminConnection();
        }
    }

    @Override
    public void close() {
        close(true);
    }

    private Connection adminConnection() throws SQLException {
        if (admin == null || !admin.isValid(2)) {
            closeAdminConnection();
            admin = PostgresConnector.open(adminUrl);
            admin.setAutoCommit(true);
        }
        return admin;
    }

    private void closeAdminConnection() {
        if (admin != null) {
            try {
                admin.close();
            } catch (SQLException e) {
                LOG.debug("Closing the admin connection to {} failed: {}", adminUrl.hostAndPort(), e.getMessage());
            }
            admin = null;
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "Cannot create a database on "
                    + adminUrl.hostAndPort() + ": the server was already closed — create databases before closing it.");
        }
    }

    private DbopsException createFailed(String name, SQLException e) {
        String user = adminUrl.user().orElse("(none given)");
        if ("42501".equals(e.getSQLState())) {
            return new DbopsException(ErrorCode.INVALID_CONFIGURATION, "User " + user + " may not create databases on "
                    + adminUrl.hostAndPort() + " — grant it (ALTER ROLE " + Identifiers.quote(user)
                    + " CREATEDB) or use a user that has CREATEDB.", e);
        }
        return new DbopsException(ErrorCode.CONNECTION_FAILED, "Cannot create the scratch database " + name + " on "
                + adminUrl.hostAndPort() + " (SQLState " + e.getSQLState() + "): " + e.getMessage()
                + " — check the server log and its free disk space.", e);
    }
}
