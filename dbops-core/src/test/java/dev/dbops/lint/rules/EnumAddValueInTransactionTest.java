package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class EnumAddValueInTransactionTest {

    private static final String ADD_AND_USE = """
            ALTER TYPE order_status ADD VALUE 'shipped' AFTER 'sent';
            UPDATE orders SET status = 'shipped' WHERE shipped_at IS NOT NULL;
            """;

    private final LintFixture lint = LintFixture.rule("enum-add-value-in-transaction");

    @Test
    void flagsUsingTheNewValueLaterInTheSameTransaction() {
        assertThat(lint.inTransaction(ADD_AND_USE)).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.ERROR);
            assertThat(violation.lock()).isEqualTo(LockMode.NONE);
            assertThat(violation.impact()).isEqualTo(TableImpact.NONE);
            assertThat(violation.location().display()).isEqualTo("V1__tested.sql:1:1");
            assertThat(violation.message()).isEqualTo("ALTER TYPE order_status ADD VALUE 'shipped' runs inside a"
                    + " transaction, and a later statement of the same transaction (V1__tested.sql:2:1) uses 'shipped':"
                    + " that statement fails on PostgreSQL 15 (unsafe use of new value \"shipped\" of enum type"
                    + " order_status), because a new enum value can be used only after the transaction that added it"
                    + " commits");
            assertThat(violation.fix()).get().asString().isEqualTo("""
                    -- add the value in a migration of its own, which commits before the next one runs:
                    ALTER TYPE order_status ADD VALUE 'shipped' AFTER 'sent';
                    -- and use it in the next migration:
                    UPDATE orders SET status = 'shipped' WHERE shipped_at IS NOT NULL;""");
        });
    }

    @Test
    void flagsAUseInADefaultWithIfNotExists() {
        assertThat(lint.inTransaction("""
                ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'draft';
                ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'draft';
                """)).singleElement().satisfies(violation ->
                        assertThat(violation.message()).endsWith("(unless 'draft' existed already)"));
    }

    @Test
    void acceptsAddingAValueAloneInATransaction() {
        assertThat(lint.inTransaction("ALTER TYPE order_status ADD VALUE 'shipped';")).isEmpty();
    }

    @Test
    void acceptsPlacingAnotherNewValueAfterIt() {
        assertThat(lint.inTransaction("""
                ALTER TYPE order_status ADD VALUE 'shipped';
                ALTER TYPE order_status ADD VALUE 'delivered' AFTER 'shipped';
                """)).isEmpty();
    }

    @Test
    void acceptsAUseAfterTheTransactionCommitted() {
        assertThat(lint.outsideTransaction("BEGIN;\nALTER TYPE order_status ADD VALUE 'shipped';\nCOMMIT;\n"
                + "UPDATE orders SET status = 'shipped' WHERE shipped_at IS NOT NULL;")).isEmpty();
    }

    @Test
    void acceptsAUseWhenEachStatementCommitsOnItsOwn() {
        assertThat(lint.outsideTransaction(ADD_AND_USE)).isEmpty();
    }

    @Test
    void acceptsAUseInTheNextMigration() {
        assertThat(lint.after("ALTER TYPE order_status ADD VALUE 'shipped';")
                .inTransaction("UPDATE orders SET status = 'shipped' WHERE shipped_at IS NOT NULL;")).isEmpty();
    }

    @Test
    void flagsAUseOfATypeCreatedInTheSameTransactionOnPostgres16() {
        assertThat(lint.onPostgres(16).inTransaction("""
                CREATE TYPE mood AS ENUM ('ok');
                ALTER TYPE mood ADD VALUE 'happy';
                CREATE TABLE moods (m mood DEFAULT 'happy');
                """)).hasSize(1);
    }

    @Test
    void acceptsAUseOfATypeCreatedInTheSameTransactionOnPostgres17() {
        assertThat(lint.onPostgres(17).inTransaction("""
                CREATE TYPE mood AS ENUM ('ok');
                ALTER TYPE mood ADD VALUE 'happy';
                CREATE TABLE moods (m mood DEFAULT 'happy');
                """)).isEmpty();
    }
}
