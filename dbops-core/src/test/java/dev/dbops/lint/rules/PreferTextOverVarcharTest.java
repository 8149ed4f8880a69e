package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import org.junit.jupiter.api.Test;

class PreferTextOverVarcharTest {

    private final LintFixture lint = LintFixture.rule("prefer-text-over-varchar");

    @Test
    void flagsVarcharWithALimitInANewTable() {
        assertThat(lint.inTransaction("CREATE TABLE customers (id bigint PRIMARY KEY, email varchar(255) NOT NULL);"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.severity()).isEqualTo(Severity.INFO);
                    assertThat(violation.message()).startsWith("Column customers.email is varchar(255): the length limit "
                            + "is part of the type, so tightening it later is ALTER COLUMN … TYPE, which takes ACCESS "
                            + "EXCLUSIVE (blocks reads and writes) and rewrites the table");
                    assertThat(violation.fix()).hasValue("CREATE TABLE customers (id bigint PRIMARY KEY, email text "
                            + "CHECK (char_length(email) <= 255) NOT NULL);");
                });
    }

    @Test
    void addsTheLimitAsANotValidConstraintOnALiveTable() {
        assertThat(lint.inTransaction("ALTER TABLE customers ADD COLUMN nickname varchar(40);")).singleElement()
                .satisfies(violation -> assertThat(violation.fix()).hasValue("ALTER TABLE customers ADD COLUMN nickname "
                        + "text,\n    ADD CONSTRAINT customers_nickname_max_length CHECK (char_length(nickname) <= 40) NOT "
                        + "VALID;\n-- then, in a later transaction (SHARE UPDATE EXCLUSIVE: reads and writes go on):\n"
                        + "ALTER TABLE customers VALIDATE CONSTRAINT customers_nickname_max_length;"));
    }

    @Test
    void flagsCharAndATypeChangeToVarchar() {
        assertThat(lint.inTransaction("ALTER TABLE customers ALTER COLUMN country TYPE char(2);")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.message()).contains("char(n) pads every value with blanks");
                    assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).startsWith(
                            "ALTER TABLE customers ALTER COLUMN country TYPE text,\n    ADD CONSTRAINT "
                                    + "customers_country_max_length CHECK (char_length(country) <= 2) NOT VALID;"));
                });
    }

    @Test
    void acceptsTextAndUnboundedVarchar() {
        assertThat(lint.inTransaction("CREATE TABLE customers (id bigint PRIMARY KEY, email text, name varchar);"))
                .isEmpty();
    }
}
