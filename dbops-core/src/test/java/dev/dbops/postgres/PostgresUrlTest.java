package dev.dbops.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PostgresUrlTest {

    @Test
    void readsAJdbcUrlWithCredentialsAndParameters() {
        PostgresUrl url = PostgresUrl.parse(
                "jdbc:postgresql://db.example.com:6543/orders?user=alice&password=s3cret&sslmode=require");

        assertThat(url.host()).isEqualTo("db.example.com");
        assertThat(url.port()).isEqualTo(6543);
        assertThat(url.database()).isEqualTo("orders");
        assertThat(url.user()).contains("alice");
        assertThat(url.password()).contains("s3cret");
        assertThat(url.parameters()).containsExactly(Map.entry("sslmode", "require"));
    }

    @Test
    void readsALibpqUrlAndPercentDecodesUserAndPassword() {
        PostgresUrl url = PostgresUrl.parse("postgresql://al%40ice:p%40ss%3Aw%2Fo%25rd%20%C3%A9@db:5433/my%20db");

        assertThat(url.user()).contains("al@ice");
        assertThat(url.password()).contains("p@ss:w/o%rd é");
        assertThat(url.host()).isEqualTo("db");
        assertThat(url.port()).isEqualTo(5433);
        assertThat(url.database()).isEqualTo("my db");
    }

    @Test
    void acceptsThePostgresSchemeAsWell() {
        assertThat(PostgresUrl.parse("postgres://bob@localhost/app"))
                .isEqualTo(new PostgresUrl("localhost", 5432, "app", Optional.of("bob"), Optional.empty(), Map.of()));
    }

    @Test
    void defaultsThePortTo5432AndHasNoCredentialsWhenNoneAreGiven() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://localhost/app");

        assertThat(url.port()).isEqualTo(PostgresUrl.DEFAULT_PORT);
        assertThat(url.user()).isEmpty();
        assertThat(url.password()).isEmpty();
        assertThat(url.parameters()).isEmpty();
    }

    @Test
    void readsTheDriversShortFormAsLocalhost() {
        assertThat(PostgresUrl.parse("jdbc:postgresql:app")).isEqualTo(PostgresUrl.of("localhost", 5432, "app"));
    }

    @Test
    void readsAnIpv6HostInBrackets() {
        PostgresUrl url = PostgresUrl.parse("postgresql://u:p@[::1]:5440/app");

        assertThat(url.host()).isEqualTo("::1");
        assertThat(url.port()).isEqualTo(5440);
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5440/app");
    }

    @Test
    void keepsAnUnencodedSlashInThePasswordInThePassword() {
        PostgresUrl url = PostgresUrl.parse("postgresql://u:pa/ss@host/app");

        assertThat(url.password()).contains("pa/ss");
        assertThat(url.host()).isEqualTo("host");
        assertThat(url.database()).isEqualTo("app");
    }

    @Test
    void jdbcUrlHasNoCredentialsButKeepsTheParametersEncoded() {
        PostgresUrl url = PostgresUrl.parse("postgresql://alice:s3cret@db:5432/my%20db?sslmode=require&options=-c%20x%3Dy");

        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/my%20db?sslmode=require&options=-c%20x%3Dy");
        assertThat(PostgresUrl.parse(url.jdbcUrl()).withCredentials("alice", "s3cret")).isEqualTo(url);
    }

    @Test
    void withDatabaseAndWithCredentialsChangeOnlyThatPart() {
        PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://db:5000/one?user=a&password=b&sslmode=disable");

        assertThat(url.withDatabase("two"))
                .isEqualTo(PostgresUrl.parse("jdbc:postgresql://db:5000/two?user=a&password=b&sslmode=disable"));
        assertThat(url.withCredentials("c", "d"))
                .isEqualTo(PostgresUrl.parse("jdbc:postgresql://db:5000/one?user=c&password=d&sslmode=disable"));
    }

    @Test
    void maskedAndToStringNeverShowThePassword() {
        PostgresUrl url = PostgresUrl.parse("postgresql://alice:hunter2@db/app?sslmode=require&sslpassword=keypass");

        assertThat(url.masked())
                .isEqualTo("jdbc:postgresql://db:5432/app?sslmode=require&sslpassword=***&user=alice&password=***");
        assertThat(url.toString()).isEqualTo(url.masked());
        assertThat(url.toString()).doesNotContain("hunter2").doesNotContain("keypass");
    }

    @Test
    void maskedShowsNoCredentialPartsWhenThereAreNone() {
        assertThat(PostgresUrl.of("db", 5432, "app").masked()).isEqualTo("jdbc:postgresql://db:5432/app");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:mysql://db:3306/app?user=root&password=hunter2",
        "jdbc:h2:mem:test;PASSWORD=hunter2",
        "mysql://root:hunter2@db/app",
        "not a url at all",
        ""
    })
    void rejectsAnythingThatIsNotAPostgresqlUrlShowingTheAcceptedForms(String input) {
        assertThatThrownBy(() -> PostgresUrl.parse(input))
                .isInstanceOfSatisfying(DbopsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL))
                .hasMessageContaining("it is not a PostgreSQL URL")
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("jdbc:postgresql://host[:port]/database")
                .hasMessageContaining("postgresql://[user[:password]@]host[:port]/database");
    }

    @Test
    void namesTheMaskedInputWhenRejectingIt() {
        assertThatThrownBy(() -> PostgresUrl.parse("mysql://root:hunter2@db/app"))
                .hasMessageContaining("'mysql://root:***@db/app'")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> PostgresUrl.parse("jdbc:mysql://db:3306/app?user=root&password=hunter2"))
                .hasMessageContaining("'jdbc:mysql://db:3306/app?user=root&password=***'")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void neverShowsThePasswordOfAMalformedPostgresqlUrl() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://alice:hun@ter2@db:notaport/app"))
                .isInstanceOfSatisfying(DbopsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL))
                .hasMessageContaining("the port 'notaport' is not a number")
                .hasMessageNotContaining("hun@ter2")
                .hasMessageNotContaining("ter2");
    }

    @Test
    void rejectsAUrlWithoutDatabase() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://alice@db:5432"))
                .isInstanceOfSatisfying(DbopsException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_URL))
                .hasMessageContaining("names no database");
    }

    @Test
    void rejectsABrokenPercentEscape() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://alice:50%@db/app"))
                .hasMessageContaining("'%' not followed by two hex digits")
                .hasMessageNotContaining("50%@");
    }

    @Test
    void rejectsSeveralHostsAndOutOfRangePorts() {
        assertThatThrownBy(() -> PostgresUrl.parse("jdbc:postgresql://a:5432,b:5432/app"))
                .hasMessageContaining("several hosts");
        assertThatThrownBy(() -> PostgresUrl.parse("jdbc:postgresql://a:70000/app"))
                .hasMessageContaining("the port 70000 is outside 1–65535");
    }

    @Test
    void rejectsTheUserGivenTwice() {
        assertThatThrownBy(() -> PostgresUrl.parse("postgresql://a:b@db/app?user=c"))
                .hasMessageContaining("gives the user twice");
    }
}
