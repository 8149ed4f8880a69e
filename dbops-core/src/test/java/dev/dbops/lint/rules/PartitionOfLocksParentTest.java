package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class PartitionOfLocksParentTest {

    private final LintFixture lint = LintFixture.rule("partition-of-locks-parent");

    @Test
    void flagsCreatingAPartitionOfALiveTable() {
        assertThat(lint.inTransaction("CREATE TABLE orders_2025 PARTITION OF orders"
                + " FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');")).singleElement().satisfies(violation -> {
                    assertThat(violation.severity()).isEqualTo(Severity.WARNING);
                    assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
                    assertThat(violation.impact()).isEqualTo(TableImpact.NONE);
                    assertThat(violation.message()).isEqualTo("CREATE TABLE orders_2025 PARTITION OF orders takes"
                            + " ACCESS EXCLUSIVE lock (blocks reads and writes) on orders (all of its partitions) until"
                            + " the transaction commits, and on its DEFAULT partition if there is one, which it scans;"
                            + " it waits for every running query on orders, and all new ones queue behind it");
                    assertThat(violation.fix()).get().asString()
                            .contains("CREATE TABLE orders_2025 (LIKE orders INCLUDING ALL);\n"
                                    + "ALTER TABLE orders ATTACH PARTITION orders_2025 FOR VALUES FROM ('2025-01-01')"
                                    + " TO ('2026-01-01');");
                });
    }

    @Test
    void keepsTheDefaultBoundTheColumnListAndSubPartitioning() {
        assertThat(lint.inTransaction("CREATE TABLE IF NOT EXISTS sales.orders_other PARTITION OF sales.orders"
                + " (PRIMARY KEY (id, region)) DEFAULT PARTITION BY LIST (region);")).singleElement()
                .satisfies(violation -> assertThat(violation.fix()).get().asString()
                        .contains("CREATE TABLE IF NOT EXISTS sales.orders_other (LIKE sales.orders INCLUDING ALL)"
                                + " PARTITION BY LIST (region);")
                        .contains("-- then add what the PARTITION OF list declared: (PRIMARY KEY (id, region))")
                        .contains("ALTER TABLE sales.orders ATTACH PARTITION sales.orders_other DEFAULT;"));
    }

    @Test
    void acceptsAPartitionOfATableCreatedInAnEarlierMigration() {
        assertThat(lint.after("CREATE TABLE orders (id bigint, created_at date) PARTITION BY RANGE (created_at);")
                .inTransaction("CREATE TABLE orders_2025 PARTITION OF orders"
                        + " FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');")).isEmpty();
    }

    @Test
    void acceptsAPlainCreateTable() {
        assertThat(lint.inTransaction("CREATE TABLE orders_2025 (LIKE orders INCLUDING ALL);")).isEmpty();
    }
}
