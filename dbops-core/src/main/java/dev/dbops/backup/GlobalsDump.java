package dev.dbops.backup;

import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresUrl;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Roles and tablespaces, which pg_dump leaves out: {@code pg_dumpall --globals-only} next to the archive,
 * checked by counting its {@code CREATE ROLE} and {@code CREATE TABLESPACE} statements against the
 * source cluster's roles (the predefined {@code pg_*} roles aside) and tablespaces. Restoring them is not
 * tried: the roles exist already on the drill's server.
 */
final class GlobalsDump {

    private GlobalsDump() {
    }

    /** Dumps the globals to {@code file} and records the check, a mismatch, or why it could not be made. */
    static void run(ClientPrograms programs, PostgresUrl source, Path file, DrillRecorder recorder) {
        ClientCommand command = new ClientCommand(programs.directory().resolve("pg_dumpall"), source,
                List.of("--globals-only", "--no-password", "--file=" + file));
        recorder.command(command.describe());
        ClientCommand.Result result = command.run(line -> { }, Optional.empty());
        if (!result.succeeded()) {
            recorder.notCovered("Roles and tablespaces: pg_dumpall --globals-only failed (" + result.explanation()
                    + "); it needs a superuser to read role passwords.");
            return;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            long roles = lines.stream().filter(line -> line.startsWith("CREATE ROLE ")).count();
            long tablespaces = lines.stream().filter(line -> line.startsWith("CREATE TABLESPACE ")).count();
            long[] expected = count(source);
            if (roles != expected[0] || tablespaces != expected[1]) {
                recorder.mismatches(List.of(new Mismatch(Mismatch.Kind.GLOBALS, file.toString(),
                        expected[0] + " roles, " + expected[1] + " tablespaces",
                        roles + " CREATE ROLE, " + tablespaces + " CREATE TABLESPACE",
                        "the globals dump does not hold every role and tablespace of the source cluster")));
            }
            recorder.note("Roles and tablespaces were dumped with pg_dumpall --globals-only to " + file + " ("
                    + roles + " roles, " + tablespaces + " tablespaces); they were counted, not restored.");
        } catch (IOException | SQLException e) {
            recorder.notCovered("Roles and tablespaces: the globals dump could not be checked: " + e.getMessage());
        }
    }

    /** The source cluster's roles (without the predefined pg_* ones) and tablespaces (without pg_default, pg_global). */
    private static long[] count(PostgresUrl source) throws SQLException {
        try (Connection connection = PostgresConnector.open(source); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select (select count(*) from pg_catalog.pg_roles"
                        + " where rolname !~ '^pg_'), (select count(*) from pg_catalog.pg_tablespace"
                        + " where spcname !~ '^pg_')")) {
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2)};
        }
    }
}
