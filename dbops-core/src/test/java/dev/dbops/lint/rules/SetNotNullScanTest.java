package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class SetNotNullScanTest {

    private final LintFixture lint = LintFixture.rule("set-not-null-scan");

    @Test
    void scansOnPostgres17() {
        Violation violation = assertThat(lint.onPostgres(17)
                .inTransaction("ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;")).singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.ERROR);
        assertThat(violation.message()).isEqualTo("ALTER COLUMN orders.customer_id SET NOT NULL takes ACCESS EXCLUSIVE"
                + " lock (blocks reads and writes) and scans the whole table while holding it, looking for NULLs (no"
                + " valid CHECK (customer_id IS NOT NULL) from an earlier statement lets PostgreSQL skip the scan)");
        assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(violation.impact()).isEqualTo(TableImpact.SCAN);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                "ALTER TABLE orders ADD CONSTRAINT orders_customer_id_not_null CHECK (customer_id IS NOT NULL)"
                        + " NOT VALID;\n-- then, in a later migration (its own transaction):\n"
                        + "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_not_null;\n"
                        + "ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;\n"
                        + "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_not_null;"));
    }

    @Test
    void usesNotValidNotNullOnPostgres18() {
        Violation violation = assertThat(lint.onPostgres(18)
                .inTransaction("ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;")).singleElement().actual();

        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).endsWith(
                "ALTER TABLE orders ADD CONSTRAINT orders_customer_id_not_null NOT NULL customer_id NOT VALID;\n"
                        + "-- then, in a later migration (its own transaction):\n"
                        + "ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_not_null;")
                .doesNotContain("CHECK (customer_id IS NOT NULL) NOT VALID"));
    }

    @Test
    void flagsAValidatedNotNullConstraintAddedWithoutNotValidOnPostgres18() {
        assertThat(lint.onPostgres(18).inTransaction(
                "ALTER TABLE orders ADD CONSTRAINT orders_customer_id_nn NOT NULL customer_id;"))
                .singleElement().satisfies(v -> assertThat(v.message())
                        .startsWith("ADD CONSTRAINT … NOT NULL orders.customer_id takes ACCESS EXCLUSIVE"));
    }

    @Test
    void acceptsSetNotNullAfterACheckValidatedInAnEarlierMigrationOnPostgres12() {
        assertThat(lint.onPostgres(12)
                .after("ALTER TABLE orders ADD CONSTRAINT orders_customer_chk CHECK (customer_id IS NOT NULL) NOT VALID;")
                .after("ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_chk;")
                .inTransaction("""
                        ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
                        ALTER TABLE orders DROP CONSTRAINT orders_customer_chk;
                        """)).isEmpty();
    }

    @Test
    void acceptsACheckThatAndsTheNullTestWithOtherConditions() {
        assertThat(lint.after("ALTER TABLE orders ADD CONSTRAINT orders_customer_chk"
                + " CHECK (customer_id > 0 AND (customer_id IS NOT NULL));")
                .inTransaction("ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;")).isEmpty();
    }

    @Test
    void stillFlagsWhenTheCheckIsNotValidatedOrGuardsAnotherColumn() {
        assertThat(lint.after("ALTER TABLE orders ADD CONSTRAINT a CHECK (customer_id IS NOT NULL) NOT VALID;")
                .after("ALTER TABLE orders ADD CONSTRAINT b CHECK (region_id IS NOT NULL);")
                .after("ALTER TABLE orders ADD CONSTRAINT c CHECK (customer_id IS NOT NULL OR region_id > 0);")
                .inTransaction("ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;")).hasSize(1);
    }

    @Test
    void acceptsSetNotNullOnATableCreatedEarlierInTheMigrations() {
        assertThat(lint.after("CREATE TABLE orders (id bigint, customer_id bigint);")
                .inTransaction("ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;")).isEmpty();
    }
}
