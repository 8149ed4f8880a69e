package dev.dbops.testkit;

import dev.dbops.drift.ReplayFailure;
import dev.dbops.migration.ChangeSetRollback;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationKind;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.TransactionMode;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.SqlStatement;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Runs migration scripts on a connection as the migration tool runs them — one transaction per script
 * unless the script cannot run in one — statement by statement, so that a failure names its statement and
 * the line of its file.
 */
final class MigrationReplay {

    private MigrationReplay() {
    }

    /**
     * One script to run: a forward migration, a Flyway undo script or a Liquibase changeset's rollback.
     *
     * @param id how messages name it: {@code V2}, {@code U2}, {@code rollback of file::id::author}
     * @param location its file
     * @param sql its statements
     * @param mode how the tool runs them
     * @param fileLine the line of the file a 1-based line of {@code sql} is on
     */
    record Script(String id, String location, String sql, TransactionMode mode, IntUnaryOperator fileLine) {

        static Script of(Migration migration) {
            return new Script(migration.id(), migration.location(), migration.sql(), migration.transactionMode(),
                    migration::fileLine);
        }

        static Script of(ChangeSetRollback rollback) {
            return new Script("rollback of " + rollback.changeSet(), rollback.location(), rollback.sql(),
                    rollback.transactionMode(), line -> rollback.line());
        }

        /** {@code V2 (db/migration/V2__add_email.sql)}. */
        String describe() {
            return id + " (" + location + ")";
        }
    }

    /**
     * The migrations a fresh database runs, as Flyway runs them: the latest baseline migration ({@code B…})
     * in place of the versioned migrations it covers, then the rest in run order.
     */
    static List<Migration> order(MigrationSet set) {
        Optional<Migration> baseline = set.baselineMigrations().stream()
                .max(Comparator.comparing(m -> m.version().orElse("0"), MigrationReplay::compareVersions));
        if (baseline.isEmpty()) {
            return set.migrations();
        }
        String covered = baseline.get().version().orElseThrow();
        List<Migration> order = new ArrayList<>(List.of(baseline.get()));
        for (Migration migration : set.migrations()) {
            if (migration.kind() != MigrationKind.VERSIONED
                    || compareVersions(migration.version().orElseThrow(), covered) > 0) {
                order.add(migration);
            }
        }
        return order;
    }

    /**
     * Runs a script; a statement that fails rolls back the script's transaction (when it has one) and is
     * returned, with PostgreSQL's message.
     *
     * @throws SQLException when the connection itself fails, outside any statement
     */
    static Optional<ReplayFailure> run(Connection connection, Script script) throws SQLException {
        List<SqlStatement> statements = SqlScript.parse(script.sql()).statements();
        boolean transactional = script.mode().resolve(statements.stream()
                .anyMatch(TransactionMode::cannotRunInTransaction)) == TransactionMode.TRANSACTIONAL;
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
                    return Optional.of(new ReplayFailure(script.id(), script.location(),
                            script.fileLine().applyAsInt(sql.start().line()), sql.text(),
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

    /** Flyway's version order: dot-separated parts compared as numbers, missing parts as zero. */
    static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            BigInteger x = new BigInteger(i < left.length ? left[i] : "0");
            BigInteger y = new BigInteger(i < right.length ? right[i] : "0");
            int compared = x.compareTo(y);
            if (compared != 0) {
                return compared;
            }
        }
        return 0;
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
