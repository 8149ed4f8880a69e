package dev.dbops.trace;

import dev.dbops.trace.PlannedMigration.PlannedStatement;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Turns a statement's {@link SQLException} into a {@link MigrationFailure} with PostgreSQL's whole message. */
final class Failures {

    private Failures() {
    }

    static MigrationFailure of(PlannedMigration migration, PlannedStatement statement, SQLException e,
            boolean baseline) {
        return new MigrationFailure(migration.migration().id(), migration.migration().location(), statement.line(),
                statement.text(), e.getSQLState() == null ? "" : e.getSQLState(), message(e), baseline);
    }

    /** PostgreSQL's message with its detail and hint, on one line. */
    static String message(SQLException e) {
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
