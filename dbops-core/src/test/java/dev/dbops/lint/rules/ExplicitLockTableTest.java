package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class ExplicitLockTableTest {

    private final LintFixture lint = LintFixture.rule("explicit-lock-table");

    @Test
    void flagsLockTableWithoutAModeAsAccessExclusive() {
        assertThat(lint.inTransaction("LOCK TABLE orders;")).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.WARNING);
            assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(violation.impact()).isEqualTo(TableImpact.NONE);
            assertThat(violation.message()).isEqualTo("LOCK TABLE orders names no lock mode, so it takes ACCESS"
                    + " EXCLUSIVE lock (blocks reads and writes) on orders and holds it until the transaction commits,"
                    + " through every later statement of the migration; while it waits for the lock, every query that"
                    + " conflicts with it queues behind it");
            assertThat(violation.fix()).get().asString()
                    .startsWith("SET LOCAL lock_timeout = '2s';")
                    .contains("LOCK TABLE orders IN SHARE MODE;");
        });
    }

    @Test
    void flagsShareModeAsBlockingWritesAndLeavesOutLockTimeoutWhenSet() {
        assertThat(lint.inTransaction("SET LOCAL lock_timeout = '1s';\nLOCK orders, items IN SHARE MODE;"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.lock()).isEqualTo(LockMode.SHARE);
                    assertThat(violation.message()).startsWith("LOCK TABLE orders, items takes SHARE lock (blocks"
                            + " writes) on orders, items");
                    assertThat(violation.fix()).get().asString().doesNotContain("lock_timeout")
                            .startsWith("LOCK TABLE orders, items IN SHARE MODE;");
                });
    }

    @Test
    void acceptsModesThatBlockNeitherReadsNorWrites() {
        assertThat(lint.inTransaction("LOCK TABLE orders IN ROW EXCLUSIVE MODE;\n"
                + "LOCK TABLE orders IN SHARE UPDATE EXCLUSIVE MODE;")).isEmpty();
    }

    @Test
    void reportsLockTableOutsideATransactionAsFailing() {
        assertThat(lint.outsideTransaction("LOCK TABLE orders IN ROW EXCLUSIVE MODE;")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.lock()).isEqualTo(LockMode.NONE);
                    assertThat(violation.message()).contains("outside a transaction block and fails");
                    assertThat(violation.fix()).get().asString().startsWith("BEGIN;");
                });
    }

    @Test
    void acceptsTablesCreatedInAnEarlierMigration() {
        assertThat(lint.after("CREATE TABLE orders (id bigint);").inTransaction("LOCK TABLE orders;")).isEmpty();
    }
}
