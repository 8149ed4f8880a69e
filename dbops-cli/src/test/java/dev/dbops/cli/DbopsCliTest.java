package dev.dbops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.json.Json;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import dev.dbops.schema.SchemaSnapshot;
import java.sql.Connection;
import java.sql.Statement;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbopsCliTest {

    @TempDir
    static Path dir;

    static Path before;
    static Path after;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dbops.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void writeTwoSnapshots() {
        before = dir.resolve("before.json");
        after = dir.resolve("after.json");
        assertThat(run("inspect", "--url", "embedded", "--init", "../examples/shop.sql",
                "--output", before.toString()).exitCode()).isZero();
        assertThat(run("inspect", "--url", "embedded", "--init", "../examples/shop.sql",
                "--init", "../examples/shop-v2.sql", "--output", after.toString()).exitCode()).isZero();
    }

    @Test
    void inspectWritesASnapshotOfTheEmbeddedDatabase() throws Exception {
        Map<?, ?> snapshot = (Map<?, ?>) Json.parse(Files.readString(before, StandardCharsets.UTF_8));

        assertThat(snapshot.get("formatVersion")).isEqualTo(1L);
        assertThat(Files.readString(before)).contains("\"name\": \"orders\"", "\"name\": \"open_orders\"");
    }

    @Test
    void inspectAsSqlPrintsDdlThatRebuildsTheSameSchemaOnANewDatabase() throws Exception {
        Result result = run("inspect", "--url", "embedded", "--init", "../examples/shop.sql", "--format", "sql");
        assertThat(result.exitCode()).isZero();

        try (PostgresDatabase database = PostgresProvider.shared().createDatabase();
             Connection connection = database.connect()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(result.out());
            }
            Schema rebuilt = SchemaInspector.builder().build().inspect(connection);
            assertThat(rebuilt).isEqualTo(SchemaSnapshot.read(before).schema());
        }
    }

    @Test
    void diffExitsWithOneAndListsEachDifference() {
        Result result = run("diff", before.toString(), after.toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains(
                "column shop.customers.name changed: type character varying(200) → character varying(300)",
                "column shop.orders.shipped_at only in target",
                "index shop.orders_shipped_at_idx only in target",
                "4 differences");
    }

    @Test
    void diffOfASnapshotWithItselfExitsWithZero() {
        Result result = run("diff", before.toString(), before.toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.OK);
        assertThat(result.out()).contains("no differences");
    }

    @Test
    void diffPrintsOnlineDdlAsSql() {
        Result result = run("diff", before.toString(), after.toString(), "--format", "sql");

        assertThat(result.exitCode()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains(
                "CREATE INDEX CONCURRENTLY orders_shipped_at_idx",
                "NOT VALID;",
                "VALIDATE CONSTRAINT \"orders_shipped_after_placed\"");
    }

    @Test
    void diffPrintsVersionedJson() {
        Result result = run("diff", before.toString(), after.toString(), "--format", "json");

        Map<?, ?> document = (Map<?, ?>) Json.parse(result.out());
        assertThat(document.get("formatVersion")).isEqualTo(1L);
        assertThat((java.util.List<?>) document.get("differences")).hasSize(4);
    }

    @Test
    void missingSnapshotFileExitsWithTwoAndSaysHowToFixIt() {
        Result result = run("diff", dir.resolve("nope.json").toString(), after.toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("nope.json", "neither a database URL", "dbops inspect");
    }

    @Test
    void corruptedSnapshotExitsWithTwoNamingFileAndLine() throws Exception {
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\n  \"formatVersion\": 1,\n  \"server\": \n}");

        Result result = run("diff", broken.toString(), after.toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("broken.json", "line 4", "INVALID_SNAPSHOT");
    }

    @Test
    void snapshotOfAnotherFormatVersionExitsWithTwo() throws Exception {
        Path future = dir.resolve("future.json");
        Files.writeString(future, Files.readString(before).replace("\"formatVersion\": 1", "\"formatVersion\": 2"));

        Result result = run("diff", future.toString(), after.toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("future.json", "formatVersion 2");
    }

    @Test
    void nonPostgresUrlExitsWithTwo() {
        Result result = run("inspect", "--url", "jdbc:mysql://db.example/app");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("not a PostgreSQL URL", "INVALID_URL");
    }

    @Test
    void unreachableServerExitsWithTwoAndNeverShowsThePassword() {
        Result result = run("inspect", "--url", "postgresql://app:s3cret@127.0.0.1:1/app");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("127.0.0.1:1", "CONNECTION_FAILED").doesNotContain("s3cret");
    }

    @Test
    void initScriptsAreRefusedForARealDatabase() {
        Result result = run("inspect", "--url", "postgresql://app@127.0.0.1:1/app", "--init", "x.sql");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("only allowed with --url embedded");
    }

    @Test
    void unknownOptionExitsWithTwo() {
        Result result = run("diff", "--no-such-option", "a", "b");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("--no-such-option");
    }

    @Test
    void usageHelpListsEveryCommand() {
        Result result = run("--help");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("inspect", "diff", "lint", "drift", "audit", "pool", "verify-backup", "help");
    }

    @Test
    void helpForOneCommandPrintsThatCommandsOptions() {
        Result result = run("help", "lint");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Usage: dbops lint", "--pg-version");
    }

    @Test
    void misspeltCommandExitsWithTwoAndPointsAtTheTopLevelHelp() {
        Result result = run("lnt", "migrations");

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("'lnt'", "Run 'dbops --help'").doesNotContain("dbops dbops");
    }
}
