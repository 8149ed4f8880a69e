package dev.dbops.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.schema.SchemaInspector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.CachedQuery;
import org.postgresql.core.QueryExecutor;
import org.postgresql.core.ResultHandlerBase;
import org.postgresql.jdbc.PreferQueryMode;

/**
 * Proves on a real server that the splitter's statements are the server's statements.
 *
 * <p>For each script of {@code src/test/resources/sql-corpus}:
 * <ol>
 *   <li>every statement runs alone, over the extended protocol, and the server completes exactly one
 *       command for it. A statement cut in half is a syntax error; two statements glued together
 *       either complete two commands (pgjdbc splits at top-level semicolons itself) or are refused by
 *       the server with "cannot insert multiple commands into a prepared statement" (pgjdbc stops
 *       splitting after a {@code BEGIN ATOMIC}, pgjdbc issue #3259, so the server sees them);</li>
 *   <li>the whole script runs as one simple-protocol query in a second database, where the server
 *       splits it itself: the command tags it returns must equal, in order, those of step 1;</li>
 *   <li>both databases must end up equal: schema, rules and the rows of every table.</li>
 * </ol>
 * A script with a {@code -- requires: N} header runs on an embedded PostgreSQL 18 when the shared
 * server is older than N.
 */
class SqlScriptServerBoundaryTest {

    private static final PostgresServer SERVER = PostgresProvider.shared();
    private static final Path CORPUS = Path.of("src/test/resources/sql-corpus");
    private static final Pattern STATEMENTS = Pattern.compile("^-- statements: (\\d+)", Pattern.MULTILINE);
    private static final Pattern REQUIRES = Pattern.compile("^-- requires: (\\d+)", Pattern.MULTILINE);
    private static PostgresServer newerServer;

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            List<Path> scripts = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
            assertThat(scripts).hasSizeGreaterThanOrEqualTo(12);
            return scripts.stream();
        }
    }

    @AfterAll
    static void stopNewerServer() {
        if (newerServer != null) {
            newerServer.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void splitsEveryCorpusScriptWhereTheServerDoes(Path file) throws Exception {
        String sql = Files.readString(file, StandardCharsets.UTF_8);
        SqlScript script = SqlScript.parse(sql);
        assertThat(script.diagnostics()).isEmpty();
        assertThat(script.statements()).hasSize(header(STATEMENTS, sql, -1));
        PostgresServer server = serverFor(header(REQUIRES, sql, 0));

        List<String> tagsOneByOne = new ArrayList<>();
        List<Object> oneByOne;
        try (PostgresDatabase database = server.createDatabase();
                Connection connection = connect(database, "extended")) {
            for (SqlStatement statement : script.statements()) {
                List<String> tags = commandTagsOf(connection, statement);
                assertThat(tags).as("commands in statement %d at %s: %s", statement.index(), statement.start(),
                        statement.text()).hasSize(1);
                tagsOneByOne.add(tags.get(0));
            }
            oneByOne = fingerprint(connection);
        }
        List<Object> whole;
        try (PostgresDatabase database = server.createDatabase(); Connection connection = connect(database, "simple")) {
            assertThat(commandTags(connection, sql)).as("the commands the server found in the whole script")
                    .isEqualTo(tagsOneByOne);
            whole = fingerprint(connection);
        }
        assertThat(oneByOne).isEqualTo(whole);
    }

    @Test
    void detectsTwoStatementsGluedTogetherEitherWay() throws Exception {
        try (PostgresDatabase database = SERVER.createDatabase(); Connection connection = connect(database, "extended")) {
            commandTags(connection, "create procedure p() language sql begin atomic select 1; end");
            assertThat(commandTags(connection, "select 1; call p(); select 2")).as("pgjdbc splits it itself")
                    .containsExactly("SELECT 1", "CALL", "SELECT 1");
            assertThatThrownBy(() -> commandTags(connection,
                    "create function f() returns int language sql begin atomic select 1; end; select 2"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("cannot insert multiple commands into a prepared statement");
        }
    }

    @Test
    void detectsAStatementCutInHalf() throws Exception {
        try (PostgresDatabase database = SERVER.createDatabase(); Connection connection = connect(database, "extended")) {
            assertThatThrownBy(() -> commandTags(connection, "create function f() returns int language sql begin atomic"
                    + " select 1")).isInstanceOf(SQLException.class).hasMessageContaining("syntax error");
        }
    }

    /**
     * Executes {@code sql} as one query and returns the tag of every command the server completed,
     * such as {@code CREATE TABLE} or {@code INSERT 0 2}: one per statement it found. This goes below
     * JDBC's result iteration on purpose, because pgjdbc reports the completion of a {@code CALL} as
     * "no more results", which would hide the statements after it.
     */
    static List<String> commandTags(Connection connection, String sql) throws SQLException {
        QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
        CachedQuery query = executor.createQuery(sql, false, false);
        int flags = QueryExecutor.QUERY_SUPPRESS_BEGIN | QueryExecutor.QUERY_BOTH_ROWS_AND_STATUS
                | QueryExecutor.QUERY_ONESHOT;
        if (executor.getPreferQueryMode() == PreferQueryMode.SIMPLE) {
            flags |= QueryExecutor.QUERY_EXECUTE_AS_SIMPLE;
        }
        List<String> tags = new ArrayList<>();
        ResultHandlerBase handler = new ResultHandlerBase() {
            @Override
            public void handleCommandStatus(String status, long updateCount, long insertOid) {
                tags.add(status);
            }

            @Override
            public void handleWarning(SQLWarning warning) {
                // NOTICEs such as "there is no transaction in progress" are expected.
            }
        };
        executor.execute(query.query, null, handler, 0, 0, flags);
        handler.handleCompletion();
        return tags;
    }

    /** {@link #commandTags} of one statement, failing with the statement's place and text when the server rejects it. */
    private static List<String> commandTagsOf(Connection connection, SqlStatement statement) {
        try {
            return commandTags(connection, statement.text());
        } catch (SQLException e) {
            throw new AssertionError("the server rejected statement " + statement.index() + " at " + statement.start()
                    + ", so it is not one whole statement: " + e.getMessage() + "\n--- statement ---\n" + statement.text(), e);
        }
    }

    /** The schema, the rules and every table's rows: what the script built. */
    static List<Object> fingerprint(Connection connection) throws SQLException {
        List<Object> facts = new ArrayList<>();
        facts.add(SchemaInspector.builder().build().inspect(connection));
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rows = statement.executeQuery("""
                    SELECT c.relname, r.rulename, pg_get_ruledef(r.oid)
                    FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2""")) {
                while (rows.next()) {
                    facts.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
                }
            }
            try (ResultSet rows = statement.executeQuery("""
                    SELECT format('%I.%I', n.nspname, c.relname)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                      AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1""")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*), string_agg(t::text, ' | ' ORDER BY t::text)"
                        + " FROM " + table + " t")) {
                    rows.next();
                    facts.add(table + ": " + rows.getLong(1) + " rows: " + rows.getString(2));
                }
            }
        }
        return facts;
    }

    static Connection connect(PostgresDatabase database, String queryMode) throws SQLException {
        Properties properties = new Properties();
        database.url().user().ifPresent(user -> properties.setProperty("user", user));
        database.url().password().ifPresent(password -> properties.setProperty("password", password));
        properties.setProperty("preferQueryMode", queryMode);
        return DriverManager.getConnection(database.url().jdbcUrl(), properties);
    }

    private static int header(Pattern pattern, String sql, int absent) {
        Matcher matcher = pattern.matcher(sql);
        if (!matcher.find()) {
            assertThat(absent).as("the script needs a header matching %s", pattern).isNotNegative();
            return absent;
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** The shared server, or an embedded PostgreSQL 18 when a script needs a newer major than it is. */
    private static synchronized PostgresServer serverFor(int requiredMajor) {
        if (SERVER.majorVersion() >= requiredMajor) {
            return SERVER;
        }
        if (newerServer == null) {
            newerServer = PostgresProvider.fromSpec("embedded:18");
        }
        return newerServer;
    }
}
