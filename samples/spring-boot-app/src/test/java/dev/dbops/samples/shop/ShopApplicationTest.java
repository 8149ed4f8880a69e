package dev.dbops.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.json.Json;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** Boots the real shop on a database of the shared test server, as it starts in production. */
@ExtendWith(OutputCaptureExtension.class)
class ShopApplicationTest {

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

    private ConfigurableApplicationContext start(String... properties) {
        List<String> all = new ArrayList<>(List.of("spring.datasource.url=" + database.url().jdbcUrl(),
                "spring.datasource.username=" + database.url().user().orElseThrow(),
                "spring.datasource.password=" + database.url().password().orElseThrow(),
                "server.port=0", "dbops.guard.drift.reconciliation-directory=" + temp.resolve("reconcile")));
        all.addAll(List.of(properties));
        return new SpringApplicationBuilder(ShopApplication.class).properties(all.toArray(String[]::new)).run();
    }

    private String get(ConfigurableApplicationContext app, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(app, path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String post(ConfigurableApplicationContext app, String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(app, path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static URI uri(ConfigurableApplicationContext app, String path) {
        return URI.create("http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + path);
    }

    @Test
    @SuppressWarnings("unchecked")
    void startsOnACleanDatabaseAndReportsHealthUpWithTheDbopsComponents() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            Map<String, Object> customer = (Map<String, Object>) Json.parse(post(app, "/customers",
                    "{\"name\": \"Ada\", \"email\": \"ada@example.com\"}"));
            Map<String, Object> product = (Map<String, Object>) Json.parse(post(app, "/products",
                    "{\"sku\": \"T-1\", \"name\": \"Teapot\", \"priceCents\": 2500}"));
            post(app, "/orders", "{\"customerId\": " + customer.get("id") + ", \"productId\": " + product.get("id")
                    + ", \"quantity\": 2}");
            assertThat((List<Object>) Json.parse(get(app, "/customers/" + customer.get("id") + "/orders"))).hasSize(1);

            Map<String, Object> health = (Map<String, Object>) Json.parse(get(app, "/actuator/health"));
            assertThat(health).containsEntry("status", "UP");
            Map<String, Object> dbops = (Map<String, Object>) ((Map<String, Object>) health.get("components")).get("dbops");
            assertThat(dbops).containsEntry("status", "UP");
            Map<String, Object> components = (Map<String, Object>) dbops.get("components");
            assertThat(components).containsOnlyKeys("drift", "pool", "backup", "replication");
            assertThat((Map<String, Object>) components.get("drift")).containsEntry("status", "UP");
            assertThat((Map<String, Object>) ((Map<String, Object>) components.get("drift")).get("details"))
                    .containsEntry("expected", "snapshot classpath:db/dbops-snapshot.json")
                    .containsEntry("schemaDifferences", 0L);
            assertThat((Map<String, Object>) Json.parse(get(app, "/actuator/health/readiness")))
                    .containsEntry("status", "UP").extractingByKey("components")
                    .satisfies(c -> assertThat((Map<String, Object>) c).containsOnlyKeys("readinessState"));
            Map<String, Object> endpoint = (Map<String, Object>) Json.parse(get(app, "/actuator/dbops"));
            assertThat((Map<String, Object>) endpoint.get("drift")).containsEntry("outcome", "PASS");
        }
    }

    @Test
    void failsStartupWhenAColumnTypeWasChangedByHand(CapturedOutput output) {
        start().close();
        execute("alter table customers alter column email type varchar(320)");
        assertThatThrownBy(this::start).hasRootCauseInstanceOf(dev.dbops.spring.guard.DbopsStartupException.class);
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("dbops found migration drift in jdbc:postgresql://")
                .contains("snapshot classpath:db/dbops-snapshot.json vs the live database")
                .contains("FAIL column public.customers.email differs: type text in the snapshot, character"
                        + " varying(320) in the live database; touched by V1")
                .contains("Reconciliation migration written to " + temp.resolve("reconcile")
                        .resolve("V4__reconcile_drift.sql"))
                .contains("To start anyway, set dbops.guard.drift.mode=warn.");
    }

    @Test
    void stopsAnUnsafePendingMigrationBeforeItRunsAndLeavesTheTableUntouched(CapturedOutput output) {
        start().close();
        assertThatThrownBy(() -> start("spring.flyway.locations=classpath:db/migration,classpath:db/unsafe-example"))
                .hasRootCauseInstanceOf(dev.dbops.spring.guard.DbopsStartupException.class);
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("dbops stopped the startup before 1 pending migration ran")
                .contains("V4__bigger_quantities.sql:2:1: error[");
        assertThat(query("select data_type from information_schema.columns where table_name = 'orders'"
                + " and column_name = 'quantity'")).isEqualTo("integer");
        assertThat(query("select count(*) from flyway_schema_history where version = '4'")).isEqualTo("0");
    }

    @Test
    void startsCleanlyWithTheUndoScriptsInFlywaysLocationsWhichCommunityFlywaySkips(CapturedOutput output) {
        start("spring.flyway.locations=classpath:db/migration,classpath:db/undo").close();

        assertThat(query("select string_agg(script, ',' order by installed_rank) from flyway_schema_history"))
                .isEqualTo("V1__customers_and_products.sql,V2__orders.sql,V3__orders_by_customer.sql");
        assertThat(query("select count(*) from pg_indexes where indexname = 'orders_customer_id_idx'")).isEqualTo("1");
        assertThat(output.getOut() + output.getErr())
                .contains("3 SQL migrations were detected but not run because they did not follow the filename convention")
                .doesNotContain("dbops found migration drift", "dbops stopped the startup");
    }

    private void execute(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String query(String sql) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
