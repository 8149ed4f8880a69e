package dev.dbops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresProviderTest {

    @Test
    void givesTheSameServerToEveryCallerAndIgnoresClose() {
        PostgresServer first = PostgresProvider.shared();
        first.close();

        PostgresServer second = PostgresProvider.shared();

        assertThat(second).isSameAs(first);
        try (PostgresDatabase database = second.createDatabase()) {
            assertThat(database.name()).startsWith("dbops_");
        }
    }

    @Test
    void prefersTheSystemPropertyOverTheEnvironmentVariableOverTheDefault() {
        Map<String, String> environment = Map.of(PostgresProvider.ENVIRONMENT_VARIABLE, "embedded:18");

        assertThat(PostgresProvider.configuredSpec(name -> "embedded:17", environment)).isEqualTo("embedded:17");
        assertThat(PostgresProvider.configuredSpec(name -> null, environment)).isEqualTo("embedded:18");
        assertThat(PostgresProvider.configuredSpec(name -> " ", Map.of())).isEqualTo("embedded");
    }

    @Test
    void connectsToAnExistingServerGivenByUrl() {
        PostgresUrl admin = PostgresProvider.shared().adminUrl();
        String spec = "postgresql://" + admin.user().orElseThrow() + ":" + admin.password().orElseThrow() + "@"
                + admin.hostAndPort() + "/" + admin.database();

        try (PostgresServer external = PostgresProvider.fromSpec(spec)) {
            assertThat(external).isInstanceOf(ExternalPostgres.class);
            assertThat(external.adminUrl()).isEqualTo(admin);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"embeded", "docker", "mysql://root:hunter2@db/app", "  "})
    void rejectsAnUnknownSpecListingTheAcceptedForms(String spec) {
        assertThatThrownBy(() -> PostgresProvider.fromSpec(spec))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("Cannot choose a test PostgreSQL")
                .hasMessageContaining("embedded (the default: PostgreSQL 15), embedded:<major or exact version>")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageContaining("testcontainers or testcontainers:<image tag>")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void reportsAMalformedUrlSpecAsAnInvalidUrl() {
        assertThatThrownBy(() -> PostgresProvider.fromSpec("jdbc:mysql://db/app"))
                .isInstanceOfSatisfying(DbopsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL));
    }

    @Test
    void rejectsAnUnknownEmbeddedVersion() {
        assertThatThrownBy(() -> PostgresProvider.fromSpec("embedded:eleventy"))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("version 'eleventy' is neither a known major");
    }

    @Test
    void explainsThatTestcontainersNeedsDockerWhenNoEngineIsFound(@TempDir Path temp) {
        Path noSocket = temp.resolve("docker.sock");

        assertThatThrownBy(() -> TestcontainersPostgres.start("15", Map.of(), noSocket))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("no Docker engine was found")
                .hasMessageContaining("DOCKER_HOST is not set and " + noSocket + " does not accept connections")
                .hasMessageContaining("use 'embedded'");
    }

    @Test
    void findsADockerEngineThroughDockerHost(@TempDir Path temp) {
        assertThat(TestcontainersPostgres.dockerEngine(Map.of("DOCKER_HOST", "tcp://docker:2375"), temp.resolve("none")))
                .contains("DOCKER_HOST=tcp://docker:2375");
        assertThat(TestcontainersPostgres.dockerEngine(Map.of(), temp.resolve("none"))).isEmpty();
    }

    @Test
    void explainsThatTestcontainersIsMissingWhenDockerIsThere(@TempDir Path temp) {
        assertThatThrownBy(() -> TestcontainersPostgres.start("15", Map.of("DOCKER_HOST", "tcp://docker:2375"),
                        temp.resolve("none")))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("PostgreSQLContainer is not on the classpath")
                .hasMessageContaining("org.testcontainers:testcontainers-postgresql (2.x; org.testcontainers:postgresql in 1.x)");
    }
}
