package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresProvider;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files no longer replay: the report names the file, the statement and PostgreSQL's error. */
class DriftReplayScenarioTest {

    @TempDir
    Path dir;

    @Test
    void replaysOnAnEmbeddedServerOfTheLiveMajorVersionByDefault() {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_items.sql", "create table items (id int primary key);\n");
            scenario.flyway().migrate();

            DriftReport report = scenario.detect(b -> DriftDetector.builder().migrations(scenario.source())
                    .gitHistory(false));

            assertThat(report.schema().expected()).isEqualTo(ExpectedSchema.REPLAY);
            assertThat(report.schema().expectedFrom()).startsWith("replay of 1 migration on PostgreSQL 15 at ")
                    .doesNotEndWith(":" + PostgresProvider.shared().adminUrl().port());
            assertThat(report.hasDrift()).isFalse();
        }
    }

    @Test
    void reportsTheFileStatementAndErrorWhereTheReplayFails() {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_legacy_orders.sql", "create table legacy_orders (id int primary key, total int);\n")
                    .file("V4__legacy_summary_view.sql", "create view legacy_summary as\n"
                            + "  select count(*) as orders, sum(total) as total from legacy_orders;\n")
                    .file("V7__drop_legacy_orders.sql", "-- the new orders table replaced it\n\n"
                            + "drop table legacy_orders;\n");
            scenario.flyway(c -> c.target("4")).migrate();
            scenario.byHand("drop view legacy_summary;");
            scenario.flyway().migrate();

            DriftReport report = scenario.detect();

            assertThat(report.history().withStatus(HistoryStatus.MATCHES)).hasSize(3);
            SchemaDriftReport schema = report.schema();
            assertThat(schema.expected()).isEqualTo(ExpectedSchema.NONE);
            assertThat(schema.differences()).isEmpty();
            ReplayFailure failure = schema.replayFailure().orElseThrow();
            assertThat(failure.migration()).isEqualTo("V7");
            assertThat(failure.location()).endsWith("db/migration/V7__drop_legacy_orders.sql");
            assertThat(failure.line()).isEqualTo(3);
            assertThat(failure.statement()).isEqualTo("drop table legacy_orders");
            assertThat(failure.sqlState()).isEqualTo("2BP01");
            assertThat(failure.error()).isEqualTo("ERROR: cannot drop table legacy_orders because other objects depend"
                    + " on it; view legacy_summary depends on table legacy_orders; hint: Use DROP ... CASCADE to drop"
                    + " the dependent objects too.");
            assertThat(failure.describe()).endsWith("V7__drop_legacy_orders.sql:3) fails on replay: drop table"
                    + " legacy_orders — ERROR: cannot drop table legacy_orders because other objects depend on it; view"
                    + " legacy_summary depends on table legacy_orders; hint: Use DROP ... CASCADE to drop the dependent"
                    + " objects too. (SQLState 2BP01)");
            assertThat(schema.replayTime()).isPresent();
            assertThat(report.hasDrift()).isTrue();
            assertThat(report.toText()).contains("  not compared: V7 (").endsWith("drift: 0 history findings, 0 schema"
                    + " differences, replay fails\n");
        }
    }
}
