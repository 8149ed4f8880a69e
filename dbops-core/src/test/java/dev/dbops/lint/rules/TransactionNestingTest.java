package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionNestingTest {

    private final LintFixture lint = LintFixture.rule("transaction-nesting");

    @Test
    void flagsCommitInsideTheToolTransaction() {
        List<Violation> violations = lint.inTransaction("BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;");

        assertThat(violations).hasSize(2);
        Violation commit = violations.get(1);
        assertThat(commit.severity()).isEqualTo(Severity.WARNING);
        assertThat(commit.lock()).isEqualTo(LockMode.NONE);
        assertThat(commit.message()).isEqualTo("COMMIT inside a migration the tool already runs in one transaction: it "
                + "ends the tool's transaction early: the statements after it run without a transaction, so a failure "
                + "can no longer roll the migration back, and the tool's own COMMIT finds no transaction");
        assertThat(commit.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith("-- remove \"COMMIT;\"")
                .contains("executeInTransaction=false").contains("runInTransaction:false"));
        assertThat(violations.get(0).message()).startsWith("BEGIN inside a migration the tool already runs");
    }

    @Test
    void acceptsSavepointsInsideTheToolTransaction() {
        assertThat(lint.inTransaction("SAVEPOINT before_note;\nALTER TABLE orders ADD COLUMN note text;\n"
                + "RELEASE SAVEPOINT before_note;")).isEmpty();
    }

    @Test
    void acceptsABalancedTransactionInANonTransactionalScript() {
        assertThat(lint.outsideTransaction("BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nCOMMIT;\n"
                + "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);")).isEmpty();
    }

    @Test
    void flagsABeginThatIsNeverCommitted() {
        assertThat(lint.outsideTransaction("BEGIN;\nALTER TABLE orders ADD COLUMN note text;")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.message()).startsWith("BEGIN is never committed");
                    assertThat(violation.fix()).hasValue("-- end the file with:\nCOMMIT;");
                });
    }

    @Test
    void flagsANestedBegin() {
        assertThat(lint.outsideTransaction("BEGIN;\nALTER TABLE orders ADD COLUMN note text;\nBEGIN;\nCOMMIT;"))
                .singleElement().satisfies(violation -> assertThat(violation.message())
                        .startsWith("BEGIN inside a transaction that is already open"));
    }

    @Test
    void flagsACommitWithoutBegin() {
        assertThat(lint.outsideTransaction("ALTER TABLE orders ADD COLUMN note text;\nCOMMIT;")).singleElement()
                .satisfies(violation -> assertThat(violation.message()).startsWith("COMMIT with no transaction open"));
    }
}
