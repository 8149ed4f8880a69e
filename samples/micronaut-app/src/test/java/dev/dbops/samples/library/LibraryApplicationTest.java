package dev.dbops.samples.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.json.Json;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Boots the real library, as {@code LibraryApplication.main} does, on a database of the shared test server. The
 * {@code test} environment makes Micronaut throw a failed startup's report instead of exiting the JVM.
 */
class LibraryApplicationTest {

    @TempDir
    Path temp;

    private PostgresDatabase database;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void createDatabase() {
        database = PostgresProvider.shared().createDatabase();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private ApplicationContext start(String... properties) {
        Map<String, Object> all = new HashMap<>(Map.of("datasources.default.url", database.url().jdbcUrl(),
                "datasources.default.username", database.url().user().orElseThrow(),
                "datasources.default.password", database.url().password().orElseThrow(),
                "micronaut.server.port", "-1",
                "dbops.guard.drift.reconciliation-directory", temp.resolve("reconcile").toString()));
        for (int i = 0; i < properties.length; i += 2) {
            all.put(properties[i], properties[i + 1]);
        }
        return Micronaut.build(new String[0]).mainClass(LibraryApplication.class).environments("test").properties(all).start();
    }

    private String get(ApplicationContext app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(app, path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String post(ApplicationContext app, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(app, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI uri(ApplicationContext app, String path) {
        return app.getBean(EmbeddedServer.class).getURI().resolve(path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            current = ((Map<String, Object>) current).get(key);
        }
        return (Map<String, Object>) current;
    }

    @Test
    @SuppressWarnings("unchecked")
    void startsOnACleanDatabaseAndReportsHealthUpWithTheDbopsDetails() throws Exception {
        try (ApplicationContext app = start()) {
            Map<String, Object> member = (Map<String, Object>) Json.parse(post(app, "/members",
                    "{\"name\": \"Grace\", \"email\": \"grace@example.com\"}"));
            Map<String, Object> book = (Map<String, Object>) Json.parse(post(app, "/books",
                    "{\"isbn\": \"978-0-00-000000-1\", \"title\": \"Compilers\", \"copies\": 2}"));
            post(app, "/loans", "{\"memberId\": " + member.get("id") + ", \"bookId\": " + book.get("id")
                    + ", \"days\": 14}");
            assertThat((List<Object>) Json.parse(get(app, "/members/" + member.get("id") + "/loans"))).hasSize(1);

            Object health = Json.parse(get(app, "/health"));
            assertThat(map(health)).containsEntry("status", "UP");
            Map<String, Object> dbops = map(health, "details", "dbops");
            assertThat(dbops).containsEntry("status", "UP");
            Map<String, Object> parts = map(dbops, "details", "default", "details");
            assertThat(parts).containsOnlyKeys("drift", "pool", "backup", "replication");
            assertThat(map(parts, "drift")).containsEntry("status", "UP");
            assertThat(map(parts, "drift", "details")).containsEntry("expected", "snapshot classpath:db/dbops-snapshot.json")
                    .containsEntry("schemaDifferences", 0L);
            assertThat(map(Json.parse(get(app, "/dbops/default")), "drift")).containsEntry("outcome", "PASS");
            assertThat(map(Json.parse(get(app, "/dbops")), "default", "drift")).containsEntry("outcome", "PASS");
            assertThat(http.send(HttpRequest.newBuilder(uri(app, "/dbops/nothing")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
            assertThat(map(Json.parse(get(app, "/metrics/dbops.drift.differences")))).containsEntry("name",
                    "dbops.drift.differences");
            assertThat(query("SELECT count(*) FROM pg_indexes WHERE indexname = 'loans_member_id_idx'")).isEqualTo("1");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void startsOnAnEmbeddedPostgresWhenNoUrlIsGiven() throws Exception {
        Map<String, Object> properties = Map.of("micronaut.server.port", "-1");
        try (ApplicationContext app = Micronaut.build(new String[0]).mainClass(LibraryApplication.class)
                .environments("test").properties(properties).start()) {
            assertThat(app.getProperty("datasources.default.url", String.class)).isEmpty();
            Map<String, Object> member = (Map<String, Object>) Json.parse(post(app, "/members",
                    "{\"name\": \"Ada\", \"email\": \"ada@example.com\"}"));
            assertThat(member).containsEntry("name", "Ada");
            assertThat(map(Json.parse(get(app, "/health")), "details", "dbops")).containsEntry("status", "UP");
        }
    }

    @Test
    void failsStartupWhenAColumnTypeWasChangedByHand() {
        start().close();
        execute("ALTER TABLE members ALTER COLUMN email TYPE varchar(320)");

        assertThatThrownBy(this::start).hasMessageStartingWith("Error starting Micronaut server: ")
                .hasMessageContaining("dbops found migration drift in jdbc:postgresql://")
                .hasMessageContaining("snapshot classpath:db/dbops-snapshot.json vs the live database")
                .hasMessageContaining("FAIL column public.members.email differs: type text in the snapshot, character"
                        + " varying(320) in the live database; touched by V1")
                .hasMessageContaining("Reconciliation migration written to "
                        + temp.resolve("reconcile").resolve("V4__reconcile_drift.sql"))
                .hasMessageContaining("To start anyway, set dbops.guard.drift.mode=warn.");
        assertThat(Files.exists(temp.resolve("reconcile").resolve("V4__reconcile_drift.sql"))).isTrue();
    }

    @Test
    void stopsAnUnsafePendingMigrationBeforeItRunsAndLeavesTheTableUntouched() {
        start().close();

        assertThatThrownBy(() -> start("flyway.datasources.default.locations",
                "classpath:db/migration,classpath:db/unsafe-example", "dbops.guard.lint.fail-on", "error"))
                .hasMessageContaining("dbops stopped the startup before 1 pending migration ran")
                .hasMessageContaining("V4__longer_loans.sql:3:1: error[column-type-rewrite]")
                .hasMessageContaining("nothing was migrated");
        assertThat(query("SELECT data_type FROM information_schema.columns WHERE table_name = 'loans'"
                + " AND column_name = 'days'")).isEqualTo("integer");
        assertThat(query("SELECT count(*) FROM flyway_schema_history WHERE version = '4'")).isEqualTo("0");
    }

    @Test
    void startsCleanlyWithTheUndoScriptsInFlywaysLocationsWhichCommunityFlywaySkips() {
        start("flyway.datasources.default.locations", "classpath:db/migration,classpath:db/undo").close();

        assertThat(query("SELECT string_agg(script, ',' ORDER BY installed_rank) FROM flyway_schema_history"))
                .isEqualTo("V1__members_and_books.sql,V2__loans.sql,V3__loans_by_member.sql");
        assertThat(query("SELECT count(*) FROM pg_indexes WHERE indexname = 'loans_member_id_idx'")).isEqualTo("1");
    }

    private void execute(String sql) {
        try (var connection = database.connect(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String query(String sql) {
        try (var connection = database.connect(); var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
