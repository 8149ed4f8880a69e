package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class RequireConcurrentIndexCreationTest {

    private final LintFixture lint = LintFixture.rule("require-concurrent-index-creation");

    @Test
    void flagsIndexCreatedWithoutConcurrentlyOnALiveTable() {
        Violation violation = assertThat(lint.inTransaction("CREATE INDEX orders_created_idx ON orders (created_at);"))
                .singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.ERROR);
        assertThat(violation.message()).isEqualTo("CREATE INDEX orders_created_idx on orders takes SHARE lock"
                + " (blocks writes) and builds an index from the whole table while holding it");
        assertThat(violation.lock()).isEqualTo(LockMode.SHARE);
        assertThat(violation.impact()).isEqualTo(TableImpact.INDEX_BUILD);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .contains("executeInTransaction=false", "runInTransaction:false")
                .endsWith("\nCREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);"));
    }

    @Test
    void acceptsIndexOnATableCreatedEarlierInTheMigrations() {
        assertThat(lint.after("CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);")
                .inTransaction("CREATE INDEX orders_created_idx ON orders (created_at);")).isEmpty();
    }

    @Test
    void acceptsIndexBuiltConcurrently() {
        assertThat(lint.outsideTransaction("CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);"))
                .isEmpty();
    }

    @Test
    void keepsEveryClauseAndNamesAnUnnamedIndexInTheFix() {
        Violation violation = assertThat(lint.inTransaction(
                "create unique index on app.users using btree (lower(email)) include (id) where deleted_at is null;"))
                .singleElement().actual();

        assertThat(violation.message()).startsWith("CREATE UNIQUE INDEX users_lower_idx on app.users takes SHARE");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).endsWith("\nCREATE UNIQUE INDEX"
                + " CONCURRENTLY users_lower_idx on app.users using btree (lower(email)) include (id)"
                + " where deleted_at is null;"));
    }

    @Test
    void dropsAnInvalidLeftoverFirstWhenTheIndexHasIfNotExists() {
        Violation violation = assertThat(lint.inTransaction(
                "CREATE INDEX IF NOT EXISTS orders_created_idx ON orders (created_at);")).singleElement().actual();

        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "DROP INDEX CONCURRENTLY IF EXISTS orders_created_idx;",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);"));
    }

    @Test
    void suggestsOnOnlyAndOneConcurrentBuildPerPartitionOnAPartitionedTable() {
        Violation violation = assertThat(lint
                .after("CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');")
                .inTransaction("CREATE INDEX events_created_idx ON events (created_at);")).singleElement().actual();

        assertThat(violation.message()).contains("on partitioned table events", "on every partition",
                "CONCURRENTLY is not supported on a partitioned table");
        assertThat(violation.lock()).isEqualTo(LockMode.SHARE);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "CREATE INDEX events_created_idx ON ONLY events (created_at);",
                "CREATE INDEX CONCURRENTLY events_2025_created_at_idx ON events_2025 (created_at);",
                "ALTER INDEX events_created_idx ATTACH PARTITION events_2025_created_at_idx;"));
    }

    @Test
    void learnsThatATableIsPartitionedFromAnAttachLaterInTheMigration() {
        Violation violation = assertThat(lint.inTransaction("""
                CREATE INDEX events_created_idx ON events (created_at);
                ALTER TABLE events ATTACH PARTITION events_old FOR VALUES FROM (MINVALUE) TO ('2025-01-01');
                """)).singleElement().actual();

        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .contains("ON ONLY events", "ON events_old (created_at);"));
    }

    @Test
    void reportsConcurrentlyOnAPartitionedTableAsFailing() {
        Violation violation = assertThat(lint.outsideTransaction("""
                CREATE TABLE metrics (at timestamptz NOT NULL, value double precision) PARTITION BY RANGE (at);
                CREATE INDEX CONCURRENTLY metrics_at_idx ON metrics (at);
                """)).singleElement().actual();

        assertThat(violation.message()).isEqualTo("CREATE INDEX CONCURRENTLY on partitioned table metrics fails:"
                + " PostgreSQL cannot build an index on a partitioned table concurrently");
        assertThat(violation.lock()).isEqualTo(LockMode.NONE);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .contains("CREATE INDEX metrics_at_idx ON ONLY metrics (at);", "ON <partition> (at);"));
    }

    @Test
    void acceptsOnOnlyOnAPartitionedParent() {
        assertThat(lint.inTransaction("CREATE INDEX events_created_idx ON ONLY events (created_at);")).isEmpty();
    }
}
