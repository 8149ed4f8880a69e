package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class ConcurrentlyInTransactionTest {

    private final LintFixture lint = LintFixture.rule("concurrently-in-transaction");

    @Test
    void flagsConcurrentIndexInAMigrationTheToolRunsInATransaction() {
        Violation violation = assertThat(lint.inTransaction(
                "CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);")).singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.ERROR);
        assertThat(violation.message()).isEqualTo("CREATE INDEX CONCURRENTLY cannot run inside a transaction block,"
                + " and the migration tool runs this migration in one: PostgreSQL rejects it (SQLSTATE 25001) and the"
                + " migration fails");
        assertThat(violation.lock()).isEqualTo(LockMode.NONE);
        assertThat(violation.impact()).isEqualTo(TableImpact.NONE);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .contains("V…__name.sql.conf with executeInTransaction=false", "runInTransaction:false")
                .endsWith("\nCREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);"));
    }

    @Test
    void acceptsConcurrentIndexInAMigrationRunOutsideATransaction() {
        assertThat(lint.outsideTransaction("CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);"))
                .isEmpty();
    }

    @Test
    void flagsDropIndexConcurrentlyAfterAnExplicitBegin() {
        Violation violation = assertThat(lint.outsideTransaction("""
                BEGIN;
                DROP INDEX CONCURRENTLY orders_created_idx;
                COMMIT;
                DROP INDEX CONCURRENTLY orders_other_idx;
                """)).singleElement().actual();

        assertThat(violation.location().line()).isEqualTo(2);
        assertThat(violation.message()).startsWith("DROP INDEX CONCURRENTLY cannot run inside a transaction block,"
                + " and it follows an explicit BEGIN");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .startsWith("-- remove the BEGIN … COMMIT around it").endsWith("DROP INDEX CONCURRENTLY orders_created_idx;"));
    }

    @Test
    void flagsReindexConcurrentlyInATransaction() {
        assertThat(lint.inTransaction("REINDEX INDEX CONCURRENTLY orders_created_idx;")).singleElement()
                .satisfies(v -> assertThat(v.message()).startsWith("REINDEX INDEX CONCURRENTLY cannot run inside"));
    }

    @Test
    void flagsDetachPartitionConcurrentlyInATransactionOnPostgres14() {
        assertThat(lint.onPostgres(14).inTransaction("ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;"))
                .singleElement().satisfies(v -> assertThat(v.message())
                        .startsWith("ALTER TABLE events DETACH PARTITION CONCURRENTLY cannot run inside a transaction"));
    }

    @Test
    void leavesDetachPartitionConcurrentlyToOtherRulesOnPostgres13WhereItDoesNotExist() {
        assertThat(lint.onPostgres(13).inTransaction("ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY;"))
                .isEmpty();
    }

    @Test
    void flagsConcurrentIndexInsideADoBlock() {
        Violation violation = assertThat(lint.outsideTransaction("""
                DO $$
                BEGIN
                  CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);
                END
                $$;
                """)).singleElement().actual();

        assertThat(violation.message()).contains("cannot run inside a DO block");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith("-- move it out of the DO block"));
    }

    @Test
    void acceptsPlainIndexStatementsInATransaction() {
        assertThat(lint.inTransaction("""
                CREATE INDEX orders_created_idx ON orders (created_at);
                DROP INDEX orders_old_idx;
                REINDEX INDEX orders_created_idx;
                """)).isEmpty();
    }
}
