package dev.dbops.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import dev.dbops.postgres.PostgresUrl;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class ServerChoiceTest {

    private static final String URL = "postgresql://app:s3cret@db.internal:5433/app";

    @Test
    void takesTheConfiguredServerWhenTheAnnotationNamesNone() {
        assertThat(ServerChoice.of("", "", "embedded")).isEqualTo(new ServerChoice("embedded", OptionalInt.empty()));
        assertThat(ServerChoice.of("", "", "testcontainers:16")).isEqualTo(new ServerChoice("testcontainers:16",
                OptionalInt.empty()));
    }

    @Test
    void letsTheAnnotationsServerWinOverTheConfiguredOne() {
        assertThat(ServerChoice.of("", "embedded:17", "testcontainers").spec()).isEqualTo("embedded:17");
    }

    @Test
    void turnsAVersionIntoTheEmbeddedServerOrImageTagOfThatVersion() {
        assertThat(ServerChoice.of("18", "", "embedded").spec()).isEqualTo("embedded:18");
        assertThat(ServerChoice.of("18", "", "embedded:17").spec()).as("the test's version beats the JVM's")
                .isEqualTo("embedded:18");
        assertThat(ServerChoice.of("15.19.0", "", "embedded").spec()).isEqualTo("embedded:15.19.0");
        assertThat(ServerChoice.of("16", "", "testcontainers").spec()).isEqualTo("testcontainers:16");
        assertThat(ServerChoice.of("16", "testcontainers", "embedded").spec()).isEqualTo("testcontainers:16");
        assertThat(ServerChoice.of("17", "embedded:17", "embedded").spec()).isEqualTo("embedded:17");
    }

    @Test
    void checksAVersionAgainstAServerNamedByUrlInsteadOfReplacingIt() {
        ServerChoice choice = ServerChoice.of("16.4", "", URL);

        assertThat(choice.spec()).isEqualTo(URL);
        assertThat(choice.requiredMajor()).hasValue(16);
    }

    @Test
    void rejectsAVersionThatContradictsTheServersOwn() {
        assertThatThrownBy(() -> ServerChoice.of("18", "embedded:17", "embedded"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("server = \"embedded:17\" and version = \"18\" ask for different versions: give the version"
                        + " in one of them");
    }

    @Test
    void rejectsSomethingThatIsNotAVersion() {
        assertThatThrownBy(() -> ServerChoice.of("latest", "", "embedded"))
                .hasMessage("version \"latest\" is not a PostgreSQL version: give a major such as \"18\" or an exact"
                        + " release such as \"15.19.0\"");
    }

    @Test
    void masksThePasswordOfAUrlInEveryDescription() {
        ServerChoice choice = ServerChoice.of("", URL, "embedded");

        assertThat(choice.describe()).isEqualTo("jdbc:postgresql://db.internal:5433/app?user=app&password=***");
        assertThat(choice.toString()).doesNotContain("s3cret");
    }

    @Test
    void readsTheSystemPropertyBeforeTheEnvironmentVariable() {
        Map<String, String> environment = Map.of(PostgresProvider.ENVIRONMENT_VARIABLE, "embedded:18");

        assertThat(ServerChoice.configuredSpec(name -> "embedded:17", environment)).isEqualTo("embedded:17");
        assertThat(ServerChoice.configuredSpec(name -> null, environment)).isEqualTo("embedded:18");
        assertThat(ServerChoice.configuredSpec(name -> null, Map.of())).isEqualTo("embedded");
    }

    @Test
    void usesAServerNamedByUrlWhenItHasTheVersionAskedFor() {
        PostgresUrl admin = PostgresProvider.shared().adminUrl();
        int major = PostgresProvider.shared().majorVersion();
        String url = admin.jdbcUrl() + "?user=" + admin.user().orElseThrow() + "&password=" + admin.password().orElseThrow();

        PostgresServer server = TestServers.server(ServerChoice.of(String.valueOf(major), url, "embedded"));

        assertThat(server).isNotSameAs(PostgresProvider.shared());
        try (PostgresDatabase database = server.createDatabase()) {
            assertThat(database.url().port()).isEqualTo(admin.port());
        }
        assertThatThrownBy(() -> TestServers.server(ServerChoice.of(String.valueOf(major + 3), url, "embedded")))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("PostgreSQL " + (major + 3) + " was asked for, but the server "
                        + admin.jdbcUrl() + "?user=" + admin.user().orElseThrow() + "&password=*** is PostgreSQL " + major)
                .hasMessageNotContaining(admin.password().orElseThrow());
    }
}
