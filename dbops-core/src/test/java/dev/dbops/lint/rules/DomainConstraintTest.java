package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class DomainConstraintTest {

    private static final String ADD_CHECK =
            "ALTER DOMAIN positive_amount ADD CONSTRAINT positive_amount_check CHECK (VALUE > 0);";

    private final LintFixture lint = LintFixture.rule("domain-constraint");

    @Test
    void flagsAddingACheckWithoutNotValid() {
        assertThat(lint.inTransaction(ADD_CHECK)).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.ERROR);
            assertThat(violation.lock()).isEqualTo(LockMode.SHARE);
            assertThat(violation.impact()).isEqualTo(TableImpact.SCAN);
            assertThat(violation.message()).isEqualTo("ALTER DOMAIN positive_amount ADD CONSTRAINT"
                    + " positive_amount_check CHECK without NOT VALID checks every stored value of every column of type"
                    + " positive_amount, holding SHARE lock (blocks writes) on each table with such a column until the"
                    + " transaction commits");
            assertThat(violation.fix()).get().asString()
                    .contains("atttypid = 'positive_amount'::regtype")
                    .contains("ALTER TABLE <table> ADD CONSTRAINT <table>_<column>_check CHECK (<column> > 0) NOT VALID;")
                    .contains("ALTER DOMAIN positive_amount ADD CONSTRAINT positive_amount_check CHECK (VALUE > 0)"
                            + " NOT VALID;");
        });
    }

    @Test
    void namesTheColumnsOfLiveTablesSeenInTheMigrations() {
        assertThat(lint.after("CREATE DOMAIN positive_amount AS numeric;\n"
                + "ALTER TABLE orders ADD COLUMN total positive_amount;").inTransaction(ADD_CHECK)).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.message()).contains("(in the migrations: orders.total)");
                    assertThat(violation.fix()).get().asString()
                            .contains("ALTER TABLE orders ADD CONSTRAINT orders_total_check CHECK (total > 0) NOT VALID;")
                            .contains("ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;");
                });
    }

    @Test
    void acceptsAddingACheckNotValid() {
        assertThat(lint.inTransaction(
                "ALTER DOMAIN positive_amount ADD CONSTRAINT positive_amount_check CHECK (VALUE > 0) NOT VALID;"))
                .isEmpty();
    }

    @Test
    void flagsValidateConstraintBecauseItTakesShareOnPostgres18() {
        assertThat(lint.onPostgres(18).inTransaction(
                "ALTER DOMAIN positive_amount VALIDATE CONSTRAINT positive_amount_check;")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.lock()).isEqualTo(LockMode.SHARE);
                    assertThat(violation.message()).endsWith("PostgreSQL 18 validates a domain constraint under SHARE,"
                            + " not the SHARE UPDATE EXCLUSIVE of ALTER TABLE … VALIDATE");
                    assertThat(violation.fix()).get().asString()
                            .contains("CHECK (<the domain's condition, with <column> for VALUE>) NOT VALID;");
                });
    }

    @Test
    void flagsSetNotNull() {
        assertThat(lint.inTransaction("ALTER DOMAIN positive_amount SET NOT NULL;")).singleElement()
                .satisfies(violation -> assertThat(violation.fix()).get().asString()
                        .contains("CHECK (<column> IS NOT NULL) NOT VALID;")
                        .contains("CHECK (VALUE IS NOT NULL) NOT VALID;"));
    }

    @Test
    void acceptsADomainCreatedEarlierAndUsedOnlyByNewTables() {
        assertThat(lint.after("CREATE DOMAIN positive_amount AS numeric;\n"
                + "CREATE TABLE refunds (id bigint, amount positive_amount);")
                .inTransaction(ADD_CHECK + "\nALTER DOMAIN positive_amount SET NOT NULL;")).isEmpty();
    }

    @Test
    void acceptsCreateDomainWithACheck() {
        assertThat(lint.inTransaction("CREATE DOMAIN positive_amount AS numeric CHECK (VALUE > 0);")).isEmpty();
    }
}
