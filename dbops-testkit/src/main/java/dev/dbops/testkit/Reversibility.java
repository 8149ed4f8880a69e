package dev.dbops.testkit;

import dev.dbops.diff.Difference;
import dev.dbops.diff.SchemaDiff;
import dev.dbops.drift.ReplayFailure;
import dev.dbops.migration.ChangeSetRollback;
import dev.dbops.migration.FlywayVersion;
import dev.dbops.migration.Migration;
import dev.dbops.migration.MigrationKind;
import dev.dbops.migration.MigrationSet;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reversibility check of {@link MigrationsAssert#areReversible()}: on a fresh database, each migration
 * with an undo (a Flyway {@code U} script of its version, or a Liquibase rollback) is applied, undone, the
 * schema compared with the one before it, and applied again; migrations without one are just applied. After
 * a migration that is not reversible, the check goes on from a fresh database replayed up to it, so that
 * every such migration is reported.
 */
final class Reversibility {

    private static final SchemaDiff DIFF = SchemaDiff.builder().ignoreOwners().build();

    private final PostgresServer server;
    private final SchemaInspector inspector = SchemaInspector.builder().build();
    private final List<String> problems = new ArrayList<>();
    private final List<String> reversible = new ArrayList<>();
    private final List<String> withoutUndo = new ArrayList<>();

    private Reversibility(PostgresServer server) {
        this.server = server;
    }

    /** A failure message when a migration with an undo is not reversible, or when none has an undo. */
    static Optional<String> check(String source, MigrationSet set, List<ChangeSetRollback> rollbacks,
            PostgresServer server) {
        List<Migration> order = MigrationReplay.order(set);
        Map<String, MigrationReplay.Script> undo = undoScripts(set, rollbacks);
        if (order.stream().noneMatch(m -> undo.containsKey(m.id()))) {
            return Optional.of("Expecting the migrations at " + source + " to be reversible,\nbut none of the "
                    + order.size() + " has an undo to check: give a Flyway migration V<n> an undo script U<n>__*.sql,"
                    + " or a Liquibase changeset a <rollback> (or a change type Liquibase can roll back).");
        }
        Reversibility check = new Reversibility(server);
        try {
            check.run(order, undo);
        } catch (SQLException e) {
            throw new IllegalStateException("the scratch database on " + server + " failed outside a migration: " + e, e);
        }
        if (check.problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Expecting every migration with an undo at " + source + " to be reversible (apply, undo:"
                + " the schema as before; apply again),\nbut " + check.problems.size() + " of "
                + (check.problems.size() + check.reversible.size()) + " checked "
                + (check.problems.size() == 1 ? "is" : "are") + " not:\n\n" + String.join("\n", check.problems)
                + "\nReversible: " + (check.reversible.isEmpty() ? "none" : String.join(", ", check.reversible))
                + ".\nWithout an undo, not checked: " + (check.withoutUndo.isEmpty() ? "none"
                        : String.join(", ", check.withoutUndo)) + ".");
    }

    /** The undo of each migration, by migration id: Flyway's by version, Liquibase's by changeset. */
    private static Map<String, MigrationReplay.Script> undoScripts(MigrationSet set, List<ChangeSetRollback> rollbacks) {
        Map<String, MigrationReplay.Script> undo = new HashMap<>();
        for (Migration forward : set.migrations()) {
            if (forward.kind() == MigrationKind.VERSIONED) {
                set.undoMigrations().stream()
                        .filter(u -> FlywayVersion.same(u.version().orElse(""), forward.version().orElseThrow()))
                        .findFirst().ifPresent(u -> undo.put(forward.id(), MigrationReplay.Script.of(u)));
            }
        }
        for (ChangeSetRollback rollback : rollbacks) {
            undo.put(rollback.changeSet().toString(), MigrationReplay.Script.of(rollback));
        }
        return undo;
    }

    private void run(List<Migration> order, Map<String, MigrationReplay.Script> undo) throws SQLException {
        PostgresDatabase database = server.createDatabase();
        Connection connection = database.connect();
        try {
            for (int i = 0; i < order.size(); i++) {
                Migration migration = order.get(i);
                MigrationReplay.Script forward = MigrationReplay.Script.of(migration);
                MigrationReplay.Script back = undo.get(migration.id());
                if (back == null) {
                    withoutUndo.add(migration.id());
                    Optional<ReplayFailure> failure = MigrationReplay.run(connection, forward);
                    if (failure.isPresent()) {
                        problems.add(forward.describe() + ": cannot be applied, so the migrations after it were not"
                                + " checked: " + failure.get().describe() + "\n");
                        return;
                    }
                    continue;
                }
                if (checkOne(connection, forward, back)) {
                    reversible.add(migration.id());
                    continue;
                }
                connection.close();
                database.close();
                database = server.createDatabase();
                connection = database.connect();
                for (Migration again : order.subList(0, i + 1)) {
                    Optional<ReplayFailure> failure = MigrationReplay.run(connection, MigrationReplay.Script.of(again));
                    if (failure.isPresent()) {
                        problems.add("The migrations after " + migration.id() + " were not checked: replaying them up"
                                + " to it on a fresh database failed: " + failure.get().describe() + "\n");
                        return;
                    }
                }
            }
        } finally {
            connection.close();
            database.close();
        }
    }

    /** Apply, undo, compare, apply again; whether all went well, else the problem is recorded. */
    private boolean checkOne(Connection connection, MigrationReplay.Script forward, MigrationReplay.Script back)
            throws SQLException {
        String title = forward.describe() + ", undone by " + back.describe() + ": ";
        Schema before = inspector.inspect(connection);
        Optional<ReplayFailure> failure = MigrationReplay.run(connection, forward);
        if (failure.isPresent()) {
            problems.add(title + "the migration itself fails: " + failure.get().describe() + "\n");
            return false;
        }
        failure = MigrationReplay.run(connection, back);
        if (failure.isPresent()) {
            problems.add(title + "the undo fails: " + failure.get().describe() + "\n");
            return false;
        }
        List<Difference> differences = DIFF.compare(before, inspector.inspect(connection));
        failure = MigrationReplay.run(connection, forward);
        StringBuilder problem = new StringBuilder();
        if (!differences.isEmpty()) {
            problem.append("after the undo, ").append(Differences.count(differences)).append(" from before ")
                    .append(forward.id()).append(" (before → after the undo):\n")
                    .append(Differences.list(differences, "schema before", "schema after the undo"));
        }
        if (failure.isPresent()) {
            problem.append(problem.length() == 0 ? "" : "  and ").append("applying it again fails: ")
                    .append(failure.get().describe()).append('\n');
        }
        if (problem.length() > 0) {
            problems.add(title + problem);
            return false;
        }
        return true;
    }
}
