package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class TypeChangeRevalidatesChecksTest {

    private final LintFixture lint = LintFixture.rule("type-change-revalidates-checks");

    @Test
    void flagsATypeChangeOfAColumnThatAValidCheckUses() {
        Violation violation = assertThat(lint
                .after("ALTER TABLE products ADD CONSTRAINT products_code_upper CHECK (code = upper(code)) NOT VALID;")
                .after("ALTER TABLE products VALIDATE CONSTRAINT products_code_upper;")
                .inTransaction("ALTER TABLE products ALTER COLUMN code TYPE varchar(40);")).singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.ERROR);
        assertThat(violation.message()).isEqualTo("ALTER COLUMN products.code TYPE varchar(40) re-checks CHECK"
                + " constraint products_code_upper on every row: it takes ACCESS EXCLUSIVE lock (blocks reads and"
                + " writes) and scans the whole table while holding it, even when the type change itself needs no"
                + " rewrite");
        assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
        assertThat(violation.impact()).isEqualTo(TableImpact.SCAN);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("ALTER TABLE products\n"
                + "    DROP CONSTRAINT products_code_upper,\n"
                + "    ALTER COLUMN code TYPE varchar(40),\n"
                + "    ADD CONSTRAINT products_code_upper CHECK (code = upper(code)) NOT VALID;\n")
                .endsWith("ALTER TABLE products VALIDATE CONSTRAINT products_code_upper;  -- SHARE UPDATE EXCLUSIVE:"
                        + " reads and writes go on"));
    }

    @Test
    void namesEveryCheckOnTheColumnByItsGeneratedName() {
        assertThat(lint.after("ALTER TABLE products ADD CHECK (price > 0), ADD CHECK (price < cost * 10);")
                .inTransaction("ALTER TABLE products ALTER COLUMN price TYPE numeric(12,2);"))
                .singleElement().satisfies(v -> assertThat(v.message())
                        .contains("CHECK constraints products_price_check, products_check on every row"));
    }

    @Test
    void acceptsATypeChangeOfAColumnNoCheckUses() {
        assertThat(lint.after("ALTER TABLE products ADD CHECK (price > 0);")
                .inTransaction("ALTER TABLE products ALTER COLUMN code TYPE text;")).isEmpty();
    }

    @Test
    void acceptsATypeChangeWhenTheCheckIsStillNotValidOrDroppedInTheSameStatement() {
        assertThat(lint.after("ALTER TABLE products ADD CONSTRAINT products_price_positive CHECK (price > 0) NOT VALID;")
                .after("ALTER TABLE products ADD CONSTRAINT products_code_upper CHECK (code = upper(code));")
                .inTransaction("""
                        ALTER TABLE products ALTER COLUMN price TYPE numeric(12,2);
                        ALTER TABLE products DROP CONSTRAINT products_code_upper, ALTER COLUMN code TYPE text;
                        """)).isEmpty();
    }

    @Test
    void acceptsATypeChangeOnATableCreatedEarlierInTheMigrations() {
        assertThat(lint.after("CREATE TABLE products (id bigint, code varchar(20) CHECK (code <> ''));")
                .inTransaction("ALTER TABLE products ALTER COLUMN code TYPE varchar(40);")).isEmpty();
    }
}
