package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementsAfterAccessExclusiveTest {

    private final LintFixture lint = LintFixture.rule("statements-after-access-exclusive");

    @Test
    void flagsAnIndexBuildAfterAnAccessExclusiveAlterInTheSameTransaction() {
        List<Violation> violations = lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "CREATE INDEX orders_note_idx ON orders (note);");

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.ERROR);
            assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(violation.impact()).isEqualTo(TableImpact.INDEX_BUILD);
            assertThat(violation.message()).isEqualTo("CREATE INDEX orders_note_idx ON orders runs while this "
                    + "transaction holds ACCESS EXCLUSIVE on orders (taken by ALTER TABLE orders ADD COLUMN note text), "
                    + "which blocks reads and writes until COMMIT: it builds an index from the whole table (orders)");
            assertThat(violation.fix()).hasValue("-- end this migration with the statement that takes ACCESS EXCLUSIVE:\n"
                    + "ALTER TABLE orders ADD COLUMN note text;\n"
                    + "-- and move this statement into the next migration file (its own transaction):\n"
                    + "CREATE INDEX orders_note_idx ON orders (note);");
        });
    }

    @Test
    void flagsABackfillAndALockOnAnotherTable() {
        List<Violation> violations = lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "UPDATE orders SET note = '' WHERE id < 1000;\n"
                + "ALTER TABLE customers ADD COLUMN vip boolean;");

        assertThat(violations).hasSize(2).allSatisfy(violation -> assertThat(violation.severity())
                .isEqualTo(Severity.WARNING));
        assertThat(violations.get(0).message()).endsWith("it changes rows of orders");
        assertThat(violations.get(1).message()).contains("it waits for ACCESS EXCLUSIVE on customers");
    }

    @Test
    void acceptsQuickChangesToTheSameTableAndSettings() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "ALTER TABLE orders ALTER COLUMN note SET DEFAULT '';\n"
                + "COMMENT ON COLUMN orders.note IS 'free text';\n"
                + "SELECT setval('orders_id_seq', 1000);\n"
                + "SET LOCAL statement_timeout = '5s';")).isEmpty();
    }

    @Test
    void flagsCodeItCannotSee() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\nSELECT backfill_notes();\n"
                + "SELECT count(*) FROM order_lines;\nCALL refresh_reports();")).hasSize(3)
                .allSatisfy(violation -> assertThat(violation.message()).contains("which may read tables or call "
                        + "functions that take long or take more locks"));
    }

    @Test
    void knowsThatARenamedTableIsAlreadyLocked() {
        assertThat(lint.inTransaction("ALTER TABLE orders RENAME TO purchases;\n"
                + "ALTER TABLE purchases ADD COLUMN note text;")).isEmpty();
    }

    @Test
    void keepsTheLockOfATableReplacedByAViewUnderItsOldName() {
        assertThat(lint.inTransaction("ALTER TABLE orders RENAME TO purchases;\n"
                + "CREATE VIEW orders AS SELECT * FROM purchases;\n"
                + "CREATE INDEX purchases_note_idx ON purchases (note);")).singleElement().satisfies(violation ->
                        assertThat(violation.message()).contains("holds ACCESS EXCLUSIVE on orders"));
    }

    @Test
    void acceptsStatementsAfterAShareRowExclusiveLock() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) "
                + "REFERENCES customers (id) NOT VALID;\nCREATE INDEX orders_note_idx ON orders (note);")).isEmpty();
    }

    @Test
    void acceptsEachStatementInItsOwnTransactionOutsideTheToolTransaction() {
        assertThat(lint.outsideTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "CREATE INDEX orders_note_idx ON orders (note);")).isEmpty();
    }

    @Test
    void flagsInsideAnExplicitTransactionAndSuggestsCommittingInBetween() {
        assertThat(lint.outsideTransaction("BEGIN;\nALTER TABLE orders ADD COLUMN note text;\n"
                + "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;\nCOMMIT;")).singleElement().satisfies(violation -> {
                    assertThat(violation.impact()).isEqualTo(TableImpact.SCAN);
                    assertThat(violation.fix()).hasValue("ALTER TABLE orders ADD COLUMN note text;\n"
                            + "COMMIT;  -- releases the ACCESS EXCLUSIVE lock\nBEGIN;\n"
                            + "ALTER TABLE orders ALTER COLUMN note SET NOT NULL;");
                });
    }

    @Test
    void acceptsAccessExclusiveOnATableCreatedInTheMigrations() {
        assertThat(lint.inTransaction("CREATE TABLE notes (id bigint PRIMARY KEY, body text);\n"
                + "ALTER TABLE notes ADD COLUMN author text;\n"
                + "CREATE INDEX notes_author_idx ON notes (author);\n"
                + "INSERT INTO notes (id, body) VALUES (1, 'x');")).isEmpty();
    }
}
