package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class AttachPartitionScanTest {

    private static final String ATTACH =
            "ALTER TABLE orders ATTACH PARTITION orders_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');";
    private static final String PROVING_CHECK = "ALTER TABLE orders_2024 ADD CONSTRAINT orders_2024_bound CHECK"
            + " (created_at IS NOT NULL AND created_at >= '2024-01-01' AND created_at < '2025-01-01') NOT VALID;";

    private final LintFixture lint = LintFixture.rule("attach-partition-scan");

    @Test
    void flagsAttachingALiveTableWithoutAProvingCheck() {
        assertThat(lint.inTransaction(ATTACH)).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.ERROR);
            assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(violation.impact()).isEqualTo(TableImpact.SCAN);
            assertThat(violation.message()).isEqualTo("ALTER TABLE orders ATTACH PARTITION orders_2024 scans all of"
                    + " orders_2024 to check the partition bound while holding ACCESS EXCLUSIVE lock (blocks reads and"
                    + " writes) on orders_2024 (and on the DEFAULT partition of orders, if any, which is scanned too);"
                    + " on orders itself it takes only SHARE UPDATE EXCLUSIVE (reads and writes go on)");
            assertThat(violation.fix()).get().asString()
                    .contains("(partition_key: the partition key column of orders)")
                    .contains("ALTER TABLE orders_2024 ADD CONSTRAINT orders_2024_bound CHECK (partition_key IS NOT"
                            + " NULL AND partition_key >= '2024-01-01' AND partition_key < '2025-01-01') NOT VALID;")
                    .contains("ALTER TABLE orders_2024 VALIDATE CONSTRAINT orders_2024_bound;")
                    .contains(ATTACH)
                    .contains("ALTER TABLE orders_2024 DROP CONSTRAINT orders_2024_bound;");
        });
    }

    @Test
    void writesTheCheckWithThePartitionKeyOfAParentCreatedEarlier() {
        assertThat(lint.after("CREATE TABLE orders (id bigint, created_at date) PARTITION BY RANGE (created_at);")
                .inTransaction(ATTACH)).singleElement().satisfies(violation ->
                        assertThat(violation.fix()).get().asString().startsWith(
                                "-- prove the bound with a validated CHECK first, so that ATTACH skips the scan:\n"
                                        + PROVING_CHECK));
    }

    @Test
    void writesAListCheckForAListBound() {
        assertThat(lint.after("CREATE TABLE events (id bigint, region text) PARTITION BY LIST (region);")
                .inTransaction("ALTER TABLE events ATTACH PARTITION events_eu FOR VALUES IN ('eu', 'uk');"))
                .singleElement().satisfies(violation -> assertThat(violation.fix()).get().asString()
                        .contains("CHECK (region IS NOT NULL AND region IN ('eu', 'uk')) NOT VALID;")
                        .contains("ALTER TABLE events ATTACH PARTITION events_eu FOR VALUES IN ('eu', 'uk');"));
    }

    @Test
    void acceptsAttachAfterAValidatedCheckThatProvesTheBound() {
        assertThat(lint.after(PROVING_CHECK).after("ALTER TABLE orders_2024 VALIDATE CONSTRAINT orders_2024_bound;")
                .inTransaction(ATTACH)).isEmpty();
    }

    @Test
    void flagsAttachWhenTheCheckWasNeverValidated() {
        assertThat(lint.after(PROVING_CHECK).inTransaction(ATTACH)).hasSize(1);
    }

    @Test
    void flagsAttachWhenTheCheckWasDroppedAgain() {
        assertThat(lint.after(PROVING_CHECK).after("ALTER TABLE orders_2024 VALIDATE CONSTRAINT orders_2024_bound;")
                .after("ALTER TABLE orders_2024 DROP CONSTRAINT orders_2024_bound;").inTransaction(ATTACH)).hasSize(1);
    }

    @Test
    void explainsThatACheckWithoutIsNotNullCannotProveARangeBound() {
        assertThat(lint.after("ALTER TABLE orders_2024 ADD CONSTRAINT b"
                + " CHECK (created_at >= '2024-01-01' AND created_at < '2025-01-01');").inTransaction(ATTACH))
                .singleElement().satisfies(violation -> assertThat(violation.message())
                        .endsWith("names the bound's values but not IS NOT NULL on the key, so PostgreSQL cannot prove"
                                + " the bound unless the key column is declared NOT NULL"));
    }

    @Test
    void acceptsACheckWithoutIsNotNullAfterSetNotNull() {
        assertThat(lint.after("ALTER TABLE orders_2024 ALTER COLUMN created_at SET NOT NULL;\n"
                + "ALTER TABLE orders_2024 ADD CONSTRAINT b"
                + " CHECK (created_at >= '2024-01-01' AND created_at < '2025-01-01');").inTransaction(ATTACH))
                .isEmpty();
    }

    @Test
    void explainsThatACheckOnOtherValuesCannotProveTheBound() {
        assertThat(lint.after("ALTER TABLE orders_2024 ADD CONSTRAINT positive CHECK (id > 0);").inTransaction(ATTACH))
                .singleElement().satisfies(violation ->
                        assertThat(violation.message()).endsWith("do not name the bound's values, so they cannot prove it"));
    }

    @Test
    void acceptsAttachingATableCreatedInAnEarlierMigration() {
        assertThat(lint.after("CREATE TABLE orders_2024 (LIKE orders INCLUDING ALL);").inTransaction(ATTACH)).isEmpty();
    }
}
