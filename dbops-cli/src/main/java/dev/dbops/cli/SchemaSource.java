package dev.dbops.cli;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/** Turns a command-line argument (a database URL, {@code embedded}, or a snapshot file) into a schema. */
final class SchemaSource {

    private SchemaSource() {
    }

    /** Whether the argument names a database rather than a file. */
    static boolean isDatabase(String argument) {
        String lower = argument.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("jdbc:") || lower.startsWith("postgresql://") || lower.startsWith("postgres://")
                || lower.equals("embedded") || lower.startsWith("embedded:");
    }

    /** A schema from a URL or a snapshot file; {@code label} names the argument in messages. */
    static Schema load(String label, String argument, SchemaInspector inspector) {
        if (isDatabase(argument)) {
            return inspect(argument, List.of(), inspector).schema();
        }
        Path file = Path.of(argument);
        if (!Files.isRegularFile(file)) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION, label + " '" + argument
                    + "' is neither a database URL (jdbc:postgresql://…, postgresql://…) nor an existing snapshot"
                    + " file — check the path, or write a snapshot with 'dbops inspect --url … --output FILE'");
        }
        return SchemaSnapshot.read(file).schema();
    }

    /**
     * Inspects the database a URL names. For {@code embedded[:major]} a throwaway server and
     * database are started, the init scripts run on it, and both are removed afterwards; init
     * scripts are refused for any other database, because dbops never writes to a database it
     * did not create.
     */
    static SchemaSnapshot inspect(String url, List<Path> initScripts, SchemaInspector inspector) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("embedded") || lower.startsWith("embedded:")) {
            try (PostgresServer server = PostgresProvider.fromSpec(url);
                 PostgresDatabase database = server.createDatabase();
                 Connection connection = database.connect()) {
                for (Path script : initScripts) {
                    run(connection, script);
                }
                return inspector.snapshot(connection);
            } catch (SQLException e) {
                throw new DbopsException(ErrorCode.CONNECTION_FAILED, "closing the embedded database failed: "
                        + e.getMessage(), e);
            }
        }
        if (!initScripts.isEmpty()) {
            throw new DbopsException(ErrorCode.INVALID_CONFIGURATION,
                    "--init runs SQL and is only allowed with --url embedded: dbops never writes to a database it"
                            + " did not create — remove --init, or inspect an embedded database");
        }
        return inspector.snapshot(PostgresUrl.parse(url));
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
