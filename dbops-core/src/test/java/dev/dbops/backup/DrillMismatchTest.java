package dev.dbops.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.postgres.PostgresDatabase;
import dev.dbops.postgres.PostgresUrl;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Corrupts the restored copy between restore and verification, and checks each corruption is named. */
class DrillMismatchTest {

    private static PostgresDatabase source;

    @BeforeAll
    static void createSource() throws SQLException {
        source = DrillFixture.manyTypes();
    }

    @AfterAll
    static void dropSource() {
        source.close();
    }

    /** Runs a drill whose restored copy gets {@code corruption} before it is verified. */
    private static DrillReport drillWithRestoredCopyChangedBy(String corruption) {
        DrillListener corrupter = new DrillListener() {
            @Override
            public void restored(PostgresUrl scratch) {
                try {
                    DrillFixture.execute(scratch, corruption);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        return BackupDrill.builder().source(source.url()).listener(corrupter).build().run();
    }

    @Test
    void namesTheTableWhoseValueChangedInTheRestoredCopy() {
        DrillReport report = drillWithRestoredCopyChangedBy(
                "update shop.customers set nap = nap + interval '1 microsecond' where id = 42");

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.MISMATCH);
        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.CONTENT_HASH);
            assertThat(m.object()).isEqualTo("shop.customers");
            assertThat(m.detail()).contains("same number of rows (3001)");
        });
        assertThat(report.rpo()).as("a backup that differs proves no recovery point").isEmpty();
    }

    @Test
    void findsAChangeInATableHashedByRowText() {
        DrillReport report = drillWithRestoredCopyChangedBy("update shop.orders set raw = '{\"k\": 0}' where id = 7");

        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.CONTENT_HASH);
            assertThat(m.object()).isEqualTo("shop.orders");
        });
    }

    @Test
    void reportsTheRowCountDeltaOfADeletedRow() {
        DrillReport report = drillWithRestoredCopyChangedBy("delete from shop.events where id = 17");

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.MISMATCH);
        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.ROW_COUNT);
            assertThat(m.object()).isEqualTo("shop.events_2024");
            assertThat(m.expected()).isEqualTo("1070 rows");
            assertThat(m.actual()).isEqualTo("1069 rows");
            assertThat(m.detail()).isEqualTo("-1 rows");
        });
    }

    @Test
    void reportsADroppedTableAsMissingInDataAndSchema() {
        DrillReport report = drillWithRestoredCopyChangedBy("drop table public.empty_table");

        assertThat(report.mismatches()).extracting(Mismatch::kind, Mismatch::object).contains(
                org.assertj.core.groups.Tuple.tuple(Mismatch.Kind.MISSING_TABLE, "public.empty_table"),
                org.assertj.core.groups.Tuple.tuple(Mismatch.Kind.SCHEMA, "table public.empty_table"));
        assertThat(report.mismatches()).filteredOn(m -> m.kind() == Mismatch.Kind.SCHEMA)
                .allMatch(m -> m.object().contains("empty_table"));
    }

    @Test
    void reportsAnIndexMissingFromTheRestoredCopy() {
        DrillReport report = drillWithRestoredCopyChangedBy("drop index shop.orders_customer_idx");

        assertThat(report.outcome()).isEqualTo(DrillReport.Outcome.MISMATCH);
        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.SCHEMA);
            assertThat(m.object()).contains("orders_customer_idx");
            assertThat(m.detail()).isEqualTo("missing from the restored copy");
        });
    }

    @Test
    void reportsATableOnlyTheRestoredCopyHas() {
        DrillReport report = drillWithRestoredCopyChangedBy("create table public.stray (id int); insert into public.stray values (1)");

        assertThat(report.mismatches()).extracting(Mismatch::kind).contains(Mismatch.Kind.EXTRA_TABLE, Mismatch.Kind.SCHEMA);
        assertThat(report.mismatches()).filteredOn(m -> m.kind() == Mismatch.Kind.EXTRA_TABLE).singleElement()
                .satisfies(m -> assertThat(m.actual()).isEqualTo("1 row"));
    }

    @Test
    void reportsASequenceThatWouldNotContinueWhereTheSourceWas() {
        DrillReport report = drillWithRestoredCopyChangedBy("select setval('public.invoice_numbers', 1000, false)");

        assertThat(report.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(Mismatch.Kind.SEQUENCE_STATE);
            assertThat(m.object()).isEqualTo("public.invoice_numbers");
            assertThat(m.expected()).isEqualTo("1014 (called)");
            assertThat(m.actual()).isEqualTo("1000 (not called)");
        });
    }
}
