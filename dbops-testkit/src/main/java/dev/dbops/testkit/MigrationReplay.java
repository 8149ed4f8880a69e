package dev.dbops.testkit;

import dev.dbops.drift.MigrationReplayer;
import dev.dbops.drift.ReplayFailure;
import dev.dbops.migration.ChangeSetRollback;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationSet;
import dev.dbops.migration.TransactionMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

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

    /** The migrations a fresh database runs, in the order Flyway runs them. */
    static List<Migration> order(MigrationSet set) {
        return MigrationReplayer.runOrder(set);
    }

    /**
     * Runs a script as its tool would; a failing statement is returned with PostgreSQL's message.
     *
     * @throws SQLException when the connection itself fails, outside any statement
     */
    static Optional<ReplayFailure> run(Connection connection, Script script) throws SQLException {
        return MigrationReplayer.run(connection, script.id(), script.location(), script.sql(), script.mode(),
                script.fileLine());
    }
}
