package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class RequireConcurrentIndexDropTest {

    private final LintFixture lint = LintFixture.rule("require-concurrent-index-drop");

    @Test
    void flagsDropIndexWithoutConcurrently() {
        Violation violation = assertThat(lint.inTransaction("DROP INDEX orders_created_idx;")).singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.WARNING);
        assertThat(violation.message()).isEqualTo("DROP INDEX orders_created_idx takes ACCESS EXCLUSIVE lock (blocks"
                + " reads and writes) on its table; the drop itself is quick (no scan, no rewrite), but it waits for"
                + " every running query on the table and every later query waits behind it");
        assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(violation.impact()).isEqualTo(TableImpact.NONE);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("executeInTransaction=false")
                .endsWith("\nDROP INDEX CONCURRENTLY IF EXISTS orders_created_idx;"));
    }

    @Test
    void namesTheTableKnownFromAnEarlierMigration() {
        Violation violation = assertThat(lint.after("CREATE INDEX orders_created_idx ON app.orders (created_at);")
                .inTransaction("DROP INDEX app.orders_created_idx CASCADE;")).singleElement().actual();

        assertThat(violation.message()).contains("on app.orders;");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("CONCURRENTLY cannot CASCADE")
                .endsWith("DROP INDEX CONCURRENTLY IF EXISTS app.orders_created_idx;"));
    }

    @Test
    void acceptsDroppingAnIndexOfATableCreatedEarlierInTheMigrations() {
        assertThat(lint.after("CREATE TABLE orders (id bigint, created_at timestamptz);"
                + " CREATE INDEX orders_created_idx ON orders (created_at);")
                .inTransaction("DROP INDEX orders_created_idx;")).isEmpty();
    }

    @Test
    void acceptsDropIndexConcurrently() {
        assertThat(lint.outsideTransaction("DROP INDEX CONCURRENTLY IF EXISTS orders_created_idx;")).isEmpty();
    }

    @Test
    void reportsThatDroppingAConstraintsIndexFails() {
        Violation violation = assertThat(lint.after("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);")
                .inTransaction("DROP INDEX users_email_key;")).singleElement().actual();

        assertThat(violation.message()).isEqualTo("DROP INDEX users_email_key fails: constraint users_email_key on"
                + " users owns the index, so only dropping the constraint removes it");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .endsWith("ALTER TABLE users DROP CONSTRAINT users_email_key;"));
    }

    @Test
    void explainsThatAPartitionedTablesIndexCannotBeDroppedConcurrently() {
        Violation violation = assertThat(lint.after("""
                ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
                CREATE INDEX events_created_idx ON events (created_at);
                """).inTransaction("DROP INDEX events_created_idx;")).singleElement().actual();

        assertThat(violation.message()).contains("on partitioned table events", "CONCURRENTLY is not supported");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .startsWith("SET lock_timeout = '2s';").endsWith("DROP INDEX events_created_idx;"));
    }
}
