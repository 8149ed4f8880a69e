package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequireLockTimeoutTest {

    private final LintFixture lint = LintFixture.rule("require-lock-timeout");

    @Test
    void flagsAlterTableOnALiveTableWithoutLockTimeout() {
        List<Violation> violations = lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;");

        assertThat(violations).hasSize(1);
        Violation violation = violations.get(0);
        assertThat(violation.severity()).isEqualTo(Severity.WARNING);
        assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(violation.message()).isEqualTo("ALTER TABLE orders takes ACCESS EXCLUSIVE on orders (blocks reads "
                + "and writes) with no lock_timeout set: while it waits for a long-running transaction to finish, "
                + "every later query on orders queues behind it, for as long as it waits");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .startsWith("SET LOCAL lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN note text;\n")
                .contains("55P03"));
    }

    @Test
    void acceptsAlterTableAfterSetLockTimeout() {
        assertThat(lint.inTransaction("SET LOCAL lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN note text;"))
                .isEmpty();
    }

    @Test
    void acceptsALockTimeoutConfiguredForTheTool() {
        assertThat(lint.withLockTimeoutConfigured().inTransaction("ALTER TABLE orders ADD COLUMN note text;")).isEmpty();
    }

    @Test
    void flagsAgainWhenLockTimeoutIsTurnedOff() {
        assertThat(lint.inTransaction("SET lock_timeout = '2s';\nSET lock_timeout = 0;\n"
                + "ALTER TABLE orders ADD COLUMN note text;")).hasSize(1);
    }

    @Test
    void acceptsStatementsOnATableCreatedInAnEarlierMigration() {
        assertThat(lint.after("CREATE TABLE orders (id bigint PRIMARY KEY);")
                .inTransaction("ALTER TABLE orders ADD COLUMN note text;")).isEmpty();
    }

    @Test
    void flagsANewTableWhoseForeignKeyLocksALiveTable() {
        List<Violation> violations = lint.inTransaction(
                "CREATE TABLE order_notes (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));");

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.lock()).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
            assertThat(violation.message()).contains("SHARE ROW EXCLUSIVE on orders (blocks writes)")
                    .contains("every later write to orders queues behind it");
        });
    }

    @Test
    void acceptsAPlainCreateTable() {
        assertThat(lint.inTransaction("CREATE TABLE notes (id bigint PRIMARY KEY, body text);")).isEmpty();
    }

    @Test
    void flagsCreateIndexBecauseItsShareLockBlocksWrites() {
        assertThat(lint.inTransaction("CREATE INDEX orders_created_idx ON orders (created_at);"))
                .singleElement().satisfies(violation -> assertThat(violation.message())
                        .startsWith("CREATE INDEX orders_created_idx ON orders takes SHARE on orders (blocks writes)"));
    }

    @Test
    void acceptsConcurrentStatementsWhoseWaitsArePartOfTheirWork() {
        assertThat(lint.outsideTransaction("CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);"))
                .isEmpty();
        assertThat(lint.outsideTransaction("REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary;")).isEmpty();
        assertThat(lint.onPostgres(14).outsideTransaction("ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;"))
                .isEmpty();
    }

    @Test
    void acceptsShareUpdateExclusiveStatementsThatDoNotBlockTheApplication() {
        assertThat(lint.inTransaction("ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;")).isEmpty();
        assertThat(lint.inTransaction("ALTER TABLE orders SET (fillfactor = 70);")).isEmpty();
    }

    @Test
    void acceptsLockTableNowaitWhichNeverWaits() {
        assertThat(lint.inTransaction("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE NOWAIT;")).isEmpty();
        assertThat(lint.inTransaction("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE;")).hasSize(1);
    }

    @Test
    void attachingANewTableTakesOnlyShareUpdateExclusiveOnTheParentOnPostgres12() {
        assertThat(lint.onPostgres(12).after("CREATE TABLE events_2025 (LIKE events INCLUDING ALL);")
                .inTransaction("ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO "
                        + "('2026-01-01');")).isEmpty();
    }

    @Test
    void attachingALiveTableLocksThatTableNotTheParentOnPostgres12() {
        assertThat(lint.onPostgres(12).inTransaction("ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES "
                + "FROM ('2024-01-01') TO ('2025-01-01');")).singleElement().satisfies(violation -> {
                    assertThat(violation.message()).contains("ACCESS EXCLUSIVE on events_2024")
                            .doesNotContain("on events (");
                });
    }

    @Test
    void usesASessionSettingOutsideTransactions() {
        assertThat(lint.outsideTransaction("DROP INDEX orders_created_idx;")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.message()).contains("ACCESS EXCLUSIVE on the table of index orders_created_idx");
                    assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                            .startsWith("SET lock_timeout = '2s';\nDROP INDEX orders_created_idx;"));
                });
    }
}
