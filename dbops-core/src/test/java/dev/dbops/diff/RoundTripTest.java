package dev.dbops.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.schema.Column;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.Table;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The proof of the planner: for every fixture pair, schema A is built in one database and B in
 * another, the plan A → B is applied to A statement by statement, and A must then be B — the plan
 * from the result to B is empty and the inspected schemas are equal. The same is done from B back
 * to A, which exercises every create as a drop and every change in reverse.
 */
class RoundTripTest {

    private static final Path FIXTURES = Path.of("src/test/resources/schema-fixtures");
    private static final SchemaInspector INSPECTOR = SchemaInspector.builder().build();

    private static PostgresServer server;

    @BeforeAll
    static void createRoles() throws Exception {
        server = PostgresProvider.shared();
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect();
             Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(FIXTURES.resolve("_roles.sql"), StandardCharsets.UTF_8));
        }
    }

    static Stream<String> fixtures() throws IOException {
        try (Stream<Path> entries = Files.list(FIXTURES)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("_"))
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void planTurnsSchemaAIntoSchemaB(String fixture) throws Exception {
        roundTrip(FIXTURES.resolve(fixture).resolve("a.sql"), FIXTURES.resolve(fixture).resolve("b.sql"));
    }

    /**
     * Going back from B to A also checks every create as a drop and every change in reverse. Two
     * things PostgreSQL cannot do are allowed for: a column that B dropped comes back at the end of
     * the table (so columns are compared by name, not position), and the fixtures listed in
     * {@link #NOT_REVERSIBLE} only have to apply without error.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void planTurnsSchemaBBackIntoSchemaA(String fixture) throws Exception {
        assumeFalse(fixture.equals("44-extensions"), "hstore has no update path from 1.8 back to 1.7");
        roundTrip(FIXTURES.resolve(fixture).resolve("b.sql"), FIXTURES.resolve(fixture).resolve("a.sql"),
                NOT_REVERSIBLE.get(fixture), true);
    }

    private static final Map<String, String> NOT_REVERSIBLE = Map.of("10-table-inheritance",
            "ALTER TABLE … INHERIT cannot make a table's own columns and CHECK constraints purely inherited");

    private static void roundTrip(Path fromScript, Path toScript) throws Exception {
        roundTrip(fromScript, toScript, null, false);
    }

    private static void roundTrip(Path fromScript, Path toScript, String onlyApplies, boolean anyColumnOrder)
            throws Exception {
        try (PostgresDatabase a = server.createDatabase(); PostgresDatabase b = server.createDatabase();
             Connection first = a.connect(); Connection second = b.connect()) {
            run(first, fromScript);
            run(second, toScript);
            Schema from = INSPECTOR.inspect(first);
            Schema to = INSPECTOR.inspect(second);

            MigrationPlan plan = MigrationPlan.between(from, to);
            List<String> applied = apply(first, plan);
            assumeTrue(onlyApplies == null, "the plan applied; the result cannot equal the target: " + onlyApplies);
            Schema result = INSPECTOR.inspect(first);
            MigrationPlan remaining = MigrationPlan.between(result, to);

            String report = "\n--- statements applied:\n" + String.join(";\n", applied)
                    + "\n--- plan from the result to the target:\n" + remaining.toSql()
                    + "--- differences between the result and the target:\n"
                    + SchemaDiff.builder().build().compare(result, to).stream().map(Object::toString)
                            .collect(Collectors.joining("\n"));
            assertThat(remaining.isEmpty()).as("the plan left work to do%s", report).isTrue();
            assertThat(anyColumnOrder ? columnsByName(result) : result)
                    .as("the result of the plan differs from the target%s", report)
                    .isEqualTo(anyColumnOrder ? columnsByName(to) : to);
        }
    }

    private static Schema columnsByName(Schema schema) {
        List<Table> tables = schema.tables().stream().map(t -> new Table(t.schema(), t.name(), t.unlogged(),
                t.partitionKey(), t.partitionOf(), t.inherits(), t.options(), t.replicaIdentity(),
                t.replicaIdentityIndex(), t.rowSecurity(), t.forceRowSecurity(), t.owner(), t.comment(), t.grants(),
                t.columns().stream().sorted(Comparator.comparing(Column::name)).toList(), t.constraints(),
                t.indexes(), t.triggers(), t.policies(), t.dependsOn())).toList();
        return new Schema(schema.schemas(), schema.extensions(), schema.enums(), schema.domains(),
                schema.compositeTypes(), schema.rangeTypes(), schema.sequences(), tables, schema.views(),
                schema.functions(), schema.defaultPrivileges());
    }

    private static void run(Connection connection, Path script) throws IOException, SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(Files.readString(script, StandardCharsets.UTF_8));
        }
    }

    /** Applies every statement on its own in auto-commit mode; a failure names it and those before it. */
    private static List<String> apply(Connection connection, MigrationPlan plan) throws SQLException {
        List<String> applied = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET check_function_bodies = false");
            for (PlannedStatement planned : plan.statements()) {
                try {
                    statement.execute(planned.sql());
                } catch (SQLException e) {
                    throw new AssertionError("statement " + (applied.size() + 1) + " of " + plan.statements().size()
                            + " failed: " + e.getMessage() + "\n--- failing statement:\n" + planned.sql()
                            + "\n--- applied before it:\n" + String.join(";\n", applied) + "\n--- whole plan:\n"
                            + plan.toSql(), e);
                }
                applied.add(planned.sql());
            }
        }
        return applied;
    }
}
