package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.postgres.PostgresConnector;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.postgres.PostgresUrl;
import dev.dbops.schema.SchemaInspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that are not what drift detection hopes for: no history, an unreadable file, no shadow database. */
class DriftBadInputTest {

    @TempDir
    Path dir;

    @Test
    void saysTheDatabaseIsNotManagedAndStillComparesTheSchemas() {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_items.sql", "create table items (id int primary key, name text);\n")
                    .byHand("create table items (id int primary key, name varchar(80));");

            DriftReport report = scenario.detect();

            assertThat(report.history().tool()).isEqualTo(MigrationTool.NONE);
            assertThat(report.history().entries()).isEmpty();
            assertThat(report.toText()).startsWith("history: no flyway_schema_history or databasechangelog table: this"
                    + " database is not managed by Flyway or Liquibase; only the schemas were compared\n");
            SchemaDifference name = report.schema().difference("public.items.name").orElseThrow();
            assertThat(name.cause()).isEqualTo(DriftCause.UNKNOWN);
            assertThat(name.message()).endsWith(" — the database has no migration history, so which migrations ran"
                    + " cannot be told");
        }
    }

    @Test
    void reportsAnAppliedMigrationWhoseFileCannotBeRead() throws Exception {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_items.sql", "create table items (id int primary key);\n")
                    .file("V2__add_name.sql", "alter table items add column name text;\n");
            scenario.flyway().migrate();
            scenario.delete("V2__add_name.sql");
            Files.createSymbolicLink(scenario.migrations.resolve("V2__add_name.sql"), dir.resolve("gone.sql"));

            DriftReport report = scenario.detect();

            assertThat(report.problems()).singleElement().satisfies(p -> {
                assertThat(p.location()).endsWith("V2__add_name.sql");
                assertThat(p.message()).startsWith("cannot read: it does not exist");
            });
            HistoryEntry unreadable = report.history().entry("V2", HistoryStatus.UNREADABLE).orElseThrow();
            assertThat(unreadable.message()).startsWith("V2 is applied but its file could not be read (")
                    .contains("V2__add_name.sql: cannot read: it does not exist (a dangling symbolic link?)")
                    .endsWith(", so its checksum was not compared");
            assertThat(report.toText()).contains("problems:\n  ");
        }
    }

    @Test
    void failsClearlyWhenTheShadowDatabaseCannotBeCreatedAndFallsBackToASnapshot() throws Exception {
        PostgresUrl admin = PostgresProvider.shared().adminUrl();
        String role = "dbops_drift_no_createdb";
        try (Connection connection = PostgresConnector.open(admin); Statement statement = connection.createStatement()) {
            statement.execute("drop role if exists " + role);
            statement.execute("create role " + role + " login nocreatedb password 'secret'");
        }
        String shadow = "postgresql://" + role + ":secret@" + admin.host() + ":" + admin.port() + "/postgres";
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_items.sql", "create table items (id int primary key);\n");
            scenario.flyway().migrate();

            assertThatThrownBy(() -> scenario.detect(b -> DriftDetector.builder().migrations(scenario.source())
                    .shadow(shadow).gitHistory(false)))
                    .isInstanceOf(DbopsException.class)
                    .satisfies(e -> assertThat(((DbopsException) e).code()).isEqualTo(ErrorCode.SHADOW_DATABASE_FAILED))
                    .hasMessageStartingWith("cannot replay the migrations: the shadow database could not be used (User "
                            + role + " at " + admin.host() + ":" + admin.port() + " may not create databases")
                    .hasMessageEndingWith(" — give a shadow server whose user may create databases (--shadow-url), or"
                            + " compare with a committed snapshot instead (--snapshot FILE, written by 'dbops inspect')")
                    .hasMessageNotContaining("secret");

            Path snapshot = dir.resolve("snapshot.json");
            try (Connection connection = scenario.live.connect()) {
                SchemaInspector.builder().build().snapshot(connection).write(snapshot);
            }
            DriftReport report = scenario.detect(b -> DriftDetector.builder().migrations(scenario.source())
                    .shadow(shadow).snapshot(snapshot).gitHistory(false));

            assertThat(report.schema().expected()).isEqualTo(ExpectedSchema.SNAPSHOT);
            assertThat(report.schema().expectedFrom()).isEqualTo("snapshot " + snapshot);
            assertThat(report.schema().fallback().orElseThrow()).startsWith("the shadow database could not be used (User "
                    + role + " at " + admin.host() + ":" + admin.port() + " may not create databases");
            assertThat(report.schema().differences()).isEmpty();
            assertThat(report.hasDrift()).isFalse();
        } finally {
            try (Connection connection = PostgresConnector.open(admin); Statement statement = connection.createStatement()) {
                statement.execute("drop role if exists " + role);
            }
        }
    }
}
