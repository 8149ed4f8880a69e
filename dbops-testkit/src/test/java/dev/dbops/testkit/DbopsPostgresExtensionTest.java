package dev.dbops.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class DbopsPostgresExtensionTest {

    /** What the fixtures saw, in the order they saw it: {@code "<where> <database>"}. */
    static final List<String> SEEN = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetWhatEarlierFixturesSaw() {
        SEEN.clear();
    }

    @Test
    void injectsOneDatabaseIntoEveryInjectionPointOfATest() {
        EngineExecutionResults results = Fixtures.run(EveryType.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(SEEN).hasSize(5).allSatisfy(seen -> assertThat(seen).endsWith(SEEN.get(0).split(" ")[1]));
    }

    @Test
    void givesStaticFieldsOneDatabasePerClassAndInstanceFieldsOnePerTest() {
        EngineExecutionResults results = Fixtures.run(PerClassAndPerMethod.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        List<String> perClass = SEEN.stream().filter(s -> s.startsWith("static")).map(s -> s.split(" ")[1]).toList();
        List<String> perTest = SEEN.stream().filter(s -> s.startsWith("instance")).map(s -> s.split(" ")[1]).toList();
        assertThat(perClass).hasSize(2).containsOnly(perClass.get(0));
        assertThat(perTest).hasSize(2).doesNotHaveDuplicates().doesNotContain(perClass.get(0));
        assertThat(SEEN).contains("beforeAll " + perClass.get(0))
                .as("a constructor parameter gets the class's database").contains("constructor " + perClass.get(0))
                .filteredOn(s -> s.startsWith("constructor")).hasSize(2);
    }

    @Test
    void dropsEveryDatabaseWhenItsTestOrClassEnds() throws SQLException {
        Fixtures.run(PerClassAndPerMethod.class);

        assertThat(SEEN).isNotEmpty();
        for (String seen : SEEN) {
            assertThat(Fixtures.databaseExists(seen.split(" ")[1])).as(seen).isFalse();
        }
    }

    @Test
    void keepsTheDatabaseOfAFailedTestAndReportsItsUrlWithoutPassword() throws SQLException {
        EngineExecutionResults results = Fixtures.run(KeepOnFailure.class);
        String failed = SEEN.get(0).split(" ")[1];
        String passed = SEEN.get(1).split(" ")[1];

        try {
            results.testEvents().assertStatistics(stats -> stats.failed(1).succeeded(1));
            assertThat(Fixtures.databaseExists(failed)).isTrue();
            assertThat(Fixtures.databaseExists(passed)).isFalse();
            assertThat(Fixtures.reportEntries(results, DbopsPostgresExtension.KEPT_DATABASE_ENTRY)).singleElement()
                    .asString()
                    .startsWith("kept database " + failed + " for inspection after a failure: jdbc:postgresql://")
                    .contains("/" + failed + "?user=")
                    .doesNotContain("password")
                    .endsWith("(on the embedded server, which stops when this JVM exits; set DBOPS_TEST_POSTGRES to a"
                            + " server URL to keep it longer)");
        } finally {
            Fixtures.dropDatabase(failed);
        }
    }

    @Test
    void keepsTheClassDatabaseWhenAnyOfItsTestsFailsIfTheClassAsksForIt() throws SQLException {
        EngineExecutionResults results = Fixtures.run(KeepClassDatabase.class);
        String classDatabase = SEEN.get(0).split(" ")[1];

        try {
            assertThat(Fixtures.databaseExists(classDatabase)).isTrue();
            assertThat(Fixtures.reportEntries(results, DbopsPostgresExtension.KEPT_DATABASE_ENTRY)).singleElement()
                    .asString().contains(classDatabase);
        } finally {
            Fixtures.dropDatabase(classDatabase);
        }
    }

    @Test
    void dropsTheDatabaseOfAFailedTestUnlessAskedToKeepIt() throws SQLException {
        EngineExecutionResults results = Fixtures.run(FailsWithoutKeeping.class);

        results.testEvents().assertStatistics(stats -> stats.failed(1));
        assertThat(Fixtures.databaseExists(SEEN.get(0).split(" ")[1])).isFalse();
        assertThat(Fixtures.reportEntries(results, DbopsPostgresExtension.KEPT_DATABASE_ENTRY)).isEmpty();
    }

    @Test
    void injectsOuterAndNestedFieldsOfANestedTestFromTheSameTestDatabase() {
        EngineExecutionResults results = Fixtures.run(Outer.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0).split(" ")[1]).isEqualTo(SEEN.get(1).split(" ")[1]);
    }

    @Test
    void startsAnEmbeddedServerOfTheVersionAsked() {
        EngineExecutionResults results = Fixtures.run(Version18.class);

        assertThat(Fixtures.failures(results)).isEmpty();
        assertThat(SEEN).containsExactly("version 18");
    }

    static String databaseOf(DataSource dataSource) {
        try {
            return Fixtures.databaseOf(dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static class EveryType {
        @DbopsPostgres
        DataSource dataSource;

        @Test
        void sees(@DbopsPostgres String jdbcUrl, @DbopsPostgres PostgresDatabase database, @DbopsPostgres PostgresUrl url)
                throws SQLException {
            SEEN.add("field " + databaseOf(dataSource));
            SEEN.add("string " + Fixtures.databaseOf(jdbcUrl));
            SEEN.add("handle " + database.name());
            SEEN.add("url " + url.database());
            try (Connection connection = database.connect()) {
                SEEN.add("connect " + connection.getCatalog());
            }
        }
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class PerClassAndPerMethod {
        @DbopsPostgres
        static DataSource perClass;

        @DbopsPostgres
        DataSource perTest;

        PerClassAndPerMethod(@DbopsPostgres PostgresDatabase database) {
            SEEN.add("constructor " + database.name());
        }

        @BeforeAll
        static void sawInBeforeAll(@DbopsPostgres PostgresDatabase database) {
            SEEN.add("beforeAll " + database.name());
        }

        @Test
        void first() {
            SEEN.add("static " + databaseOf(perClass));
            SEEN.add("instance " + databaseOf(perTest));
        }

        @Test
        void second() {
            SEEN.add("static " + databaseOf(perClass));
            SEEN.add("instance " + databaseOf(perTest));
        }
    }

    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class KeepOnFailure {
        @DbopsPostgres(keepOnFailure = true)
        DataSource dataSource;

        @Test
        void a_fails() {
            SEEN.add("failed " + databaseOf(dataSource));
            assertThat(1).as("a deliberate failure").isEqualTo(2);
        }

        @Test
        void b_passes() {
            SEEN.add("passed " + databaseOf(dataSource));
        }
    }

    @DbopsPostgres(keepOnFailure = true)
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class KeepClassDatabase {
        @DbopsPostgres
        static PostgresDatabase shared;

        @Test
        void a_fails() {
            SEEN.add("class " + shared.name());
            assertThat(1).as("a deliberate failure").isEqualTo(2);
        }

        @Test
        void b_passes() {
            SEEN.add("class " + shared.name());
        }
    }

    static class FailsWithoutKeeping {
        @Test
        void fails(@DbopsPostgres PostgresDatabase database) {
            SEEN.add("failed " + database.name());
            assertThat(1).as("a deliberate failure").isEqualTo(2);
        }
    }

    static class Outer {
        @DbopsPostgres
        DataSource outer;

        @Nested
        class Inner {
            @DbopsPostgres
            DataSource inner;

            @Test
            void sees() {
                SEEN.add("outer " + databaseOf(outer));
                SEEN.add("inner " + databaseOf(inner));
            }
        }
    }

    static class Version18 {
        @Test
        void runsOn(@DbopsPostgres(version = "18") DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select current_setting('server_version_num')::int / 10000")) {
                rows.next();
                SEEN.add("version " + rows.getInt(1));
            }
        }
    }
}
