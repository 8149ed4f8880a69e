package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class DetachPartitionBlockingTest {

    private static final String DETACH = "ALTER TABLE orders DETACH PARTITION orders_2023;";

    private final LintFixture lint = LintFixture.rule("detach-partition-blocking");

    @Test
    void suggestsDetachConcurrentlyOnPostgres14() {
        assertThat(lint.onPostgres(14).inTransaction(DETACH)).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.WARNING);
            assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(violation.impact()).isEqualTo(TableImpact.NONE);
            assertThat(violation.message()).isEqualTo("ALTER TABLE orders DETACH PARTITION orders_2023 takes ACCESS"
                    + " EXCLUSIVE lock (blocks reads and writes) on orders (all of its partitions), on orders_2023 and"
                    + " on the DEFAULT partition if there is one; it waits for every running query on orders, and all"
                    + " new ones queue behind it");
            assertThat(violation.fix()).get().asString()
                    .contains("executeInTransaction=false")
                    .contains("ALTER TABLE orders DETACH PARTITION orders_2023 CONCURRENTLY;")
                    .contains("ALTER TABLE orders DETACH PARTITION orders_2023 FINALIZE;");
        });
    }

    @Test
    void suggestsDetachConcurrentlyEvenWithLockTimeoutOnPostgres18() {
        assertThat(lint.onPostgres(18).withLockTimeoutConfigured().inTransaction(DETACH)).hasSize(1);
    }

    @Test
    void suggestsLockTimeoutOnPostgres13() {
        assertThat(lint.onPostgres(13).inTransaction(DETACH)).singleElement().satisfies(violation ->
                assertThat(violation.fix()).get().asString()
                        .startsWith("-- PostgreSQL 13 has no DETACH … CONCURRENTLY")
                        .endsWith("SET lock_timeout = '2s';\n" + DETACH)
                        .doesNotContain("CONCURRENTLY;"));
    }

    @Test
    void acceptsThePlainFormWithLockTimeoutOnPostgres12() {
        assertThat(lint.onPostgres(12).withLockTimeoutConfigured().inTransaction(DETACH)).isEmpty();
    }

    @Test
    void reportsDetachConcurrentlyAsASyntaxErrorOnPostgres13() {
        assertThat(lint.onPostgres(13).outsideTransaction(
                "ALTER TABLE orders DETACH PARTITION orders_2023 CONCURRENTLY;")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.lock()).isEqualTo(LockMode.NONE);
                    assertThat(violation.message()).isEqualTo("ALTER TABLE orders DETACH PARTITION orders_2023"
                            + " CONCURRENTLY fails on PostgreSQL 13 with a syntax error: DETACH PARTITION …"
                            + " CONCURRENTLY exists since PostgreSQL 14");
                });
    }

    @Test
    void acceptsDetachConcurrentlyOnPostgres14() {
        assertThat(lint.onPostgres(14).outsideTransaction(
                "ALTER TABLE orders DETACH PARTITION orders_2023 CONCURRENTLY;\n"
                        + "ALTER TABLE orders DETACH PARTITION orders_2022 FINALIZE;")).isEmpty();
    }

    @Test
    void acceptsAPartitionedTableCreatedInAnEarlierMigration() {
        assertThat(lint.after("""
                CREATE TABLE orders (id bigint, created_at date) PARTITION BY RANGE (created_at);
                CREATE TABLE orders_2023 PARTITION OF orders FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
                """).inTransaction(DETACH)).isEmpty();
    }
}
