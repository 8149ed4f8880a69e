package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The content hash of {@link FingerprintMethod#COLUMN_HASH} on a real server: it changes with every change
 * of content, including the ones PostgreSQL's own type hashes cannot see, and only with content.
 */
class FingerprintExactnessTest {

    /** Two contents of one column that differ, in ways a type hash would equate or fold together. */
    @ParameterizedTest(name = "{0}: {1} vs {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "numeric          | 5                          | -5",
        "numeric          | 1.0                        | 1.00",
        "numeric          | NaN                        | Infinity",
        "bigint           | 0                          | 4294967297",
        "bigint           | -1                         | 4294967295",
        "timestamptz      | 2000-01-01 00:00:00+00     | 2000-01-01 01:11:34.967297+00",
        "timestamp        | 2000-01-01 00:00:00        | 2000-01-01 01:11:34.967297",
        "timestamptz      | infinity                   | -infinity",
        "date             | infinity                   | 5874897-12-31",
        "date             | 2000-01-01                 | 2000-01-02",
        "double precision | 0                          | -0",
        "real             | 0                          | -0",
        "double precision | 1                          | 0",
        "interval         | 1 day                      | 24 hours",
        "interval         | 1 mon                      | 30 days",
        "int[]            | {1,2,3,4}                  | {{1,2},{3,4}}",
        "int[]            | {1,2}                      | [0:1]={1,2}",
        "jsonb            | {\"a\": 5}                 | {\"a\": -5}",
        "jsonb            | {\"a\": 1.0}               | {\"a\": 1.00}",
        "jsonb            | [[\"a\"], \"b\"]           | [[\"a\", \"b\"]]",
        "bpchar           | a                          | `a `",
        "text             | a                          | A",
        "text             | ``                         | ` `",
        "bytea            | \\x00                      | \\x0000",
        "uuid             | 00000000-0000-0000-0000-000000000001 | 00000000-0000-0000-0000-000000000002",
        "boolean          | true                       | false",
        "smallint         | 1                          | -1",
        "oid              | 1                          | 2",
        "inet             | 10.0.0.1                   | 10.0.0.1/24",
    })
    void seesEveryChangeOfAValue(String type, String before, String after) throws Exception {
        Assumptions.assumeFalse(after.equals("Infinity") && DrillFixture.SERVER.majorVersion() < 14,
                "numeric has no Infinity before PostgreSQL 14");
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(database.url(), "create table t (id int, v " + type + ");"
                    + " insert into t values (1, " + literal(before) + "::" + type + "), (2, null)");
            String original = hash(database.url(), "t");

            DrillFixture.execute(database.url(), "update t set v = " + literal(after) + "::" + type + " where id = 1");

            assertThat(hash(database.url(), "t")).isNotEqualTo(original);
        }
    }

    @ParameterizedTest(name = "NULL vs the value a NULL is hashed as: {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"bigint | 0", "integer | 0", "double precision | 0",
        "text | ''", "bytea | ''", "date | '2000-01-01'", "timestamptz | 'epoch'", "boolean | false", "numeric | 0",
        "jsonb | 'null'"})
    void tellsANullFromEveryValue(String type, String value) throws Exception {
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(database.url(), "create table t (id int, v " + type + ");"
                    + " insert into t values (1, null)");
            String withNull = hash(database.url(), "t");

            DrillFixture.execute(database.url(), "update t set v = " + value + "::" + type);

            assertThat(hash(database.url(), "t")).isNotEqualTo(withNull);
        }
    }

    @Test
    void seesValuesSwappedBetweenRowsWhichASumOfColumnHashesWouldNot() throws Exception {
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(database.url(), "create table t (a int, b int); insert into t values (1, 2), (3, 4)");
            String original = hash(database.url(), "t");

            DrillFixture.execute(database.url(), "update t set b = 6 - b");

            assertThat(hash(database.url(), "t")).isNotEqualTo(original);
            assertThat(DrillFixture.count(database.url(), "select sum(b) from t")).isEqualTo(6);
        }
    }

    @Test
    void seesAValueMovedToAnotherColumnAndANullMovedWithinARow() throws Exception {
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(database.url(), "create table t (a text, b text); insert into t values ('x', null)");
            String original = hash(database.url(), "t");

            DrillFixture.execute(database.url(), "update t set a = null, b = 'x'");

            assertThat(hash(database.url(), "t")).isNotEqualTo(original);
        }
    }

    @Test
    void countsDuplicateRowsAndIgnoresRowOrder() throws Exception {
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(database.url(), "create table t (v text); insert into t values ('a'), ('a'), ('b');"
                    + " create table u (v text); insert into u values ('b'), ('a'), ('a');"
                    + " create table w (v text); insert into w values ('a'), ('b'), ('b')");

            assertThat(hash(database.url(), "t")).isEqualTo(hash(database.url(), "u"))
                    .isNotEqualTo(hash(database.url(), "w"));
        }
    }

    @Test
    void hashesEnumsAndRegclassByNameSoTheyMatchInADatabaseWithOtherOids() throws Exception {
        String sql = "create type mood as enum ('sad', 'ok', 'happy'); create table t (m mood, ms mood[], r regclass,"
                + " k regtype); insert into t values ('ok', '{happy,sad}', 't', 'mood'), ('happy', null, null, 'int4')";
        try (PostgresDatabase first = DrillFixture.SERVER.createDatabase();
                PostgresDatabase second = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(first.url(), sql);
            DrillFixture.execute(second.url(), "create type filler as enum ('x', 'y', 'z'); create table pad (id int);"
                    + sql);

            assertThat(DrillFixture.count(first.url(), "select 'mood'::regtype::oid"))
                    .isNotEqualTo(DrillFixture.count(second.url(), "select 'mood'::regtype::oid"));
            assertThat(hash(second.url(), "t")).isEqualTo(hash(first.url(), "t"));
        }
    }

    @Test
    void hashesATableWiderThanOneChainedGroupAndSeesAChangeInItsLastColumns() throws Exception {
        String columns = IntStream.rangeClosed(1, 300).mapToObj(i -> "c" + i + (i % 3 == 0 ? " text" : " bigint"))
                .collect(Collectors.joining(", "));
        String values = IntStream.rangeClosed(1, 300).mapToObj(i -> i % 3 == 0 ? "'v" + i + "'" : Integer.toString(i))
                .collect(Collectors.joining(", "));
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(database.url(), "create table wide (" + columns + "); insert into wide values ("
                    + values + "), (" + values + ")");
            String original = hash(database.url(), "wide");

            DrillFixture.execute(database.url(), "update wide set c299 = null where ctid = (select min(ctid) from wide)");

            assertThat(hash(database.url(), "wide")).isNotEqualTo(original);
        }
    }

    @Test
    void hashesATableOfSixteenHundredColumnsWithoutExhaustingTheParserStack() throws Exception {
        String columns = IntStream.rangeClosed(1, 1600).mapToObj(i -> "c" + i + " float8")
                .collect(Collectors.joining(", "));
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(database.url(), "create table widest (" + columns + "); insert into widest (c1, c1600)"
                    + " values (1, -0.0)");

            assertThat(hash(database.url(), "widest")).isNotEqualTo("0");
        }
    }

    @Test
    void hashesADomainLikeItsBaseType() throws Exception {
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(database.url(), "create domain money_amount as bigint check (value >= 0);"
                    + " create domain price as money_amount; create table d (v price); create table b (v bigint);"
                    + " insert into d values (4294967297), (null); insert into b values (4294967297), (null)");

            assertThat(hash(database.url(), "d")).isEqualTo(hash(database.url(), "b"));
        }
    }

    @Test
    void hashesTheNullsOfANotValidNotNullConstraintOnPostgresEighteen() throws Exception {
        Assumptions.assumeTrue(DrillFixture.SERVER.majorVersion() >= 18, "NOT NULL ... NOT VALID is new in 18");
        try (PostgresDatabase database = DrillFixture.SERVER.createDatabase()) {
            DrillFixture.execute(database.url(), "create table t (v int); insert into t values (1), (null);"
                    + " create table u (v int); insert into u values (1), (null);"
                    + " alter table u add constraint v_set not null v not valid");

            assertThat(hash(database.url(), "u")).isEqualTo(hash(database.url(), "t"));
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    /** The COLUMN_HASH content hash of {@code public.<table>}, computed as a drill computes it. */
    static String hash(PostgresUrl url, String table) throws Exception {
        try (Connection connection = PostgresConnector.open(url)) {
            FingerprintSession.begin(connection, Optional.empty(), Duration.ofMinutes(1), Duration.ofSeconds(10));
            int versionNum = PostgresConnector.requireSupportedVersion(connection);
            Fingerprinter.TableRef ref = Fingerprinter.relations(connection, versionNum).tables().stream()
                    .filter(t -> t.schema().equals("public") && t.name().equals(table)).findFirst().orElseThrow();
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(Fingerprinter.hashQuery(ref, FingerprintMethod.COLUMN_HASH))) {
                rs.next();
                return rs.getString(2);
            } finally {
                connection.rollback();
            }
        }
    }
}
