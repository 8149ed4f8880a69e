package dev.dbops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.schema.SchemaSnapshot;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dbops check} end to end: each run starts its own embedded PostgreSQL, as the main job does. */
class CheckCommandTest {

    @TempDir
    Path dir;

    Path migrations;
    Path snapshot;

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
        migrations = Files.createDirectories(dir.resolve("db/migration"));
        snapshot = dir.resolve("db/dbops-snapshot.json");
        Files.writeString(migrations.resolve("V1__init.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY,"
                + " amount integer NOT NULL CHECK (amount > 0), note text);\n");
    }

    @Test
    void firstRunWritesTheSnapshotBesideTheMigrationsAndTheSecondComparesWithIt() {
        Result first = run("check", migrations.toString(), "--rows", "100");

        assertThat(first.exitCode()).as(first.err()).isEqualTo(Dbops.OK);
        assertThat(first.out()).contains("written (there was none; commit it)");
        assertThat(SchemaSnapshot.read(snapshot).schema().toString()).contains("orders");

        Result second = run("check", migrations.toString(), "--rows", "100");
        assertThat(second.exitCode()).as(second.err()).isEqualTo(Dbops.OK);
        assertThat(second.out()).contains(snapshot + ": matches", "Findings, worst first\n  none", "0 errors");
    }

    @Test
    void leavesFlywayUndoScriptsBesideTheMigrationsOutOfTheReplayTheTraceAndTheSnapshot() throws Exception {
        Files.writeString(migrations.resolve("U1__init.sql"), "DROP TABLE orders;\n");

        Result result = run("check", migrations.toString(), "--rows", "100");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Dbops.OK);
        assertThat(result.out()).startsWith("dbops check: 1 migration on ").contains("V1__init.sql")
                .doesNotContain("U1__init.sql");
        assertThat(SchemaSnapshot.read(snapshot).schema().toString()).contains("orders");
    }

    @Test
    void newestMigrationIsTracedOnSeededRowsAndAnUnsafeOneFailsWithTheLintErrorFirst() throws Exception {
        Files.writeString(migrations.resolve("V2__index.sql"), "CREATE INDEX orders_amount ON orders (amount);\n");

        Result result = run("check", migrations.toString(), "--rows", "1000", "--snapshot",
                dir.resolve("snap.json").toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains("1 replayed, 1 traced on 1,000 rows in 1 table");
        String worstFirst = result.out().substring(result.out().indexOf("Findings, worst first"),
                result.out().indexOf("== Lint"));
        assertThat(worstFirst.lines().skip(1).findFirst().orElseThrow())
                .startsWith("  error   lint").contains("V2__index.sql:1", "require-concurrent-index-creation");
        assertThat(result.out()).contains("SHARE on public.orders");
    }

    @Test
    void schemaThatNoLongerMatchesTheCommittedSnapshotExitsWithOneAndNamesTheDifference() throws Exception {
        assertThat(run("check", migrations.toString()).exitCode()).isEqualTo(Dbops.OK);
        Files.writeString(migrations.resolve("V2__label.sql"), "ALTER TABLE orders ADD COLUMN label text;\n");

        Result result = run("check", migrations.toString());

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains("1 difference — run again with --update-snapshot", "label");

        Result updated = run("check", migrations.toString(), "--update-snapshot");
        assertThat(updated.exitCode()).as(updated.err()).isEqualTo(Dbops.OK);
        assertThat(updated.out()).contains(": rewritten");
    }

    @Test
    void migrationThatFailsOnPostgresExitsWithTwoNamingFileLineAndTheServersError() throws Exception {
        Files.writeString(migrations.resolve("V2__broken.sql"), "ALTER TABLE orders\n  ADD COLUMN x no_such_type;\n");

        Result result = run("check", migrations.toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("V2__broken.sql", "no_such_type", "fix the statement and run again");
        assertThat(snapshot).doesNotExist();
    }

    @Test
    void pathWithoutMigrationsExitsWithTwoAndChecksNothing() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));

        Result result = run("check", empty.toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("no migrations found", "nothing was checked");
    }

    @Test
    void readmeMainJobPassesOnTheSpringSampleAndItsCommittedSnapshotIsCurrent() {
        Result result = run("check", "../samples/spring-boot-app/src/main/resources/db/migration");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(Dbops.OK);
        assertThat(result.out()).contains("3 migrations", "2 replayed, 1 traced", "dbops-snapshot.json: matches",
                "create index concurrently");
    }
}
