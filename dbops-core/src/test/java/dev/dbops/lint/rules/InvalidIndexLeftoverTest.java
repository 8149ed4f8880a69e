package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class InvalidIndexLeftoverTest {

    private final LintFixture lint = LintFixture.rule("invalid-index-leftover");

    @Test
    void flagsIfNotExistsThatWouldKeepAnInvalidLeftover() {
        Violation violation = assertThat(lint.outsideTransaction(
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);"))
                .singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.WARNING);
        assertThat(violation.message()).startsWith("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx on"
                + " orders: if an earlier attempt failed or was cancelled it left an INVALID index")
                .contains("IF NOT EXISTS keeps without building it", "SHARE UPDATE EXCLUSIVE lock (blocks other DDL,"
                        + " VACUUM and ANALYZE)");
        assertThat(violation.lock()).isEqualTo(LockMode.SHARE_UPDATE_EXCLUSIVE);
        assertThat(violation.impact()).isEqualTo(TableImpact.INDEX_BUILD);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "DROP INDEX CONCURRENTLY IF EXISTS orders_created_idx;",
                "\nCREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);"));
    }

    @Test
    void acceptsIfNotExistsAfterDroppingTheLeftoverInTheSameMigration() {
        assertThat(lint.outsideTransaction("""
                DROP INDEX CONCURRENTLY IF EXISTS orders_created_idx;
                CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);
                """)).isEmpty();
    }

    @Test
    void acceptsANamedBuildWithoutIfNotExists() {
        assertThat(lint.outsideTransaction("CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);"))
                .isEmpty();
    }

    @Test
    void flagsAnUnnamedBuildWhoseRetryWouldCreateASecondIndex() {
        Violation violation = assertThat(lint.outsideTransaction(
                "CREATE INDEX CONCURRENTLY ON app.orders (customer_id, created_at);")).singleElement().actual();

        assertThat(violation.message()).contains("has no index name",
                "INVALID index orders_customer_id_created_at_idx",
                "second index orders_customer_id_created_at_idx1");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "DROP INDEX CONCURRENTLY IF EXISTS app.orders_customer_id_created_at_idx;",
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_created_at_idx ON app.orders"
                        + " (customer_id, created_at);"));
    }

    @Test
    void acceptsAConcurrentBuildOnATableCreatedEarlierInTheMigrations() {
        assertThat(lint.after("CREATE TABLE orders (id bigint, created_at timestamptz);")
                .outsideTransaction("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_idx ON orders (created_at);"))
                .isEmpty();
    }
}
