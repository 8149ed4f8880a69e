package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class ForeignKeyNotValidTest {

    private final LintFixture lint = LintFixture.rule("foreign-key-not-valid");

    @Test
    void flagsAValidatedForeignKeyOnALiveTable() {
        Violation violation = assertThat(lint.inTransaction("ALTER TABLE orders ADD FOREIGN KEY (customer_id)"
                + " REFERENCES customers (id) ON DELETE CASCADE;")).singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.ERROR);
        assertThat(violation.message()).isEqualTo("ADD FOREIGN KEY orders_customer_id_fkey on orders → customers takes"
                + " SHARE ROW EXCLUSIVE lock (blocks writes) on orders and on customers and scans the whole table"
                + " (orders) to check every row against customers while holding them");
        assertThat(violation.lock()).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(violation.impact()).isEqualTo(TableImpact.SCAN);
        assertThat(violation.fix()).hasValue("ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY"
                + " (customer_id) REFERENCES customers (id) ON DELETE CASCADE NOT VALID;\n"
                + "-- then, in a later migration (its own transaction):\n"
                + "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;  -- SHARE UPDATE EXCLUSIVE on"
                + " orders, ROW SHARE on customers: reads and writes go on");
    }

    @Test
    void acceptsAForeignKeyAddedNotValid() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
                + " REFERENCES customers (id) NOT VALID;")).isEmpty();
    }

    @Test
    void acceptsAForeignKeyOnATableCreatedEarlierInTheMigrations() {
        assertThat(lint.after("CREATE TABLE invoices (id bigint PRIMARY KEY, order_id bigint);")
                .inTransaction("ALTER TABLE invoices ADD FOREIGN KEY (order_id) REFERENCES orders;")).isEmpty();
    }

    @Test
    void acceptsANewColumnWithoutADefaultSinceItsNullsNeedNoCheck() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN region_id int REFERENCES regions;")).isEmpty();
    }

    @Test
    void flagsANewColumnWithADefaultAndSplitsIt() {
        Violation violation = assertThat(lint.inTransaction(
                "ALTER TABLE orders ADD COLUMN region_id int DEFAULT 1 REFERENCES regions ON DELETE SET NULL;"))
                .singleElement().actual();

        assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(violation.message()).contains("ACCESS EXCLUSIVE lock (blocks reads and writes) on orders",
                "SHARE ROW EXCLUSIVE lock (blocks writes) on regions");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith(
                "ALTER TABLE orders ADD COLUMN region_id int DEFAULT 1;\n"
                        + "ALTER TABLE orders ADD CONSTRAINT orders_region_id_fkey FOREIGN KEY (region_id) REFERENCES"
                        + " regions ON DELETE SET NULL NOT VALID;\n"));
    }

    @Test
    void acceptsANotEnforcedForeignKeyOnPostgres18() {
        assertThat(lint.onPostgres(18).inTransaction("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk"
                + " FOREIGN KEY (customer_id) REFERENCES customers NOT ENFORCED;")).isEmpty();
    }

    @Test
    void addsTheKeyThroughThePartitionsOfAPartitionedTableOnPostgres17() {
        Violation violation = assertThat(lint.onPostgres(17)
                .after("CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');")
                .inTransaction("ALTER TABLE readings ADD CONSTRAINT readings_device_fk FOREIGN KEY (device_id)"
                        + " REFERENCES devices (id);")).singleElement().actual();

        assertThat(violation.message()).startsWith("ADD FOREIGN KEY readings_device_fk on partitioned table readings");
        assertThat(violation.fix()).hasValue("-- PostgreSQL 12 to 17 refuse NOT VALID for a foreign key on a"
                + " partitioned table; add it to each partition first:\n"
                + "ALTER TABLE readings_2025 ADD CONSTRAINT readings_device_fk FOREIGN KEY (device_id) REFERENCES"
                + " devices (id) NOT VALID;\n"
                + "-- then, in a later migration (its own transaction):\n"
                + "ALTER TABLE readings_2025 VALIDATE CONSTRAINT readings_device_fk;\n"
                + "-- then the parent's key adopts the validated keys of the partitions without a scan:\n"
                + "ALTER TABLE readings ADD CONSTRAINT readings_device_fk FOREIGN KEY (device_id) REFERENCES devices"
                + " (id);");
    }

    @Test
    void addsTheKeyNotValidOnAPartitionedTableOnPostgres18() {
        assertThat(lint.onPostgres(18)
                .after("CREATE TABLE readings_2025 PARTITION OF readings FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');")
                .inTransaction("ALTER TABLE readings ADD CONSTRAINT readings_device_fk FOREIGN KEY (device_id)"
                        + " REFERENCES devices (id);")).singleElement().satisfies(v -> assertThat(v.fix())
                        .hasValueSatisfying(fix -> assertThat(fix).startsWith("ALTER TABLE readings ADD CONSTRAINT"
                                + " readings_device_fk FOREIGN KEY (device_id) REFERENCES devices (id) NOT VALID;")));
    }
}
