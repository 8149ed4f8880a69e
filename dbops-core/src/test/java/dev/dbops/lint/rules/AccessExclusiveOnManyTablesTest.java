package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccessExclusiveOnManyTablesTest {

    private final LintFixture lint = LintFixture.rule("access-exclusive-on-many-tables");

    @Test
    void flagsTheSecondLiveTableLockedAccessExclusiveInOneTransaction() {
        List<Violation> violations = lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "ALTER TABLE customers ADD COLUMN vip boolean;");

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.WARNING);
            assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(violation.message()).startsWith("ALTER TABLE customers takes ACCESS EXCLUSIVE on customers, so "
                    + "this transaction now holds ACCESS EXCLUSIVE on 2 live tables (orders, customers), which blocks "
                    + "reads and writes of all of them until COMMIT").contains("deadlock");
            assertThat(violation.fix()).hasValue("-- one table per transaction (one migration file each):\n"
                    + "ALTER TABLE orders ADD COLUMN note text;\n"
                    + "-- next migration file\n"
                    + "ALTER TABLE customers ADD COLUMN vip boolean;\n"
                    + "-- if they must change together, take every lock up front, always in the same order:\n"
                    + "SET LOCAL lock_timeout = '2s';\n"
                    + "LOCK TABLE customers, orders IN ACCESS EXCLUSIVE MODE;");
        });
    }

    @Test
    void flagsOneStatementThatLocksSeveralTables() {
        assertThat(lint.outsideTransaction("TRUNCATE orders, order_lines;")).singleElement().satisfies(violation -> {
            assertThat(violation.message()).contains("so this statement holds ACCESS EXCLUSIVE on 2 live tables");
            assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .startsWith("-- one table per transaction:\nTRUNCATE orders;\nTRUNCATE order_lines;\n"));
        });
    }

    @Test
    void acceptsSeveralStatementsOnTheSameTable() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "ALTER TABLE public.orders ADD COLUMN tag text;\nLOCK TABLE orders;")).isEmpty();
    }

    @Test
    void countsARenamedTableOnce() {
        assertThat(lint.inTransaction("ALTER TABLE orders RENAME TO purchases;\n"
                + "ALTER TABLE purchases ADD COLUMN note text;")).isEmpty();
    }

    @Test
    void countsATableReplacedByAViewUnderItsOldName() {
        assertThat(lint.inTransaction("ALTER TABLE orders RENAME TO purchases;\n"
                + "CREATE VIEW orders AS SELECT * FROM purchases;\n"
                + "ALTER TABLE customers ADD COLUMN note text;")).singleElement().satisfies(violation -> assertThat(
                        violation.message()).contains("2 live tables (orders, customers)"));
    }

    @Test
    void acceptsWeakerLocksOnOtherTables() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "CREATE INDEX customers_name_idx ON customers (name);\n"
                + "ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) "
                + "REFERENCES orders (id) NOT VALID;")).isEmpty();
    }

    @Test
    void acceptsTablesCreatedInTheMigrations() {
        assertThat(lint.inTransaction("CREATE TABLE notes (id bigint PRIMARY KEY);\n"
                + "ALTER TABLE orders ADD COLUMN note_id bigint;\nALTER TABLE notes ADD COLUMN body text;")).isEmpty();
    }

    @Test
    void acceptsOneTablePerTransactionOutsideTheToolTransaction() {
        assertThat(lint.outsideTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "ALTER TABLE customers ADD COLUMN vip boolean;")).isEmpty();
    }
}
