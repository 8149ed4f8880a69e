package dev.dbops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** Misuse of {@link DbopsPostgres} fails the test with a message that names the field or parameter and the fix. */
class DbopsPostgresMisuseTest {

    private static Throwable onlyFailure(Class<?> fixture) {
        EngineExecutionResults results = Fixtures.run(fixture);
        assertThat(Fixtures.failures(results)).as("failures of " + fixture.getSimpleName()).hasSize(1);
        return Fixtures.failures(results).get(0);
    }

    @Test
    void rejectsAFieldOfATypeItCannotInject() {
        assertThat(onlyFailure(IntegerField.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@DbopsPostgres on field IntegerField.port: its type java.lang.Integer cannot be injected;"
                        + " use one of [javax.sql.DataSource, java.lang.String, dev.dbops.postgres.PostgresDatabase,"
                        + " dev.dbops.postgres.PostgresUrl] (a String is the JDBC URL with user and password)");
    }

    @Test
    void rejectsAFinalStaticField() {
        assertThat(onlyFailure(FinalField.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@DbopsPostgres on field FinalField.dataSource: it is final, so the database cannot be"
                        + " injected into it; remove 'final'");
    }

    @Test
    void rejectsAVersionThatContradictsTheServerAndReportsEveryProblemAtOnce() {
        assertThat(onlyFailure(Contradiction.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@DbopsPostgres on field Contradiction.database: its type java.lang.Object cannot be"
                        + " injected; use one of [javax.sql.DataSource, java.lang.String,"
                        + " dev.dbops.postgres.PostgresDatabase, dev.dbops.postgres.PostgresUrl] (a String is the JDBC"
                        + " URL with user and password); server = \"embedded:17\" and version = \"18\" ask for different"
                        + " versions: give the version in one of them");
    }

    @Test
    void rejectsAParameterOfATypeItCannotInjectNamingIt() {
        assertThat(onlyFailure(PathParameter.class))
                .isInstanceOf(ParameterResolutionException.class)
                .cause().isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@DbopsPostgres on parameter 0 (directory) of PathParameter.test(): its type"
                        + " java.nio.file.Path cannot be injected");
    }

    @Test
    void rejectsAServerSpecThatIsNoneOfTheAcceptedForms() {
        assertThat(onlyFailure(UnknownServer.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@DbopsPostgres on field UnknownServer.dataSource: Cannot choose a test"
                        + " PostgreSQL from 'docker'")
                .hasMessageContaining("Accepted forms: embedded (the default: PostgreSQL 15)");
    }

    @Test
    void rejectsAnEmbeddedVersionThatDoesNotExist() {
        assertThat(onlyFailure(UnknownVersion.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@DbopsPostgres on field UnknownVersion.dataSource: ")
                .hasMessageContaining("version '9' is neither a known major");
    }

    @Test
    @DisabledIf("dockerIsPresent")
    void explainsThatTestcontainersNeedsADockerEngineWhereThereIsNone() {
        assertThat(onlyFailure(DockerServer.class))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageStartingWith("@DbopsPostgres on field DockerServer.dataSource: DBOPS_TEST_POSTGRES asks"
                        + " for testcontainers, but no Docker engine was found")
                .hasMessageContaining("use 'embedded' (the default; no Docker needed)");
    }

    @Test
    @EnabledIf("dockerIsPresent")
    void startsAPostgresContainerWhereADockerEngineRuns() {
        assertThat(Fixtures.failures(Fixtures.run(DockerServer.class))).isEmpty();
    }

    static boolean dockerIsPresent() {
        String host = System.getenv().getOrDefault("DOCKER_HOST", "");
        return !host.isBlank() || Files.exists(Path.of("/var/run/docker.sock"));
    }

    @Test
    void findsTheTestcontainersClassesThatCoreStartsReflectively() throws ReflectiveOperationException {
        Class<?> container = Class.forName("org.testcontainers.postgresql.PostgreSQLContainer");

        assertThat(container.getConstructor(String.class)).isNotNull();
        for (String method : new String[] {"start", "getJdbcUrl", "getUsername", "getPassword"}) {
            assertThat(container.getMethod(method)).as(method).isNotNull();
        }
        assertThat(AutoCloseable.class).isAssignableFrom(container);
    }

    static class IntegerField {
        @DbopsPostgres
        Integer port;

        @Test
        void test() {
        }
    }

    static class FinalField {
        @DbopsPostgres
        static final DataSource dataSource = null;

        @Test
        void test() {
        }
    }

    static class Contradiction {
        @DbopsPostgres(server = "embedded:17", version = "18")
        Object database;

        @Test
        void test() {
        }
    }

    static class PathParameter {
        @Test
        void test(@DbopsPostgres Path directory) {
        }
    }

    static class UnknownServer {
        @DbopsPostgres(server = "docker")
        DataSource dataSource;

        @Test
        void test() {
        }
    }

    static class UnknownVersion {
        @DbopsPostgres(version = "9")
        DataSource dataSource;

        @Test
        void test() {
        }
    }

    static class DockerServer {
        @DbopsPostgres(server = "testcontainers")
        PostgresDatabase dataSource;

        @Test
        void test() {
            assertThat(dataSource.name()).startsWith("dbops_");
        }
    }
}
