package dev.dbops.trace;

import static dev.dbops.trace.TraceFixture.flyway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: a migration that fails midway, files that do not load, a script Flyway would refuse. */
class FailedMigrationTraceTest {

    private static final PostgresServer SERVER = PostgresProvider.shared();

    @TempDir
    Path dir;

    @Test
    void reportsTheFailingStatementWithItsLineAndTheServersErrorAndDropsTheScratchDatabase() throws Exception {
        try (PostgresDatabase bystander = SERVER.createDatabase()) {
            try (Connection connection = bystander.connect(); Statement statement = connection.createStatement()) {
                statement.execute("create table kept (id int); insert into kept values (1), (2)");
            }
            List<String> before = databases();

            TraceReport report = LockTracer.builder().server(SERVER).build().trace(
                    flyway(dir, "applied", 1, "CREATE TABLE orders (id bigint PRIMARY KEY);\n"),
                    flyway(dir, "traced", 2, "ALTER TABLE orders ADD COLUMN note text;\n",
                            "ALTER TABLE orders ADD COLUMN total integer;\n\nALTER TABLE orders ALTER COLUMN"
                                    + " missing TYPE bigint;\n",
                            "ALTER TABLE orders DROP COLUMN note;\n"));

            MigrationFailure failure = report.failure().orElseThrow();
            assertThat(failure.migration()).isEqualTo("V3");
            assertThat(failure.file()).endsWith("V3__step_3.sql");
            assertThat(failure.line()).isEqualTo(3);
            assertThat(failure.statement()).isEqualTo("ALTER TABLE orders ALTER COLUMN missing TYPE bigint");
            assertThat(failure.sqlState()).isEqualTo("42703");
            assertThat(failure.error()).contains("column \"missing\" of relation \"orders\" does not exist");
            assertThat(failure.baseline()).isFalse();
            assertThat(report.migrations()).extracting(MigrationTrace::id).containsExactly("V2", "V3");
            assertThat(report.migrations().get(1).statements()).hasSize(1);
            assertThat(report.findings().get(0).kind()).isEqualTo(TraceFinding.Kind.MIGRATION_FAILED);
            assertThat(report.findings().get(0).position()).endsWith("V3__step_3.sql:3");
            assertThat(report.toText()).contains("stopped: ", "V3__step_3.sql:3: ALTER TABLE orders ALTER COLUMN"
                    + " missing TYPE bigint — ERROR: column \"missing\" of relation \"orders\" does not exist"
                    + " (SQLState 42703)", "(the scratch database was dropped)");
            assertThat(databases()).isEqualTo(before);
            try (Connection connection = bystander.connect(); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select count(*) from kept")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void reportsAFailureAmongTheMigrationsBeforeTheTracedOnesAsSuch() {
        TraceReport report = LockTracer.builder().server(SERVER).build().trace(
                flyway(dir, "applied", 1, "CREATE TABLE orders (id bigint PRIMARY KEY);\nCREATE TABLE orders (id int);\n"),
                flyway(dir, "traced", 2, "ALTER TABLE orders ADD COLUMN note text;\n"));

        assertThat(report.failure()).hasValueSatisfying(failure -> {
            assertThat(failure.baseline()).isTrue();
            assertThat(failure.line()).isEqualTo(2);
            assertThat(failure.sqlState()).isEqualTo("42P07");
        });
        assertThat(report.migrations()).isEmpty();
    }

    @Test
    void refusesBeforeRunningAnythingWhenAFileDoesNotLoadOrFlywayWouldRefuseAScript() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("V1__ok.sql"), "CREATE TABLE t (id int);\n");
        Files.writeString(broken.resolve("V1__duplicate.sql"), "CREATE TABLE u (id int);\n");
        List<String> before = databases();

        assertThatThrownBy(() -> LockTracer.builder().server(SERVER).build().trace(
                flyway(dir, "mixed", 1, "CREATE TABLE t (id int);\nCREATE INDEX CONCURRENTLY t_id ON t (id);\n"),
                dev.dbops.migration.MigrationSource.builder().location(broken).build().load()))
                .isInstanceOfSatisfying(DbopsException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.UNTRACEABLE_MIGRATIONS);
                    assertThat(e.getMessage()).contains("Flyway refuses this script", "V1__duplicate.sql");
                });
        assertThat(databases()).isEqualTo(before);
    }

    private static List<String> databases() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection connection = dev.dbops.postgres.PostgresConnector.open(SERVER.adminUrl());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("select datname from pg_database order by 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
