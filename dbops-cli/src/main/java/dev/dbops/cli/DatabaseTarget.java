package dev.dbops.cli;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.postgres.PostgresUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * The database a command reads ({@code dbops inspect}, {@code dbops audit}): one named by URL, or, for
 * {@code embedded[:major]}, a throwaway embedded server and database prepared by {@code --init} scripts
 * (for trying dbops out; dbops never runs SQL on a database it did not create).
 */
final class DatabaseTarget implements AutoCloseable {

    private final PostgresServer server;
    private final PostgresDatabase database;
    private final Connection connection;

    private DatabaseTarget(PostgresServer server, PostgresDatabase database, Connection connection) {
        this.server = server;
        this.database = database;
        this.connection = connection;
    }

    /** Whether {@code url} asks for a throwaway embedded database ({@code embedded} or {@code embedded:N}). */
    static boolean isEmbedded(String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.equals("embedded") || lower.startsWith("embedded:");
    }

    /** Refuses {@code --init} scripts for a database dbops did not create. */
    static void requireNoInitScripts(List<Path> initScripts) {
        if (!initScripts.isEmpty()) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "--init runs SQL and is only allowed with"
                    + " --url embedded: dbops never writes to a database it did not create — remove --init, or use"
                    + " --url embedded");
        }
    }

    /** Opens the database {@code url} names; for {@code embedded[:major]} creates it and runs the init scripts. */
    static DatabaseTarget open(String url, List<Path> initScripts) {
        if (!isEmbedded(url)) {
            requireNoInitScripts(initScripts);
            return new DatabaseTarget(null, null, PostgresConnector.open(PostgresUrl.parse(url)));
        }
        PostgresServer server = PostgresProvider.fromSpec(url);
        PostgresDatabase database = null;
        try {
            database = server.createDatabase();
            Connection connection = database.connect();
            for (Path script : initScripts) {
                run(connection, script);
            }
            return new DatabaseTarget(server, database, connection);
        } catch (RuntimeException e) {
            if (database != null) {
                database.close();
            }
            server.close();
            throw e;
        }
    }

    Connection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Nothing was written; a failed close changes nothing for the report.
        }
        if (database != null) {
            database.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static void run(Connection connection, Path script) {
        String sql;
        try {
            sql = Files.readString(script, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new DbopsException(ErrorCode.IO_FAILED, "cannot read --init file " + script + ": " + e.getMessage()
                    + " — check the path", e);
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "--init file " + script + " failed: "
                    + e.getMessage() + " — fix the SQL (it runs as one script on an empty database)", e);
        }
    }
}
