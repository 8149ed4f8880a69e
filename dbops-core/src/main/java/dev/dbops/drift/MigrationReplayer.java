package dev.dbops.drift;

import dev.dbops.migration.FlywayVersion;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationKind;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.TransactionMode;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs migration scripts on a connection the way their tool runs them, statement by statement, so that a
 * failure names its statement and the line of its file: one transaction per script unless a statement
 * cannot run in one (or the script says so). The shadow replay of drift detection and the testkit's
 * replays (snapshot, reversibility) all run migrations through this class.
 */
public final class MigrationReplayer {

    private MigrationReplayer() {
    }

    /**
     * The migrations a fresh database runs, as Flyway runs them: the latest baseline migration
     * ({@code B…}) in place of the versioned migrations it covers, then the rest in run order.
     */
    public static List<Migration> runOrder(MigrationSet set) {
        Optional<Migration> baseline = set.baselineMigrations().stream()
                .max(Comparator.comparing(m -> m.version().orElse("0"), FlywayVersion.ORDER));
        if (baseline.isEmpty()) {
            return set.migrations();
        }
        String covered = baseline.get().version().orElseThrow();
        List<Migration> order = new ArrayList<>(List.of(baseline.get()));
        for (Migration migration : set.migrations()) {
            if (migration.kind() != MigrationKind.VERSIONED
                    || FlywayVersion.compare(migration.version().orElseThrow(), covered) > 0) {
                order.add(migration);
            }
        }
        return order;
    }

    /**
     * Runs one migration; see {@link #run(Connection, String, String, String, TransactionMode, IntUnaryOperator)}.
     *
     * @throws SQLException when the connection itself fails, outside any statement
     */
    public static Optional<ReplayFailure> run(Connection connection, Migration migration) throws SQLException {
        return run(connection, migration.id(), migration.location(), migration.sql(), migration.transactionMode(),
                migration::fileLine);
    }

    /**
     * Runs a script; a statement that fails rolls back the script's transaction (when it has one) and is
     * returned with PostgreSQL's message. The connection is left in auto-commit.
     *
     * @param id how the failure names the script: {@code V2}, {@code U2}, {@code rollback of file::id::author}
     * @param location its file
     * @param sql its statements
     * @param mode how the tool runs them
     * @param fileLine the line of the file a 1-based line of {@code sql} is on
     * @throws SQLException when the connection itself fails, outside any statement
     */
    public static Optional<ReplayFailure> run(Connection connection, String id, String location, String sql,
            TransactionMode mode, IntUnaryOperator fileLine) throws SQLException {
        Objects.requireNonNull(connection, "connection");
        List<SqlStatement> statements = SqlScript.parse(sql).statements();
        boolean transactional = mode.resolve(statements.stream()
                .anyMatch(TransactionMode::cannotRunInTransaction)) == TransactionMode.TRANSACTIONAL;
        connection.setAutoCommit(!transactional);
        try (Statement statement = connection.createStatement()) {
            statement.setEscapeProcessing(false);
            for (SqlStatement one : statements) {
                try {
                    statement.execute(one.text());
                } catch (SQLException e) {
                    if (transactional) {
                        connection.rollback();
                    }
                    return Optional.of(new ReplayFailure(id, location, fileLine.applyAsInt(one.start().line()),
                            one.text(), e.getSQLState() == null ? "" : e.getSQLState(), message(e)));
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
