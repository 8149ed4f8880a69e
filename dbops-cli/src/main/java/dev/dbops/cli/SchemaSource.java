package dev.dbops.cli;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
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
                || DatabaseTarget.isEmbedded(argument);
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
        if (DatabaseTarget.isEmbedded(url)) {
            try (DatabaseTarget target = DatabaseTarget.open(url, initScripts)) {
                return inspector.snapshot(target.connection());
            }
        }
        DatabaseTarget.requireNoInitScripts(initScripts);
        return inspector.snapshot(PostgresUrl.parse(url));
    }
}
