package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class CheckNotValidTest {

    private final LintFixture lint = LintFixture.rule("check-not-valid");

    @Test
    void flagsACheckAddedWithoutNotValidToALiveTable() {
        Violation violation = assertThat(lint.inTransaction("ALTER TABLE orders ADD CHECK (total >= 0);"))
                .singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.ERROR);
        assertThat(violation.message()).isEqualTo("ADD CHECK orders_total_check on orders takes ACCESS EXCLUSIVE lock"
                + " (blocks reads and writes) and scans the whole table while holding it, to check every row");
        assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(violation.impact()).isEqualTo(TableImpact.SCAN);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .startsWith("ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0) NOT VALID;")
                .contains("in a later migration", "\nALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;"));
    }

    @Test
    void keepsTheGivenNameAndNamesAMultiColumnCheckAfterTheTable() {
        assertThat(lint.inTransaction("""
                ALTER TABLE orders ADD CONSTRAINT orders_dates CHECK (shipped_at >= created_at);
                ALTER TABLE orders ADD CHECK (shipped_at >= created_at);
                """)).extracting(Violation::message).containsExactly(
                "ADD CHECK orders_dates on orders takes ACCESS EXCLUSIVE lock (blocks reads and writes) and scans the"
                        + " whole table while holding it, to check every row",
                "ADD CHECK orders_check on orders takes ACCESS EXCLUSIVE lock (blocks reads and writes) and scans the"
                        + " whole table while holding it, to check every row");
    }

    @Test
    void acceptsACheckAddedNotValid() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total >= 0)"
                + " NOT VALID;")).isEmpty();
    }

    @Test
    void acceptsACheckOnATableCreatedEarlierInTheMigrations() {
        assertThat(lint.after("CREATE TABLE invoices (id bigint, total numeric);")
                .inTransaction("ALTER TABLE invoices ADD CHECK (total >= 0);")).isEmpty();
    }

    @Test
    void flagsANewColumnWithAnInlineCheckSinceEveryRowIsCheckedToo() {
        Violation violation = assertThat(lint.inTransaction(
                "ALTER TABLE orders ADD COLUMN discount numeric DEFAULT 0 CHECK (discount >= 0);")).singleElement().actual();

        assertThat(violation.message()).startsWith("ADD COLUMN discount … CHECK on orders takes ACCESS EXCLUSIVE lock");
        assertThat(violation.fix()).hasValue("ALTER TABLE orders ADD COLUMN discount numeric DEFAULT 0;\n"
                + "ALTER TABLE orders ADD CONSTRAINT orders_discount_check CHECK (discount >= 0) NOT VALID;\n"
                + "-- then, in a later migration (its own transaction):\n"
                + "ALTER TABLE orders VALIDATE CONSTRAINT orders_discount_check;");
    }
}
