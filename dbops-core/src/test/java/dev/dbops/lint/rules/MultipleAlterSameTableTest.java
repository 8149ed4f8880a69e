package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultipleAlterSameTableTest {

    private final LintFixture lint = LintFixture.rule("multiple-alter-same-table");

    @Test
    void flagsASecondAlterTableOnTheSameLiveTable() {
        List<Violation> violations = lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "ALTER TABLE orders ALTER COLUMN amount TYPE bigint;");

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.INFO);
            assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(violation.message()).isEqualTo("ALTER TABLE orders can be combined with the ALTER TABLE on "
                    + "orders before it in this migration (ALTER TABLE orders ADD COLUMN note text): each one queues for "
                    + "ACCESS EXCLUSIVE (blocks reads and writes) on its own and reads the table again for its own checks "
                    + "or rewrite; one ALTER TABLE takes the lock once and does them in one pass");
            assertThat(violation.fix()).hasValue("ALTER TABLE orders\n    ADD COLUMN note text,\n"
                    + "    ALTER COLUMN amount TYPE bigint;");
        });
    }

    @Test
    void combinesAWholeChainIntoOneStatement() {
        List<Violation> violations = lint.outsideTransaction("ALTER TABLE orders ADD COLUMN a text;\n"
                + "CREATE TABLE notes (id bigint PRIMARY KEY);\n"
                + "ALTER TABLE orders ADD COLUMN b text;\nALTER TABLE orders ADD COLUMN c text;");

        assertThat(violations).hasSize(2);
        assertThat(violations.get(1).message()).contains("combined with the 2 ALTER TABLE statements on orders");
        assertThat(violations.get(1).fix()).hasValue("ALTER TABLE orders\n    ADD COLUMN a text,\n    ADD COLUMN b text,\n"
                + "    ADD COLUMN c text;");
    }

    @Test
    void acceptsAlterTablesSeparatedByAStatementThatUsesTheTable() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "UPDATE orders SET note = '' WHERE id < 100;\n"
                + "ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';")).isEmpty();
    }

    @Test
    void acceptsTheNotValidThenValidatePattern() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID;\n"
                + "ALTER TABLE orders VALIDATE CONSTRAINT positive;")).isEmpty();
    }

    @Test
    void acceptsSetNotNullAndDroppingTheCheckThatProvesIt() {
        assertThat(lint.inTransaction("ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;\n"
                + "ALTER TABLE orders DROP CONSTRAINT orders_customer_id_not_null;")).isEmpty();
    }

    @Test
    void acceptsFormsThatMustRunAlone() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN total numeric;\n"
                + "ALTER TABLE orders RENAME COLUMN amount TO legacy_amount;")).isEmpty();
    }

    @Test
    void acceptsAForeignKeyWhoseLockWouldBeRaised() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN customer_id bigint;\n"
                + "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) "
                + "REFERENCES customers (id) NOT VALID;")).isEmpty();
    }

    @Test
    void acceptsAlterTablesOnANewTable() {
        assertThat(lint.inTransaction("CREATE TABLE notes (id bigint PRIMARY KEY);\n"
                + "ALTER TABLE notes ADD COLUMN body text;\nALTER TABLE notes ADD COLUMN author text;")).isEmpty();
    }

    @Test
    void acceptsAlterTablesOnDifferentTables() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "ALTER TABLE customers ADD COLUMN note text;")).isEmpty();
    }
}
