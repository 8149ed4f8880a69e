package dev.dbops.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The inspector renders index and key definitions itself, from the catalog's columns, and column
 * defaults without the table as context, where the server would spend most of an inspection in
 * its deparser. The round trip cannot prove that rendering right (both sides of a comparison go
 * through it), so this does: for both sides of every schema fixture, on PostgreSQL 15 and 18,
 * every index, constraint and default of the inspected model must be character for character what
 * {@code pg_get_indexdef}, {@code pg_get_constraintdef} and {@code pg_get_expr} return.
 */
class RenderedDefinitionsTest {

    private static final Path FIXTURES = Path.of("src/test/resources/schema-fixtures");
    private static final SchemaInspector INSPECTOR = SchemaInspector.builder().connections(3).build();

    private static PostgresServer postgres18;

    @BeforeAll
    static void createRoles() throws Exception {
        postgres18 = PostgresProvider.fromSpec("embedded:18");
        for (PostgresServer server : new PostgresServer[] {PostgresProvider.shared(), postgres18}) {
            try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect();
                 Statement statement = connection.createStatement()) {
                statement.execute(Files.readString(FIXTURES.resolve("_roles.sql"), StandardCharsets.UTF_8));
            }
        }
    }

    @AfterAll
    static void stopPostgres18() throws Exception {
        postgres18.close();
    }

    static Stream<String> fixtureSides() throws IOException {
        try (Stream<Path> entries = Files.list(FIXTURES)) {
            return entries.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("_"))
                    .sorted()
                    .flatMap(name -> Stream.of(name + "/a.sql", name + "/b.sql"))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureSides")
    void rendersDefinitionsAsPostgres15Does(String fixture) throws Exception {
        assertRenderedAsTheServerDoes(PostgresProvider.shared(), fixture);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtureSides")
    void rendersDefinitionsAsPostgres18Does(String fixture) throws Exception {
        assertRenderedAsTheServerDoes(postgres18, fixture);
    }

    private static void assertRenderedAsTheServerDoes(PostgresServer server, String fixture) throws Exception {
        try (PostgresDatabase database = server.createDatabase(); Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(Files.readString(FIXTURES.resolve(fixture), StandardCharsets.UTF_8));
            }
            Schema schema = INSPECTOR.inspect(database.url());

            Map<String, String> indexes = new TreeMap<>();
            Map<String, String> constraints = new TreeMap<>();
            Map<String, String> defaults = new TreeMap<>();
            for (Table table : schema.tables()) {
                String prefix = table.schema() + "." + table.name() + ".";
                table.indexes().forEach(i -> indexes.put(prefix + i.name(), i.definition()));
                table.constraints().forEach(c -> constraints.put(prefix + c.name(), c.definition()));
                table.columns().forEach(c -> c.defaultValue().ifPresent(d -> defaults.put(prefix + c.name(), d)));
            }
            for (View view : schema.views()) {
                view.indexes().forEach(i -> indexes.put(view.schema() + "." + view.name() + "." + i.name(),
                        i.definition()));
            }

            assertThat(indexes).as("index definitions").isEqualTo(serverRendering(connection, indexes, """
                    select n.nspname || '.' || c.relname || '.' || ic.relname, pg_catalog.pg_get_indexdef(x.indexrelid)
                    from pg_catalog.pg_index x
                    join pg_catalog.pg_class ic on ic.oid = x.indexrelid
                    join pg_catalog.pg_class c on c.oid = x.indrelid
                    join pg_catalog.pg_namespace n on n.oid = c.relnamespace"""));
            assertThat(constraints).as("constraint definitions").isEqualTo(serverRendering(connection, constraints, """
                    select n.nspname || '.' || c.relname || '.' || con.conname, pg_catalog.pg_get_constraintdef(con.oid)
                    from pg_catalog.pg_constraint con
                    join pg_catalog.pg_class c on c.oid = con.conrelid
                    join pg_catalog.pg_namespace n on n.oid = c.relnamespace"""));
            assertThat(defaults).as("column defaults").isEqualTo(serverRendering(connection, defaults, """
                    select n.nspname || '.' || c.relname || '.' || a.attname,
                           pg_catalog.pg_get_expr(ad.adbin, ad.adrelid)
                    from pg_catalog.pg_attrdef ad
                    join pg_catalog.pg_attribute a on a.attrelid = ad.adrelid and a.attnum = ad.adnum
                    join pg_catalog.pg_class c on c.oid = ad.adrelid
                    join pg_catalog.pg_namespace n on n.oid = c.relnamespace
                    where a.attgenerated = ''"""));
        }
    }

    /** The server's own rendering of the same objects, keyed alike, with the empty search_path the inspector uses. */
    private static Map<String, String> serverRendering(Connection connection, Map<String, String> inspected,
            String sql) throws SQLException {
        Map<String, String> rendered = new TreeMap<>();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local search_path = ''");
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    if (inspected.containsKey(rs.getString(1))) {
                        rendered.put(rs.getString(1), CatalogReader.withoutNotValid(rs.getString(2)));
                    }
                }
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
        return rendered;
    }
}
