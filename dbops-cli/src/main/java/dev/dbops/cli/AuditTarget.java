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
 * The database {@code dbops audit} looks at: one named by URL, or, for {@code embedded[:major]}, a
 * throwaway embedded server and database prepared by {@code --init} scripts (for trying the audit
 * out; dbops never runs SQL on a database it did not create).
 */
final class AuditTarget implements AutoCloseable {

    private final PostgresServer server;
    private final PostgresDatabase database;
    private final Connection connection;

    private AuditTarget(PostgresServer server, PostgresDatabase database, Connection connection) {
        this.server = server;
        this.database = database;
        this.connection = connection;
    }

    static AuditTarget open(String url, List<Path> initScripts) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        if (!lower.equals("embedded") && !lower.startsWith("embedded:")) {
            if (!initScripts.isEmpty()) {
                throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, "--init runs SQL and is only allowed with"
                        + " --url embedded: dbops never writes to a database it did not create — remove --init");
            }
            return new AuditTarget(null, null, PostgresConnector.open(PostgresUrl.parse(url)));
        }
        PostgresServer server = PostgresProvider.fromSpec(url);
        PostgresDatabase database = null;
        try {
            database = server.createDatabase();
            Connection connection = database.connect();
            for (Path script : initScripts) {
                run(connection, script);
            }
            return new AuditTarget(server, database, connection);
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
