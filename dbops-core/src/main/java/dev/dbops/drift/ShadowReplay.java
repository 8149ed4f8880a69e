package dev.dbops.drift;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationSet;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.schema.Identifiers;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the migration files, in the order the tool runs them, on a scratch database of a shadow server,
 * statement by statement (so that a failure names its statement), then reads the schema they produce.
 * The scratch database is dropped afterwards.
 */
final class ShadowReplay {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowReplay.class);

    /** What the replay produced: the schema, or the statement that failed; and how long it took. */
    record Result(Optional<Schema> schema, Optional<ReplayFailure> failure, Duration took, int migrations) {
    }

    private ShadowReplay() {
    }

    /**
     * Replays the migrations on a new database of the server.
     *
     * @throws DbopsException with {@link ErrorCode#SHADOW_DATABASE_FAILED} when the scratch database cannot
     *     be created or connected to
     */
    static Result run(PostgresServer server, MigrationSet set, String defaultSchema, SchemaInspector inspector) {
        List<Migration> migrations = order(set);
        long started = System.nanoTime();
        PostgresDatabase database;
        try {
            database = server.createDatabase();
        } catch (DbopsException e) {
            throw new DbopsException(ErrorCode.SHADOW_DATABASE_FAILED, "cannot create the shadow database on "
                    + server + ": " + e.getMessage(), e);
        }
        try (database; Connection connection = database.connect()) {
            if (!defaultSchema.equals("public")) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("create schema if not exists " + Identifiers.quote(defaultSchema));
                    statement.execute("set search_path to " + Identifiers.quote(defaultSchema));
                }
            }
            for (Migration migration : migrations) {
                Optional<ReplayFailure> failure = run(connection, migration);
                if (failure.isPresent()) {
                    Duration took = Duration.ofNanos(System.nanoTime() - started);
                    LOG.info("replay of the migrations stopped after {} ms: {}", took.toMillis(), failure.get().describe());
                    return new Result(Optional.empty(), failure, took, migrations.size());
                }
            }
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            Schema schema = inspector.inspect(connection);
            LOG.info("replayed {} migrations on the shadow database in {} ms", migrations.size(), took.toMillis());
            return new Result(Optional.of(schema), Optional.empty(), took, migrations.size());
        } catch (SQLException e) {
            throw new DbopsException(ErrorCode.SHADOW_DATABASE_FAILED, "the shadow database on " + server
                    + " failed outside a migration: " + e.getMessage(), e);
        }
    }

    /** The migrations a fresh database runs, in the order the tool runs them. */
    static List<Migration> order(MigrationSet set) {
        return MigrationReplayer.runOrder(set);
    }

    private static Optional<ReplayFailure> run(Connection connection, Migration migration) throws SQLException {
        return MigrationReplayer.run(connection, migration);
    }
}
