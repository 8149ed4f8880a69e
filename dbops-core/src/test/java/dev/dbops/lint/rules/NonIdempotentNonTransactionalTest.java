package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class NonIdempotentNonTransactionalTest {

    private final LintFixture lint = LintFixture.rule("non-idempotent-non-transactional");

    @Test
    void flagsCreateTableFollowedByAnotherStatementWithoutATransaction() {
        List<Violation> violations = lint.outsideTransaction("CREATE TABLE notes (id bigint PRIMARY KEY);\n"
                + "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);");

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.WARNING);
            assertThat(violation.message()).isEqualTo("CREATE TABLE notes cannot run twice, in a migration that runs "
                    + "without a transaction: if a later statement (CREATE INDEX CONCURRENTLY orders_note_idx ON orders "
                    + "(note)) fails, this one stays applied, and running the migration again fails with \"already "
                    + "exists\" here, blocking every later deploy until the database is repaired by hand");
            assertThat(violation.fix()).hasValue("CREATE TABLE IF NOT EXISTS notes (id bigint PRIMARY KEY);");
        });
    }

    @Test
    void acceptsTheLastStatementBecauseItsFailureChangesNothing() {
        assertThat(lint.outsideTransaction("SET lock_timeout = '2s';\nCREATE TABLE notes (id bigint PRIMARY KEY);"))
                .isEmpty();
    }

    @Test
    void acceptsMigrationsTheToolRunsInOneTransaction() {
        assertThat(lint.inTransaction("CREATE TABLE notes (id bigint PRIMARY KEY);\n"
                + "ALTER TABLE orders ADD COLUMN note_id bigint;")).isEmpty();
    }

    @Test
    void acceptsGuardedStatements() {
        assertThat(lint.outsideTransaction("CREATE TABLE IF NOT EXISTS notes (id bigint PRIMARY KEY);\n"
                + "ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;\n"
                + "DROP INDEX CONCURRENTLY IF EXISTS orders_old_idx;\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_idx ON orders (note);")).isEmpty();
    }

    @Test
    void acceptsStatementsInsideTheSameExplicitTransactionAsTheRest() {
        assertThat(lint.outsideTransaction("BEGIN;\nCREATE TABLE notes (id bigint PRIMARY KEY);\n"
                + "ALTER TABLE orders ADD COLUMN note_id bigint;\nCOMMIT;")).isEmpty();
    }

    @Test
    void flagsAnExplicitTransactionFollowedByAnotherOne() {
        assertThat(lint.outsideTransaction("BEGIN;\nALTER TABLE orders ADD COLUMN note text, DROP COLUMN legacy;\n"
                + "COMMIT;\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);")).singleElement()
                .satisfies(violation -> assertThat(violation.fix())
                        .hasValue("ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text, DROP COLUMN IF EXISTS legacy;"));
    }

    @Test
    void namesAnUnnamedIndexSoThatItCanBeGuarded() {
        assertThat(lint.outsideTransaction("CREATE INDEX CONCURRENTLY ON orders (created_at);\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_idx ON orders (note);")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.message()).contains("creates a second, identical index");
                    assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith(
                            "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);")
                            .contains("DROP INDEX CONCURRENTLY IF EXISTS orders_created_at_idx;"));
                });
    }

    @Test
    void guardsANamedConstraintWithACatalogCheck() {
        assertThat(lint.outsideTransaction("ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID;\n"
                + "ALTER TABLE orders VALIDATE CONSTRAINT positive;")).singleElement()
                .satisfies(violation -> assertThat(violation.fix()).hasValue("DO $$\nBEGIN\n"
                        + "    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = 'orders'::regclass AND "
                        + "conname = 'positive') THEN\n"
                        + "        ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID;\n"
                        + "    END IF;\nEND\n$$;"));
    }

    @Test
    void guardsARenamedColumn() {
        assertThat(lint.outsideTransaction("ALTER TABLE orders RENAME COLUMN amount TO total;\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_total_idx ON orders (total);")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.message()).contains("fails because column amount no longer exists");
                    assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                            .contains("IF EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = 'orders'::regclass AND "
                                    + "attname = 'amount' AND NOT attisdropped) THEN")
                            .contains("ALTER TABLE orders RENAME COLUMN amount TO total;"));
                });
    }

    @Test
    void replacesATriggerOnPostgres14AndDropsItFirstOnPostgres13() {
        String sql = "CREATE TRIGGER orders_audit AFTER UPDATE ON orders FOR EACH ROW EXECUTE FUNCTION audit();\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_idx ON orders (note);";
        assertThat(lint.onPostgres(14).outsideTransaction(sql)).singleElement().satisfies(violation -> assertThat(
                violation.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith("CREATE OR REPLACE TRIGGER orders_audit")));
        assertThat(lint.onPostgres(13).outsideTransaction(sql)).singleElement().satisfies(violation -> assertThat(
                violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                        .startsWith("DROP TRIGGER IF EXISTS orders_audit ON orders;\nCREATE TRIGGER orders_audit")));
    }

    @Test
    void addsIfNotExistsToOtherCreateStatementsThatAcceptIt() {
        assertThat(lint.outsideTransaction("CREATE SEQUENCE order_numbers;\nCREATE TYPE mood AS ENUM ('happy');\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_idx ON orders (note);"))
                .extracting(violation -> violation.fix().orElseThrow())
                .containsExactly("CREATE SEQUENCE IF NOT EXISTS order_numbers;",
                        "DO $$\nBEGIN\n    CREATE TYPE mood AS ENUM ('happy');\n"
                                + "EXCEPTION WHEN duplicate_object THEN\n    NULL;  -- created by an earlier run\nEND\n$$;");
    }

    @Test
    void ignoresStatementsInsideDoBlocks() {
        assertThat(lint.outsideTransaction("DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_class WHERE relname = 'notes') "
                + "THEN CREATE TABLE notes (id bigint PRIMARY KEY); END IF; END $$;\n"
                + "CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_note_idx ON orders (note);")).isEmpty();
    }
}
