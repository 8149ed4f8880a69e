package dev.dbops.drift;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationKind;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.TransactionMode;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.schema.Identifiers;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
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

    /**
     * The migrations a fresh database runs: Flyway's latest baseline migration ({@code B…}) in place of the
     * versioned ones it covers, then the rest in run order.
     */
    static List<Migration> order(MigrationSet set) {
        Optional<Migration> baseline = set.baselineMigrations().stream()
                .max(Comparator.comparing(m -> m.version().orElse("0"), FlywayVersions.ORDER));
        if (baseline.isEmpty()) {
            return set.migrations();
        }
        String covered = baseline.get().version().orElseThrow();
        List<Migration> order = new ArrayList<>();
        order.add(baseline.get());
        for (Migration migration : set.migrations()) {
            if (migration.kind() != MigrationKind.VERSIONED
                    || FlywayVersions.compare(migration.version().orElseThrow(), covered) > 0) {
                order.add(migration);
            }
        }
        return order;
    }

    private static Optional<ReplayFailure> run(Connection connection, Migration migration) throws SQLException {
        List<SqlStatement> statements = SqlScript.parse(migration.sql()).statements();
        boolean transactional = migration.transactionMode()
                .resolve(statements.stream().anyMatch(TransactionMode::cannotRunInTransaction)) == TransactionMode.TRANSACTIONAL;
        connection.setAutoCommit(!transactional);
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            for (SqlStatement sql : statements) {
                try {
                    statement.execute(sql.text());
                } catch (SQLException e) {
                    if (transactional) {
                        connection.rollback();
                    }
                    return Optional.of(new ReplayFailure(migration.id(), migration.location(),
                            migration.fileLine(sql.start().line()), sql.text(),
                            e.getSQLState() == null ? "" : e.getSQLState(), message(e)));
                }
            }
            if (transactional) {
                connection.commit();
            }
        } finally {
            connection.setAutoCommit(true);
        }
        return Optional.empty();
    }

    /** PostgreSQL's message with its detail and hint, on one line. */
    private static String message(SQLException e) {
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage server = p.getServerErrorMessage();
            StringBuilder text = new StringBuilder("ERROR: ").append(server.getMessage());
            if (server.getDetail() != null) {
                text.append("; ").append(server.getDetail().replace('\n', ' '));
            }
            if (server.getHint() != null) {
                text.append("; hint: ").append(server.getHint().replace('\n', ' '));
            }
            return text.toString();
        }
        return String.valueOf(e.getMessage()).replace('\n', ' ');
    }
}
