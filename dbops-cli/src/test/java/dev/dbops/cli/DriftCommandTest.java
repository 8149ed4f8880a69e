package dev.dbops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.drift.FlywayChecksum;
import dev.dbops.json.Json;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dbops drift} end to end: a database migrated with the two files below (the history table written
 * as Flyway writes it), the replay on the shared test server.
 */
class DriftCommandTest {

    private static final String V1 = "create table items (id int primary key, name text not null);\n";
    private static final String V2 = "create index items_name_idx on items (name);\n";

    @TempDir
    Path dir;

    private PostgresDatabase live;
    private Path migrations;

    record Result(int exitCode, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Dbops.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static String url(PostgresUrl url) {
        return "postgresql://" + url.user().orElseThrow() + ":" + url.password().orElse("") + "@" + url.host() + ":"
                + url.port() + "/" + url.database();
    }

    @BeforeEach
    void migrate() throws Exception {
        migrations = Files.createDirectories(dir.resolve("migration"));
        Files.writeString(migrations.resolve("V1__create_items.sql"), V1, StandardCharsets.UTF_8);
        Files.writeString(migrations.resolve("V2__index_items_name.sql"), V2, StandardCharsets.UTF_8);
        live = PostgresProvider.shared().createDatabase();
        try (Connection connection = live.connect(); Statement statement = connection.createStatement()) {
            statement.execute(V1 + V2 + "create table flyway_schema_history (installed_rank int primary key,"
                    + " version varchar(50), description varchar(200) not null, type varchar(20) not null,"
                    + " script varchar(1000) not null, checksum int, installed_by varchar(100) not null,"
                    + " installed_on timestamp not null default now(), execution_time int not null,"
                    + " success boolean not null)");
            try (PreparedStatement insert = connection.prepareStatement("insert into flyway_schema_history values"
                    + " (?, ?, ?, 'SQL', ?, ?, 'app', now(), 5, true)")) {
                Object[][] rows = {{1, "1", "create items", "V1__create_items.sql", FlywayChecksum.of(V1)},
                    {2, "2", "index items name", "V2__index_items_name.sql", FlywayChecksum.of(V2)}};
                for (Object[] row : rows) {
                    for (int i = 0; i < row.length; i++) {
                        insert.setObject(i + 1, row[i]);
                    }
                    insert.execute();
                }
            }
        }
    }

    @AfterEach
    void drop() {
        live.close();
    }

    private Result drift(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("drift", "--url", url(live.url()), "--migrations",
                migrations.toString(), "--shadow-url", url(PostgresProvider.shared().adminUrl()), "--no-git"));
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void exitsWithZeroWhenFilesHistoryAndSchemaAgree() {
        Result result = drift();

        assertThat(result.exitCode()).as(result.err()).isEqualTo(Dbops.OK);
        assertThat(result.out()).startsWith("history: Flyway, public.flyway_schema_history (2 migrations agree)\n"
                + "schema: replay of 2 migrations on PostgreSQL ")
                .endsWith("no drift: 0 history findings, 0 schema differences\n");
    }

    @Test
    void exitsWithOneListsTheDriftAndWritesTheReconciliation() throws Exception {
        try (Connection connection = live.connect(); Statement statement = connection.createStatement()) {
            statement.execute("create index items_id_name_idx on items (id, name)");
        }
        Result result = drift("--write-reconciliation", migrations.toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.FINDINGS);
        assertThat(result.out()).contains("  index public.items_id_name_idx is only in the live database; no migration"
                + " touches it — it looks created by hand\n").endsWith("drift: 0 history findings, 1 schema difference\n");
        Path written = migrations.resolve("V3__reconcile_drift.sql");
        assertThat(result.err()).contains("dbops drift: wrote " + written + " and " + written + ".conf (1 statement)");
        assertThat(Files.readString(written)).contains("--   flyway -skipExecutingMigrations=true -target=3 migrate",
                "CREATE INDEX CONCURRENTLY items_id_name_idx ON public.items USING btree (id, name);");
    }

    @Test
    void printsVersionedJson() {
        Result result = drift("--format", "json");

        Map<?, ?> document = (Map<?, ?>) Json.parse(result.out());
        assertThat(document.get("formatVersion")).isEqualTo(1L);
        assertThat(document.get("drift")).isEqualTo(false);
        assertThat((List<?>) ((Map<?, ?>) document.get("history")).get("entries")).hasSize(2);
    }

    @Test
    void exitsWithTwoWhenAMigrationCannotBeRead() throws Exception {
        Files.delete(migrations.resolve("V2__index_items_name.sql"));
        Files.createSymbolicLink(migrations.resolve("V2__index_items_name.sql"), dir.resolve("gone.sql"));

        Result result = drift();

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.out()).contains("V2 file unreadable: V2 is applied but its file could not be read");
        assertThat(result.err()).contains("V2__index_items_name.sql: cannot read: it does not exist",
                "dbops drift: 1 migration file could not be read; the report above is incomplete");
    }

    @Test
    void exitsWithTwoForAnUnknownDirection() {
        Result result = drift("--direction", "sideways", "--write-reconciliation", dir.toString());

        assertThat(result.exitCode()).isEqualTo(Dbops.ERROR);
        assertThat(result.err()).contains("--direction sideways is not one of files-to-live, live-to-files");
    }
}
