package dev.dbops.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.dbops.diff.Difference;
import java.nio.file.Path;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History drift found against histories real Flyway wrote: deleted, renamed, failed, out of order, pending. */
class DriftHistoryScenarioTest {

    @TempDir
    Path dir;

    @Test
    void reportsADeletedFileAndTwoRenamedOnes() {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_items.sql", "create table items (id int primary key);\n")
                    .file("V2__add_sku.sql", "alter table items add column sku text;\n")
                    .file("V3__create_audit.sql", "create table audit_log (id int primary key, note text);\n")
                    .file("V4__index_sku.sql", "create index items_sku_idx on items (sku);\n");
            scenario.flyway().migrate();
            scenario.delete("V3__create_audit.sql")
                    .rename("V4__index_sku.sql", "V5__index_sku.sql")
                    .rename("V2__add_sku.sql", "V2__add_stock_keeping_unit.sql");

            DriftReport report = scenario.detect();

            HistoryReport history = report.history();
            assertThat(history.entries()).extracting(HistoryEntry::migration, HistoryEntry::status).containsExactly(
                    tuple("V1", HistoryStatus.MATCHES), tuple("V2", HistoryStatus.RENAMED),
                    tuple("V3", HistoryStatus.MISSING), tuple("V4", HistoryStatus.RENAMED));
            assertThat(history.entry("V3", HistoryStatus.MISSING).orElseThrow().message()).isEqualTo("V3 ('create"
                    + " audit', V3__create_audit.sql) is applied but no file has version 3: it was deleted, or renamed"
                    + " and edited — restore it, or record its removal with `flyway repair`");
            assertThat(history.entry("V4", HistoryStatus.RENAMED).orElseThrow().message()).isEqualTo("V4 ('index sku',"
                    + " V4__index_sku.sql) was renamed to V5__index_sku.sql (version 5), same checksum: Flyway sees V4"
                    + " as missing and would run V5 again — give the file back its name, or record the rename with"
                    + " `flyway repair` on every database");
            assertThat(history.entry("V2", HistoryStatus.RENAMED).orElseThrow().message()).isEqualTo("V2 was applied"
                    + " as 'add sku' (V2__add_sku.sql); the file is now V2__add_stock_keeping_unit.sql with the same"
                    + " checksum: renamed. Flyway's validate fails on the description — run `flyway repair` to record"
                    + " the new name");
            assertThat(history.withStatus(HistoryStatus.PENDING)).isEmpty();

            SchemaDifference audit = report.schema().difference("public.audit_log").orElseThrow();
            assertThat(audit.difference().change()).isEqualTo(Difference.Change.ADDED);
            assertThat(audit.cause()).isEqualTo(DriftCause.MIGRATION_MISSING);
            assertThat(audit.message()).isEqualTo("table public.audit_log is only in the live database; no migration"
                    + " touches it — no file accounts for it, but V3 ran here and its file is missing: it probably"
                    + " came from there");
        }
    }

    /** A Flyway Java migration, which dbops does not read. */
    public static final class V2__seed_items extends org.flywaydb.core.api.migration.BaseJavaMigration {
        @Override
        public void migrate(org.flywaydb.core.api.migration.Context context) throws Exception {
            try (java.sql.Statement statement = context.getConnection().createStatement()) {
                statement.execute("insert into items values (1)");
            }
        }
    }

    @Test
    void reportsAJavaMigrationAsNotChecked() {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_items.sql", "create table items (id int primary key);\n")
                    .file("V3__add_name.sql", "alter table items add column name text;\n");
            scenario.flyway(c -> c.javaMigrations(new V2__seed_items())).migrate();

            DriftReport report = scenario.detect();

            assertThat(report.history().entries()).extracting(HistoryEntry::migration, HistoryEntry::status)
                    .containsExactly(tuple("V1", HistoryStatus.MATCHES), tuple("V2", HistoryStatus.NOT_CHECKED),
                            tuple("V3", HistoryStatus.MATCHES));
            assertThat(report.history().entry("V2", HistoryStatus.NOT_CHECKED).orElseThrow().message()).isEqualTo(
                    "V2 ('seed items') is a JDBC migration, which dbops does not read: its checksum and statements"
                            + " are not compared");
            assertThat(report.hasDrift()).isFalse();
        }
    }

    @Test
    void reportsAFailedRowAndTheIndexItLeftUnbuilt() {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_customers.sql", "create table customers (id int primary key, email text);\n")
                    .file("V2__unique_lower_email.sql", "alter table customers add column email_lower text;\n"
                            + "update customers set email_lower = lower(email);\n"
                            + "create unique index customers_email_lower_key on customers (email_lower);\n")
                    .file("V2__unique_lower_email.sql.conf", "executeInTransaction=false\n");
            scenario.flyway(c -> c.target("1")).migrate();
            scenario.byHand("insert into customers values (1, 'Ann@example.com'), (2, 'ann@example.com');");
            assertThatThrownBy(() -> scenario.flyway().migrate()).isInstanceOf(FlywayException.class);

            DriftReport report = scenario.detect();

            HistoryEntry failed = report.history().entry("V2", HistoryStatus.FAILED).orElseThrow();
            assertThat(failed.installedRank()).hasValue(2);
            assertThat(failed.message()).isEqualTo("V2 failed (installed_rank 2 has success = false in"
                    + " public.flyway_schema_history): Flyway refuses to migrate until `flyway repair` removes the row;"
                    + " if it ran outside a transaction, part of it is applied — check the schema, fix the script, then"
                    + " repair");
            SchemaDifference index = report.schema().difference("public.customers_email_lower_key").orElseThrow();
            assertThat(index.difference().change()).isEqualTo(Difference.Change.REMOVED);
            assertThat(index.cause()).isEqualTo(DriftCause.MIGRATION_FAILED);
            assertThat(index.message()).isEqualTo("index public.customers_email_lower_key is only in the migrations;"
                    + " touched by V2 (line 3: create unique index customers_email_lower_key on customers (email_lower))"
                    + " — V2 failed here and may be half applied");
            assertThat(report.schema().differences()).hasSize(1);
        }
    }

    @Test
    void reportsARepeatableChangedSinceItLastRanAndComparesWithASnapshot() throws Exception {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_orders.sql", "create table orders (id int primary key, total int);\n")
                    .file("R__order_totals.sql", "create or replace view order_totals as select sum(total) as total"
                            + " from orders;\n");
            scenario.flyway().migrate();
            Path snapshot = dir.resolve("dbops-snapshot.json");
            try (java.sql.Connection connection = scenario.live.connect()) {
                dev.dbops.schema.SchemaInspector.builder().build().snapshot(connection).write(snapshot);
            }
            scenario.file("R__order_totals.sql", "create or replace view order_totals as select sum(total) as total,"
                    + " count(*) as orders from orders;\n");
            scenario.byHand("create index orders_total_idx on orders (total);");

            DriftReport report = scenario.detect(b -> DriftDetector.builder().migrations(scenario.source())
                    .snapshot(snapshot).gitHistory(false));

            assertThat(report.history().entries()).extracting(HistoryEntry::migration, HistoryEntry::status)
                    .containsExactly(tuple("V1", HistoryStatus.MATCHES),
                            tuple("R__order_totals", HistoryStatus.REPEATABLE_CHANGED));
            assertThat(report.history().entry("R__order_totals", HistoryStatus.REPEATABLE_CHANGED).orElseThrow()
                    .message()).startsWith("R__order_totals changed after it ran: checksum ")
                    .endsWith("the file's history was not searched (gitHistory is off), so formatting and content"
                            + " cannot be told apart; the next migrate runs it again");
            assertThat(report.history().hasDrift()).isFalse();
            assertThat(report.schema().expected()).isEqualTo(ExpectedSchema.SNAPSHOT);
            assertThat(report.schema().replayTime()).isEmpty();
            assertThat(report.schema().differences()).singleElement().satisfies(d -> assertThat(d.message())
                    .isEqualTo("index public.orders_total_idx is only in the live database; no migration touches it"
                            + " — it looks created by hand"));
        }
    }

    @Test
    void reportsAVersionAppliedOutOfOrderAndOnesPendingBelowAndAboveTheLatest() {
        try (DriftScenario scenario = new DriftScenario(dir)) {
            scenario.file("V1__create_a.sql", "create table a (id int);\n")
                    .file("V3__create_c.sql", "create table c (id int);\n");
            scenario.flyway().migrate();
            scenario.file("V2__create_b.sql", "create table b (id int);\n");
            scenario.flyway(c -> c.outOfOrder(true)).migrate();
            scenario.file("V2.5__create_b2.sql", "create table b2 (id int);\n")
                    .file("V4__create_d.sql", "create table d (id int);\n");

            DriftReport report = scenario.detect();

            assertThat(report.history().entries()).extracting(HistoryEntry::migration, HistoryEntry::status)
                    .containsExactly(tuple("V1", HistoryStatus.MATCHES), tuple("V2", HistoryStatus.OUT_OF_ORDER),
                            tuple("V2.5", HistoryStatus.PENDING_OUT_OF_ORDER), tuple("V3", HistoryStatus.MATCHES),
                            tuple("V4", HistoryStatus.PENDING));
            assertThat(report.history().entry("V2", HistoryStatus.OUT_OF_ORDER).orElseThrow().message())
                    .isEqualTo("V2 was applied after V3 (installed_rank 3): it ran out of order, so a database that ran"
                            + " the files in version order may differ");
            assertThat(report.history().entry("V2.5", HistoryStatus.PENDING_OUT_OF_ORDER).orElseThrow().message())
                    .isEqualTo("V2.5 is not applied, but V3 is: Flyway's validate fails (\"Detected resolved migration"
                            + " not applied to database\") unless outOfOrder=true runs it out of order — or give it a"
                            + " version above V3");
            assertThat(report.history().entry("V4", HistoryStatus.PENDING).orElseThrow().message())
                    .isEqualTo("V4 is pending: the next migrate runs it");
            assertThat(report.schema().differences()).extracting(d -> d.difference().object(), SchemaDifference::cause)
                    .containsExactly(tuple("public.b2", DriftCause.MIGRATION_PENDING),
                            tuple("public.d", DriftCause.MIGRATION_PENDING));
            assertThat(report.schema().difference("public.d").orElseThrow().message()).isEqualTo("table public.d is"
                    + " only in the migrations; touched by V4 (line 1: create table d (id int)) — V4 has not run here"
                    + " yet: the next migrate changes it");
        }
    }
}
