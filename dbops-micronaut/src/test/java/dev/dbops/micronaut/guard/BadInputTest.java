package dev.dbops.micronaut.guard;

import dev.dbops.runtime.DriftCheckResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.ErrorCode;
import dev.dbops.micronaut.Contexts;
import dev.dbops.micronaut.TestDatabase;
import dev.dbops.micronaut.management.DbopsHealthIndicator;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import io.micronaut.context.ApplicationContext;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthResult;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Spring Boot starter's bad-input cases, with the same messages. */
class BadInputTest {

    private final TestDatabase db = new TestDatabase()
            .migration("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, customer text NOT NULL);");

    @AfterEach
    void dropDatabase() {
        db.close();
    }

    /** An application whose migrations run elsewhere (Flyway off), pointed at a port where nothing listens. */
    private Map<String, Object> unreachable(Path snapshot) {
        Map<String, Object> properties = db.properties(snapshot);
        properties.put("flyway.datasources.default.enabled", "false");
        properties.put("datasources.default.url", "jdbc:postgresql://127.0.0.1:1/app?sslmode=disable");
        properties.put("datasources.default.username", "alice");
        properties.put("datasources.default.password", "s3cret-pw");
        properties.put("datasources.default.connection-timeout", "1000");
        properties.put("datasources.default.initialization-fail-timeout", "-1");
        return properties;
    }

    @Test
    void failsStartupNamingTheUrlWithoutCredentialsWhenTheDatabaseIsUnreachable() {
        Throwable failure = Contexts.failure(unreachable(db.snapshotOfMigrations()));

        DbopsStartupException cause = DbopsStartupExceptions.find(failure);
        assertThat(cause.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
        assertThat(cause.description()).contains("could not reach the database "
                + "jdbc:postgresql://127.0.0.1:1/app?sslmode=disable").doesNotContain("s3cret-pw").doesNotContain("alice");
        assertThat(cause.action()).contains("dbops.guard.on-unavailable=warn").contains("datasources.default.url");
        assertThat(Contexts.messages(failure)).doesNotContain("s3cret-pw");
    }

    @Test
    void startsWithAWarningAndAnUnknownDriftHealthWhenToldToWarnOnAnUnreachableDatabase() {
        Map<String, Object> properties = unreachable(db.snapshotOfMigrations());
        properties.put("dbops.guard.on-unavailable", "warn");
        properties.put("dbops.replication.enabled", "false");
        try (ApplicationContext context = Contexts.start(properties)) {
            DriftCheckResult result = context.getBean(DriftStatus.class).latest("default").orElseThrow();
            assertThat(result.skipped().orElseThrow()).contains("jdbc:postgresql://127.0.0.1:1/app")
                    .doesNotContain("s3cret-pw");
            @SuppressWarnings("unchecked")
            Map<String, HealthResult> byDataSource = (Map<String, HealthResult>) context
                    .getBean(DbopsHealthIndicator.class).health().getDetails();
            @SuppressWarnings("unchecked")
            Map<String, HealthResult> parts = (Map<String, HealthResult>) byDataSource.get("default").getDetails();
            assertThat(parts.get("drift").getStatus()).isEqualTo(HealthStatus.UNKNOWN);
        }
    }

    @Test
    void failsStartupWhenTheDatabaseIsUnreachableBeforeFlywayRunsNamingTheUrl() {
        Map<String, Object> properties = unreachable(db.snapshotOfMigrations());
        properties.put("flyway.datasources.default.enabled", "true");

        DbopsStartupException cause = DbopsStartupExceptions.find(Contexts.failure(properties));

        assertThat(cause.code()).isEqualTo(ErrorCode.CONNECTION_FAILED);
        assertThat(cause.description()).contains("could not reach the database "
                + "jdbc:postgresql://127.0.0.1:1/app?sslmode=disable to lint its pending migrations")
                .doesNotContain("s3cret-pw");
    }

    @Test
    void failsStartupOnAMalformedSnapshotNamingTheFileAndHowToRegenerateIt() {
        Map<String, Object> properties = db.properties(Path.of("unused"));
        properties.put("dbops.guard.drift.snapshot", "classpath:guard/snapshot/malformed.json");

        DbopsStartupException cause = DbopsStartupExceptions.find(Contexts.failure(properties));

        assertThat(cause.code()).isEqualTo(ErrorCode.INVALID_SNAPSHOT);
        assertThat(cause.description()).contains("the snapshot classpath:guard/snapshot/malformed.json is not valid JSON")
                .contains("dbops inspect --url <jdbc-url> > src/main/resources/guard/snapshot/malformed.json");
    }

    @Test
    void failsStartupOnAMissingSnapshotExplainingHowToCreateIt() {
        Map<String, Object> properties = db.properties(Path.of("unused"));
        properties.remove("dbops.guard.drift.snapshot");

        DbopsStartupException cause = DbopsStartupExceptions.find(Contexts.failure(properties));

        assertThat(cause.code()).isEqualTo(ErrorCode.IO_FAILED);
        assertThat(cause.description()).contains("the snapshot classpath:db/dbops-snapshot.json"
                + " (dbops.guard.drift.snapshot) does not exist");
        assertThat(cause.action()).contains("dbops inspect --url jdbc:postgresql://<host>:<port>/<db>?user=<user>"
                + " > src/main/resources/db/dbops-snapshot.json").contains("dbops.guard.drift.shadow=embedded");
    }

    @Test
    void replaysOnAShadowServerWhenOneIsConfiguredAndNoSnapshotExists() {
        Map<String, Object> properties = db.properties(Path.of("unused"));
        properties.remove("dbops.guard.drift.snapshot");
        PostgresUrl admin = PostgresProvider.shared().adminUrl();
        properties.put("dbops.guard.drift.shadow", admin.jdbcUrl() + (admin.jdbcUrl().contains("?") ? "&" : "?")
                + "user=" + admin.user().orElseThrow() + "&password=" + admin.password().orElseThrow());
        try (ApplicationContext context = Contexts.start(properties)) {
            assertThat(context.getBean(DriftStatus.class).latest("default").orElseThrow().report().orElseThrow()
                    .schema().expectedFrom()).startsWith("replay of 1 migration");
        }
    }
}
