package dev.dbops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.json.Json;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbops trace} end to end, on the shared test server through --url (one test starts its own embedded server). */
class TraceCommandTest {

    @TempDir
    Path dir;

    Path migrations;
    String url;

    record Result(int exitCode, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dbops.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    @BeforeEach
    void writeMigrations() throws Exception {
        migrations = Files.createDirectories(dir.resolve("db"));
        Files.writeString(migrations.resolve("V1__init.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, amount"
                + " integer);\nCREATE TABLE order_lines (id bigint, order_id bigint REFERENCES orders (id));\n");
        PostgresUrl admin = PostgresProvider.shared().adminUrl();
        url = "postgresql://" + admin.user().orElseThrow() + ":" + admin.password().orElseThrow() + "@"
                + admin.hostAndPort() + "/postgres";
    }

    private Result trace(String... more) {
        List<String> args = new ArrayList<>(List.of("trace", migrations.toString(), "--url", url));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void exitsWithZeroWhenTheDatabaseDidWhatTheLinterDeclaredAndNothingIsFound() throws Exception {
        Files.writeString(migrations.resolve("V2__note.sql"), "ALTER TABLE orders ADD COLUMN note text;\n");

        Result result = trace();

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Dbops.OK);
        assertThat(result.out()).startsWith("Lock trace on PostgreSQL ")
                .contains("V2__note.sql:1  ALTER TABLE orders ADD COLUMN note text", "ACCESS EXCLUSIVE on public.orders",
                        "database   agrees", "0 disagreements with the linter");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void exitsWithOneWhenTheDatabaseTookALockTheLinterDidNotDeclare() throws Exception {
        Files.writeString(migrations.resolve("V2__empty.sql"), "TRUNCATE orders CASCADE;\n");

        Result result = trace("--trace-from", "V2");

        assertThat(result.exitCode()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains("after 1 migration applied untraced",
                "error[disagreement] " + migrations.resolve("V2__empty.sql") + ":1: public.order_lines (lock)");
        assertThat(trace("--trace-from", "2", "--fail-on", "never").exitCode()).isEqualTo(Dbops.OK);
    }

    @Test
    void findsARewriteUnderLockOfTheSeededRowsAndWritesJson() throws Exception {
        Files.writeString(migrations.resolve("V2__widen.sql"), "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;\n");
        Path seed = Files.writeString(dir.resolve("seed.sql"),
                "INSERT INTO orders SELECT g, g FROM generate_series(1, 5000) g;");

        Result result = trace("--trace-from", "V2", "--seed-sql", seed.toString(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Dbops.FINDINGS);
        Map<?, ?> json = (Map<?, ?>) Json.parse(result.out());
        assertThat(json.get("formatVersion")).isEqualTo(1L);
        assertThat(((Map<?, ?>) json.get("seeding")).get("summary")).isEqualTo("ran " + seed);
        assertThat((List<?>) json.get("findings")).anySatisfy(finding -> {
            assertThat(((Map<?, ?>) finding).get("kind")).isEqualTo("work-under-lock");
            assertThat(((Map<?, ?>) finding).get("message").toString()).startsWith("rewrote public.orders (about 5,000 rows)");
        });
    }

    @Test
    void runsTheApplicationWorkloadOnTheTablesEachMigrationLocks() throws Exception {
        Files.writeString(migrations.resolve("V2__note.sql"), "ALTER TABLE orders ADD COLUMN note text;\n"
                + "SELECT pg_sleep(0.3);\n");

        Result result = trace("--trace-from", "V2", "--reads-per-second", "20", "--writes-per-second", "5");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains("  workload: ", " on public.orders; ",
                "error[application-wait] " + migrations.resolve("V2__note.sql"));
    }

    @Test
    void seedsSyntheticRowsIntoTheTablesOfTheUntracedMigrationsWithRows() throws Exception {
        Files.writeString(migrations.resolve("V2__widen.sql"), "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;\n");

        Result result = trace("--trace-from", "V2", "--rows", "2000");
        Result withoutTraceFrom = trace("--rows", "2000");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains("seeded: 4,000 rows in 2 tables (seed ",
                "rewrote public.orders (about 2,000 rows) while holding ACCESS EXCLUSIVE");
        assertThat(withoutTraceFrom.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(withoutTraceFrom.err()).contains("--rows fills the tables that the migrations before --trace-from"
                + " create");
    }

    @Test
    void exitsWithTwoAndNamesTheFileLineAndErrorWhenAMigrationFails() throws Exception {
        Files.writeString(migrations.resolve("V2__broken.sql"), "ALTER TABLE orders ADD COLUMN note text;\n"
                + "ALTER TABLE orders DROP COLUMN missing;\n");

        Result result = trace();

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("dbops trace: " + migrations.resolve("V2__broken.sql") + ":2: ALTER TABLE"
                + " orders DROP COLUMN missing — ERROR: column \"missing\" of relation \"orders\" does not exist"
                + " (SQLState 42703)", "the scratch database was dropped");
        assertThat(result.out()).contains("stopped: ");
    }

    @Test
    void exitsWithTwoForInputThatCannotBeTraced() {
        Result missing = run("trace", dir.resolve("nowhere").toString());
        Result unknown = trace("--trace-from", "V9");
        Result twoServers = trace("--pg-version", "18");

        assertThat(missing.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(missing.err()).contains("no such file or directory", "nothing was traced");
        assertThat(unknown.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(unknown.err()).contains("--trace-from V9 names no migration; the migrations are: V1");
        assertThat(twoServers.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(twoServers.err()).contains("choose one server");
    }

    @Test
    void tracesOnAnEmbeddedPostgresqlOfTheChosenVersionWhenNoUrlIsGiven() {
        Result result = run("trace", migrations.toString(), "--pg-version", "15");

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Dbops.OK);
        assertThat(result.out()).startsWith("Lock trace on PostgreSQL 15.");
    }
}
