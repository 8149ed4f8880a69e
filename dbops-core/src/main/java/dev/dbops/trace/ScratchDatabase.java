package dev.dbops.trace;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.schema.Identifiers;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database a trace runs in: created on the chosen server, marked with a comment that says what it is,
 * and dropped (with its sessions) when the trace ends, whatever happened; a server the trace started is
 * stopped too. No other database of the server is touched.
 */
final class ScratchDatabase implements AutoCloseable {

    /** The start of the comment every scratch database of a trace carries. */
    static final String MARKER = "dbops lock trace scratch database";

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDatabase.class);

    private final PostgresServer server;
    private final boolean ownsServer;
    private final PostgresDatabase database;

    private ScratchDatabase(PostgresServer server, boolean ownsServer, PostgresDatabase database) {
        this.server = server;
        this.ownsServer = ownsServer;
        this.database = database;
    }

    /**
     * Obtains the server from {@code servers} (closing it afterwards when {@code ownsServer}), creates the
     * scratch database and marks it.
     */
    static ScratchDatabase open(Supplier<PostgresServer> servers, boolean ownsServer) {
        PostgresServer server = servers.get();
        PostgresDatabase database = null;
        try {
            database = server.createDatabase();
            try (Connection admin = PostgresConnector.open(server.adminUrl());
                    Statement statement = admin.createStatement()) {
                statement.execute("comment on database " + Identifiers.quote(database.name()) + " is "
                        + Identifiers.literal(MARKER + "; dropped when its trace ends; created " + Instant.now()
                                + " by process " + ProcessHandle.current().pid()));
            }
            LOG.info("Tracing in scratch database {} on {}", database.name(), server);
            return new ScratchDatabase(server, ownsServer, database);
        } catch (SQLException | RuntimeException e) {
            if (database != null) {
                database.close();
            }
            if (ownsServer) {
                server.close();
            }
            if (e instanceof DbopsException dbops) {
                throw dbops;
            }
            throw new DbopsException(ErrorCode.TRACE_FAILED, "Cannot mark the scratch database of the trace on "
                    + server + ": " + e.getMessage() + " — the user needs to own the databases it creates.", e);
        }
    }

    PostgresDatabase database() {
        return database;
    }

    PostgresServer server() {
        return server;
    }

    /** Drops the database, then stops the server when the trace started it. */
    @Override
    public void close() {
        try {
            database.close();
            LOG.debug("Dropped scratch database {}", database.name());
        } finally {
            if (ownsServer) {
                server.close();
            }
        }
    }
}
