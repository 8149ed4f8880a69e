package dev.dbops.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresUrl;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitorDatabaseTest {

    private static final MonitorDatabase.Naming NAMING = new MonitorDatabase.Naming("the test's database",
            "the test's pool");

    @Test
    void locationNamesTheDatabaseWithoutUserOrPassword() {
        MonitorDatabase database = MonitorDatabase.of("jdbc:postgresql://db.example.com:6543/shop?sslmode=require",
                "alice", "s3cret", NAMING);

        assertThat(database.location()).isEqualTo("jdbc:postgresql://db.example.com:6543/shop?sslmode=require");
        assertThat(database.url()).map(PostgresUrl::user).contains(Optional.of("alice"));
        assertThat(database.url()).map(PostgresUrl::password).contains(Optional.of("s3cret"));
        assertThat(database.toString()).doesNotContain("s3cret").doesNotContain("alice");
    }

    @Test
    void aUrlOfAnotherDatabaseSystemGivesADatabaseThatCannotBeOpenedAndSaysWhyInTheNamingGiven() {
        MonitorDatabase database = MonitorDatabase.of("jdbc:mysql://db:3306/shop", "alice", "s3cret", NAMING);

        assertThat(database.url()).isEmpty();
        assertThat(database.location()).startsWith("(unknown: its JDBC URL is not one dbops can read (");
        assertThatThrownBy(() -> database.open(Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(DbopsException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION_FAILED))
                .hasMessage("dbops cannot open a connection of its own to the test's database "
                        + database.location() + " — give the test's pool a jdbc:postgresql:// URL");
    }

    @Test
    void connectAndLoginTimeoutsAreAddedInWholeSecondsUnlessTheUrlSetsThem() {
        PostgresUrl plain = PostgresUrl.parse("jdbc:postgresql://db/shop");
        PostgresUrl own = PostgresUrl.parse("jdbc:postgresql://db/shop?connectTimeout=30");

        assertThat(MonitorDatabase.withTimeouts(plain, Duration.ofMillis(2500)).parameters())
                .containsEntry("connectTimeout", "2").containsEntry("loginTimeout", "2");
        assertThat(MonitorDatabase.withTimeouts(plain, Duration.ofMillis(10)).parameters())
                .containsEntry("connectTimeout", "1");
        assertThat(MonitorDatabase.withTimeouts(own, Duration.ofSeconds(5)).parameters())
                .containsEntry("connectTimeout", "30").containsEntry("loginTimeout", "5");
    }
}
