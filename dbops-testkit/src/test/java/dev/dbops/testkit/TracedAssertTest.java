package dev.dbops.testkit;

import static dev.dbops.testkit.DbopsAssertions.assertThat;
import static dev.dbops.testkit.DbopsAssertions.migrations;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbops.LockMode;
import dev.dbops.trace.MigrationTrace;
import dev.dbops.trace.TraceReport;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TracedAssertTest {

    @Test
    void passesForAnIndexBuiltConcurrentlyOnSeededTablesTracingTheNewestMigrationOnlyAndOnce() {
        TracedMigrationsAssert traced = assertThat(migrations("classpath:db/traced")).whenTraced().withRows(300);

        traced.takeNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE).onExistingTables()
                .rewriteNoTable()
                .blockNoQueryLongerThan(Duration.ofSeconds(5));

        TraceReport report = traced.report();
        assertThat(report).isSameAs(traced.report());
        assertThat(report.migrations()).extracting(MigrationTrace::id).containsExactly("V4");
        assertThat(report.baselineMigrations()).isEqualTo(3);
        assertThat(report.seeding()).hasValueSatisfying(seeding -> assertThat(seeding.summary())
                .startsWith("900 rows in 3 tables"));
        assertThat(report.longestApplicationWait()).isPresent();
    }

    @Test
    void doesNotCountLocksOnTablesTheTracedMigrationsCreateThemselves() {
        TracedMigrationsAssert traced = assertThat(migrations("classpath:db/traced")).whenTraced().withRows(100)
                .from("V3");

        traced.takeNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE).onExistingTables();
        assertThatThrownBy(() -> traced.takeNoLockStrongerThan(LockMode.ROW_SHARE).onExistingTables())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting the migrations at [classpath:db/traced], traced from V3 on"
                        + " PostgreSQL 15.")
                .hasMessageContaining(" after 2 applied (200 rows in 2 tables (seed 42)),\nto take no lock stronger"
                        + " than ROW SHARE on existing tables,\nbut 1 statement did:\n"
                        + "  classpath:db/traced/V4__index_orders_user.sql:1: CREATE INDEX CONCURRENTLY"
                        + " orders_user_id_idx ON orders (user_id)")
                .hasMessageMatching("(?s).*\n    (took SHARE UPDATE EXCLUSIVE on public\\.orders, held \\d+ ms \\(seen by the"
                        + " poller\\)|takes SHARE UPDATE EXCLUSIVE on public\\.orders as the linter declares it \\(not"
                        + " observed: locks not compared: the statement ended before the poller's first look\\)).*")
                .hasMessageNotContaining("public.audit");
        assertThat(traced.report().migrations()).extracting(MigrationTrace::id).containsExactly("V3", "V4");
    }

    @Test
    void failsEachAssertionForWhatTheDatabaseDidWhenAColumnTypeChangeHoldsItsLock() {
        TracedMigrationsAssert traced = assertThat(migrations("classpath:db/traced-unsafe")).whenTraced().withRows(1000);
        String heading = "Expecting the migrations at [classpath:db/traced-unsafe], traced from V3 on PostgreSQL 15.";
        String statement = "  classpath:db/traced-unsafe/V3__widen_order_id.sql:1: ALTER TABLE orders ALTER COLUMN id"
                + " TYPE bigint";

        assertThatThrownBy(() -> traced.takeNoLockStrongerThan(LockMode.SHARE_UPDATE_EXCLUSIVE).onExistingTables())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith(heading)
                .hasMessageContaining(" after 2 applied (2,000 rows in 2 tables (seed 42)),\nto take no lock stronger"
                        + " than SHARE UPDATE EXCLUSIVE on existing tables,\nbut 1 statement did:\n" + statement)
                .hasMessageContaining("    took ACCESS EXCLUSIVE on public.orders, held 1.")
                .hasMessageNotContaining("public.users");
        assertThatThrownBy(traced::rewriteNoTable)
                .hasMessageStartingWith(heading)
                .hasMessageContaining(",\nto rewrite no existing table,\nbut 1 statement did:\n" + statement)
                .hasMessageMatching("(?s).*\n    rewrote public\\.orders \\(relfilenode \\d+ → \\d+\\) under ACCESS"
                        + " EXCLUSIVE lock, in \\d+ ms.*");
        assertThatThrownBy(() -> traced.blockNoQueryLongerThan(Duration.ofMillis(300)))
                .hasMessageStartingWith(heading)
                .hasMessageContaining(",\nto keep no application query waiting longer than 300 ms,\nbut the longest took ")
                .hasMessageContaining("on public.orders, blocked by the migration, during"
                        + " classpath:db/traced-unsafe/V3__widen_order_id.sql:")
                .hasMessageContaining("(V3: ");
        traced.blockNoQueryLongerThan(Duration.ofSeconds(30));
        assertThat(traced.report()).isSameAs(traced.report());
    }

    @Test
    void tracesFromAnEmptyDatabaseWhenTheFirstMigrationIsNamed() {
        TracedMigrationsAssert traced = assertThat(migrations("classpath:db/traced")).whenTraced().from("1");

        traced.takeNoLockStrongerThan(LockMode.ACCESS_SHARE).onExistingTables().rewriteNoTable();
        assertThat(traced.report().seeding()).isEmpty();
        assertThat(traced.report().migrations()).hasSize(4);
    }

    @Test
    void namesTheMigrationsWhenTheFirstOneToTraceIsUnknown() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/traced")).whenTraced().from("V9").rewriteNoTable())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting a migration V9 to trace from among the migrations at [classpath:db/traced],\nbut"
                        + " there is none; the migrations are: V1, V2, V3, V4");
    }

    @Test
    void failsWhenTheMigrationsCannotBeLoaded() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/no-such-dir")).whenTraced().rewriteNoTable())
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting migrations at [classpath:db/no-such-dir],\nbut ");
    }

    @Test
    void rejectsANegativeRowCount() {
        assertThatThrownBy(() -> assertThat(migrations("classpath:db/traced")).whenTraced().withRows(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("withRows needs 0 or more rows per table, not -1");
    }
}
