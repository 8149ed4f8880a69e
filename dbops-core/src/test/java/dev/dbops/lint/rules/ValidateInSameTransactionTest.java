package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class ValidateInSameTransactionTest {

    private final LintFixture lint = LintFixture.rule("validate-in-same-transaction");

    @Test
    void flagsValidatingACheckInTheTransactionThatAddedIt() {
        Violation violation = assertThat(lint.inTransaction("""
                ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;
                """)).singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.ERROR);
        assertThat(violation.location().line()).isEqualTo(2);
        assertThat(violation.message()).isEqualTo("VALIDATE CONSTRAINT orders_total_check on orders runs in the"
                + " transaction that added it NOT VALID, which still holds ACCESS EXCLUSIVE lock (blocks reads and"
                + " writes) on orders, so it scans the whole table under that lock until COMMIT");
        assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(violation.impact()).isEqualTo(TableImpact.SCAN);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("in a later migration",
                "\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;"));
    }

    @Test
    void flagsValidatingAnUnnamedForeignKeyByItsGeneratedName() {
        Violation violation = assertThat(lint.inTransaction("""
                ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;
                """)).singleElement().actual();

        assertThat(violation.lock()).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(violation.message()).contains("SHARE ROW EXCLUSIVE lock (blocks writes) on orders and customers");
    }

    @Test
    void flagsValidatingAfterAnExplicitBegin() {
        assertThat(lint.outsideTransaction("""
                BEGIN;
                ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;
                COMMIT;
                """)).hasSize(1);
    }

    @Test
    void acceptsValidatingInALaterMigration() {
        assertThat(lint.after("ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;")
                .inTransaction("ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;")).isEmpty();
    }

    @Test
    void acceptsValidatingAfterACommitInTheSameFile() {
        assertThat(lint.outsideTransaction("""
                ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;
                """)).isEmpty();
    }

    @Test
    void acceptsValidatingAnotherConstraint() {
        assertThat(lint.inTransaction("""
                ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
                """)).isEmpty();
    }
}
