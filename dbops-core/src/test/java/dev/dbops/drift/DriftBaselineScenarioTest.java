package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.diff.Difference;
import dev.dbops.schema.ObjectKind;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A typical generated history: 003 adds {@code orders.status text}; 005, written independently, adds
 * {@code status integer} with IF NOT EXISTS; production got {@code status integer} by hand before it was
 * baselined at 3. Replay and live disagree on the type, and the report names both migrations.
 */
class DriftBaselineScenarioTest {

    private static final String CUSTOMERS = "create table customers (\n  id bigint generated always as identity"
            + " primary key,\n  email text not null unique\n);\n";
    private static final String ORDERS = "create table orders (\n  id bigint generated always as identity primary key,\n"
            + "  customer_id bigint not null references customers (id),\n  total numeric(10,2) not null\n);\n";

    @TempDir
    Path dir;

    @Test
    void reportsTheTypeConflictBetweenAMigrationBelowTheBaselineAndAnIfNotExistsNoOp() {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.byHand(CUSTOMERS + ORDERS + "alter table orders add column status integer;")
                    .file("V1__create_customers.sql", CUSTOMERS)
                    .file("V2__create_orders.sql", ORDERS)
                    .file("V3__add_order_status.sql", "alter table orders add column status text;\n")
                    .file("V4__order_totals_view.sql", "create view order_totals as\n  select customer_id, sum(total)"
                            + " as total from orders group by customer_id;\n")
                    .file("V5__order_status_code.sql", "-- status as a code, see ticket 812\n"
                            + "alter table orders add column if not exists status integer;\n");
            scenario.flyway(c -> c.baselineVersion("3")).baseline();
            scenario.flyway().migrate();

            DriftReport report = scenario.detect();


            HistoryReport history = report.history();
            assertThat(history.tool()).isEqualTo(MigrationTool.FLYWAY);
            assertThat(history.table()).contains("public.flyway_schema_history");
            assertThat(history.entries()).extracting(HistoryEntry::migration, HistoryEntry::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("V1", HistoryStatus.BELOW_BASELINE),
                    org.assertj.core.groups.Tuple.tuple("V2", HistoryStatus.BELOW_BASELINE),
                    org.assertj.core.groups.Tuple.tuple("V3", HistoryStatus.BELOW_BASELINE),
                    org.assertj.core.groups.Tuple.tuple("V4", HistoryStatus.MATCHES),
                    org.assertj.core.groups.Tuple.tuple("V5", HistoryStatus.MATCHES));
            assertThat(history.entry("V3", HistoryStatus.BELOW_BASELINE).orElseThrow().message()).isEqualTo(
                    "V3 is at or below the baseline (version 3): it never ran on this database, the baseline stands for it");
            assertThat(history.hasDrift()).isFalse();

            SchemaDriftReport schema = report.schema();
            assertThat(schema.expected()).isEqualTo(ExpectedSchema.REPLAY);
            assertThat(schema.expectedFrom()).startsWith("replay of 5 migrations on PostgreSQL 15 at ");
            assertThat(schema.replayTime()).isPresent();
            assertThat(schema.differences()).hasSize(1);
            SchemaDifference status = schema.difference("public.orders.status").orElseThrow();
            assertThat(status.difference().kind()).isEqualTo(ObjectKind.COLUMN);
            assertThat(status.difference().change()).isEqualTo(Difference.Change.CHANGED);
            assertThat(status.cause()).isEqualTo(DriftCause.BELOW_BASELINE);
            assertThat(status.touchedBy()).extracting(MigrationTouch::migration).containsExactly("V3", "V5");
            assertThat(status.message()).isEqualTo("column public.orders.status differs: type text in the migrations,"
                    + " integer in the live database; touched by V3 (line 1: alter table orders add column status text),"
                    + " V5 (line 2: alter table orders add column if not exists status integer); V5 creates it with IF"
                    + " NOT EXISTS, which does nothing where V3 has already created it: the two definitions disagree and"
                    + " whichever ran first wins — V3 is below the baseline and never ran here: the live database got"
                    + " this object before Flyway managed it");
            assertThat(report.hasDrift()).isTrue();
        }
    }
}
