package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.diff.Difference;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes made by hand in "production" after a clean migrate: each is reported and attributed. */
class DriftByHandScenarioTest {

    @TempDir
    Path dir;

    @Test
    void reportsAnIndexATypeAConstraintAndAViewChangedByHandAsAppliedByHand() {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_orders.sql", "create table orders (\n  id bigint primary key,\n"
                            + "  total numeric(10,2) not null,\n  placed_at timestamptz not null default now(),\n"
                            + "  constraint orders_total_positive check (total > 0)\n);\n")
                    .file("V2__recent_orders_view.sql", "create view recent_orders as\n"
                            + "  select id, total from orders where placed_at > now() - interval '7 days';\n");
            scenario.flyway().migrate();
            scenario.byHand("create index orders_placed_at_idx on orders (placed_at);"
                    + "drop view recent_orders;"
                    + "alter table orders alter column total type numeric(12,2);"
                    + "alter table orders drop constraint orders_total_positive;"
                    + "create view recent_orders as select id, total from orders where placed_at > now() - interval '30 days';");

            DriftReport report = scenario.detect();

            assertThat(report.history().entries()).extracting(HistoryEntry::status)
                    .containsOnly(HistoryStatus.MATCHES);
            SchemaDriftReport schema = report.schema();
            assertThat(schema.differences()).extracting(d -> d.difference().object()).containsExactlyInAnyOrder(
                    "public.orders.total", "public.orders.orders_total_positive", "public.orders_placed_at_idx",
                    "public.recent_orders");
            assertThat(schema.differences()).allMatch(SchemaDifference::looksAppliedByHand);

            SchemaDifference index = schema.difference("public.orders_placed_at_idx").orElseThrow();
            assertThat(index.difference().change()).isEqualTo(Difference.Change.ADDED);
            assertThat(index.message()).isEqualTo("index public.orders_placed_at_idx is only in the live database;"
                    + " no migration touches it — it looks created by hand");

            SchemaDifference total = schema.difference("public.orders.total").orElseThrow();
            assertThat(total.message()).isEqualTo("column public.orders.total differs: type numeric(10,2) in the"
                    + " migrations, numeric(12,2) in the live database; touched by V1 (line 1: CREATE TABLE orders (…"
                    + " total numeric(10,2) …)) — every migration that touches it ran unchanged, so it looks changed"
                    + " by hand");

            SchemaDifference constraint = schema.difference("public.orders.orders_total_positive").orElseThrow();
            assertThat(constraint.difference().change()).isEqualTo(Difference.Change.REMOVED);
            assertThat(constraint.message()).startsWith("constraint public.orders.orders_total_positive is only in the"
                    + " migrations; touched by V1 (line 1: create table orders ( id bigint primary key,")
                    .endsWith(" — every migration that touches it ran unchanged, so it looks dropped by hand");

            SchemaDifference view = schema.difference("public.recent_orders").orElseThrow();
            assertThat(view.difference().fields()).extracting(Difference.FieldChange::field).contains("definition");
            assertThat(view.lastTouch().orElseThrow().migration()).isEqualTo("V2");
            assertThat(view.message()).startsWith("view public.recent_orders differs: definition")
                    .contains("'7 days'::interval", "'30 days'::interval")
                    .endsWith("; touched by V2 (line 1: create view recent_orders as select id, total from orders"
                            + " where placed_at > now() - interval '7 days') — every migration that touches it ran"
                            + " unchanged, so it looks changed by hand");
        }
    }
}
