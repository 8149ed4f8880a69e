package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.DbopsException;
import dev.dbops.ErrorCode;
import dev.dbops.diff.Hazard;
import dev.dbops.diff.SchemaDiff;
import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresProvider;
import dev.dbops.schema.Schema;
import dev.dbops.schema.SchemaInspector;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reconciliation migration, proven on real databases with real Flyway. */
class ReconciliationTest {

    @TempDir
    Path dir;

    private static DriftScenario drifted(DriftScenario scenario) {
        scenario.file("V1__create_orders.sql", "create table orders (\n  id bigint primary key,\n"
                        + "  total numeric(10,2) not null,\n  placed_at timestamptz not null default now(),\n"
                        + "  constraint orders_total_positive check (total > 0)\n);\n")
                .file("V2__recent_orders_view.sql", "create view recent_orders as\n"
                        + "  select id, total from orders where placed_at > now() - interval '7 days';\n");
        scenario.flyway().migrate();
        return scenario.byHand("create index orders_placed_at_idx on orders (placed_at);"
                + "drop view recent_orders;"
                + "alter table orders alter column total type numeric(12,2);"
                + "alter table orders drop constraint orders_total_positive;"
                + "create view recent_orders as select id, total from orders where placed_at > now() - interval '30 days';"
                + "create table hotfix_notes (id int primary key, note text);");
    }

    @Test
    void writesAFlywayMigrationThatReproducesTheLiveSchemaAndCanBeRecordedAsApplied() throws Exception {
        try (DriftScenario scenario = drifted(new DriftScenario(dir))) {
            DriftReport report = scenario.detect();
            assertThat(report.schema().differences()).hasSize(5);

            ReconciliationScript script = Reconciliation.of(report, Reconciliation.Direction.FILES_TO_LIVE);

            assertThat(script.fileName()).isEqualTo("V3__reconcile_drift.sql");
            assertThat(script.format()).isEqualTo(MigrationTool.FLYWAY);
            assertThat(script.sql()).startsWith("-- V3__reconcile_drift.sql, written by dbops drift: run after the"
                    + " migrations before it, it reproduces the schema of the live database")
                    .contains("--   flyway -skipExecutingMigrations=true -target=3 migrate\n", "-- hazards: ");
            assertThat(script.plan().hazards()).contains(Hazard.ACCESS_EXCLUSIVE_LOCK, Hazard.INDEX_BUILD);
            assertThat(script.config()).contains("executeInTransaction=false\n");
            assertThat(script.write(scenario.migrations)).containsExactly(
                    scenario.migrations.resolve("V3__reconcile_drift.sql"),
                    scenario.migrations.resolve("V3__reconcile_drift.sql.conf"));

            try (PostgresDatabase fresh = PostgresProvider.shared().createDatabase()) {
                RealFlyway.flyway(fresh, scenario.migrations).migrate();
                assertThat(compared(fresh, scenario.live)).isEmpty();
            }

            Flyway live = scenario.flyway(c -> c.skipExecutingMigrations(true).target("3"));
            live.migrate();
            live.validate();
            DriftReport after = scenario.detect();
            assertThat(after.hasDrift()).isFalse();
            assertThat(after.history().entries()).extracting(HistoryEntry::status).containsOnly(HistoryStatus.MATCHES);
            assertThat(after.schema().differences()).isEmpty();
        }
    }

    @Test
    void writesAScriptThatMakesTheLiveDatabaseMatchTheFiles() {
        try (DriftScenario scenario = drifted(new DriftScenario(dir))) {
            ReconciliationScript script = Reconciliation.of(scenario.detect(), Reconciliation.Direction.LIVE_TO_FILES);

            assertThat(script.fileName()).isEqualTo("reconcile_drift_live_to_files.sql");
            assertThat(script.sql()).contains("-- This is NOT a migration: do not add it to the migration files.");
            assertThat(script.plan().hazards()).contains(Hazard.DATA_LOSS);

            for (var statement : script.plan().statements()) {
                scenario.byHand(statement.sql());
            }
            DriftReport after = scenario.detect();
            assertThat(after.schema().differences()).isEmpty();
            assertThat(after.hasDrift()).isFalse();
        }
    }

    @Test
    void refusesWhenTheFilesDoNotReplay() {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__broken.sql", "create table t (id int);\ncreate view v as select missing from t;\n");
            DriftReport report = scenario.detect();

            assertThatThrownBy(() -> Reconciliation.of(report, Reconciliation.Direction.FILES_TO_LIVE))
                    .isInstanceOf(DbopsException.class)
                    .satisfies(e -> assertThat(((DbopsException) e).code()).isEqualTo(ErrorCode.RECONCILIATION_IMPOSSIBLE))
                    .hasMessageContaining("V1__broken.sql:2) fails on replay: create view v as select missing from t");
        }
    }

    private static List<String> compared(PostgresDatabase expected, PostgresDatabase live) throws Exception {
        SchemaDiff diff = SchemaDiff.builder().ignoreOwners().ignoreObjects("public.flyway_schema_history").build();
        try (Connection a = expected.connect(); Connection b = live.connect()) {
            Schema left = SchemaInspector.builder().build().inspect(a);
            Schema right = SchemaInspector.builder().build().inspect(b);
            return diff.compare(left, right).stream().map(d -> d.describe()).toList();
        }
    }
}
