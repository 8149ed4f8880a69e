package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackfillInDdlTransactionTest {

    private final LintFixture lint = LintFixture.rule("backfill-in-ddl-transaction");

    @Test
    void flagsATableWideUpdateAfterDdlInTheToolTransaction() {
        List<Violation> violations = lint.inTransaction("""
                ALTER TABLE orders ADD COLUMN status text;
                UPDATE orders SET status = 'new';
                """);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.WRITE_ALL_ROWS);
            assertThat(v.location().line()).isEqualTo(2);
            assertThat(v.message()).contains("UPDATE of every row of orders runs in the same transaction as the"
                    + " earlier \"ALTER TABLE orders ADD COLUMN status text\" (line 1)",
                    "ACCESS EXCLUSIVE lock (blocks reads and writes) that statement took on orders is held until"
                            + " COMMIT");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("executeInTransaction=false")
                    .contains("UPDATE orders SET status = 'new' WHERE status IS DISTINCT FROM 'new' AND ctid = ANY"
                            + " (ARRAY(SELECT ctid FROM orders WHERE status IS DISTINCT FROM 'new' LIMIT 10000));"));
        });
    }

    @Test
    void flagsAFilteredUpdateOfTheAlteredTable() {
        List<Violation> violations = lint.inTransaction("""
                ALTER TABLE orders ADD COLUMN status text;
                UPDATE orders SET status = 'old' WHERE created_at < '2020-01-01';
                """);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.impact()).isEqualTo(TableImpact.SCAN);
            assertThat(v.message()).contains("UPDATE of orders (filtered, but not batched: one transaction)");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                    "UPDATE orders SET status = 'old' WHERE (created_at < '2020-01-01') AND ctid = ANY"));
        });
    }

    @Test
    void flagsABackfillBeforeDdlLaterInTheSameTransaction() {
        List<Violation> violations = lint.inTransaction("""
                DELETE FROM sessions;
                ALTER TABLE sessions ALTER COLUMN token SET NOT NULL;
                """);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.message()).contains("DELETE of every row of sessions runs in the same transaction as the"
                    + " later \"ALTER TABLE sessions ALTER COLUMN token SET NOT NULL\" (line 2)",
                    "has waited for and taken an ACCESS EXCLUSIVE lock");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("DELETE FROM sessions WHERE ctid = ANY (ARRAY(SELECT ctid FROM sessions LIMIT 10000));"));
        });
    }

    @Test
    void flagsATableWideUpdateNextToAnIndexBuildOnAnotherTable() {
        List<Violation> violations = lint.outsideTransaction("""
                BEGIN;
                CREATE INDEX customers_name_idx ON customers (name);
                UPDATE orders SET archived = false;
                COMMIT;
                """);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.lock()).isEqualTo(LockMode.SHARE);
            assertThat(v.message()).contains("SHARE lock (blocks writes) that statement took on customers");
        });
    }

    @Test
    void flagsATableWideDeleteNextToANewPartitionOfALiveTable() {
        List<Violation> violations = lint.inTransaction("""
                CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                DELETE FROM events_archive;
                """);

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message())
                .contains("ACCESS EXCLUSIVE lock (blocks reads and writes) that statement took on events"));
    }

    @Test
    void acceptsBackfillsSeparatedFromTheDdlByCommit() {
        List<Violation> violations = lint.outsideTransaction("""
                BEGIN;
                ALTER TABLE orders ADD COLUMN status text;
                COMMIT;
                UPDATE orders SET status = 'new';
                BEGIN;
                UPDATE orders SET status = 'x' WHERE id < 100;
                COMMIT;
                ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';
                """);

        assertThat(violations).isEmpty();
    }

    @Test
    void acceptsFilteredUpdatesOfOtherTablesAndBackfillsOfNewTables() {
        List<Violation> violations = lint.after("CREATE TABLE fresh (id int, v text);").inTransaction("""
                ALTER TABLE orders ADD COLUMN status text;
                UPDATE customers SET tier = 'gold' WHERE id = 42;
                ALTER TABLE fresh ADD COLUMN w text;
                UPDATE fresh SET w = v;
                CREATE INDEX CONCURRENTLY IF NOT EXISTS x ON other (a);
                """);

        assertThat(violations).isEmpty();
    }
}
