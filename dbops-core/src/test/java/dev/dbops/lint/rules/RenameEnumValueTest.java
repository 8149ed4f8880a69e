package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class RenameEnumValueTest {

    private final LintFixture lint = LintFixture.rule("rename-enum-value");

    @Test
    void flagsRenamingALabelOfAnExistingEnum() {
        assertThat(lint.inTransaction("ALTER TYPE order_status RENAME VALUE 'sent' TO 'shipped';")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.severity()).isEqualTo(Severity.WARNING);
                    assertThat(violation.lock()).isEqualTo(LockMode.NONE);
                    assertThat(violation.impact()).isEqualTo(TableImpact.NONE);
                    assertThat(violation.message()).isEqualTo("ALTER TYPE order_status RENAME VALUE 'sent' TO 'shipped'"
                            + " renames the label in place: application code still running that writes 'sent' fails"
                            + " with \"invalid input value for enum order_status\", and code that compares with 'sent'"
                            + " stops matching; it takes no table lock and rewrites nothing, the danger is the deploy"
                            + " order");
                    assertThat(violation.fix()).get().asString()
                            .contains("ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'shipped' AFTER 'sent';")
                            .contains("UPDATE <table> SET <column> = 'shipped' WHERE <column> = 'sent';")
                            .contains("atttypid = 'order_status'::regtype");
                });
    }

    @Test
    void acceptsRenamingALabelOfAnEnumCreatedInAnEarlierMigration() {
        assertThat(lint.after("CREATE TYPE billing.order_status AS ENUM ('sent', 'paid');")
                .inTransaction("ALTER TYPE billing.order_status RENAME VALUE 'sent' TO 'shipped';")).isEmpty();
    }

    @Test
    void flagsARenameWhenOnlyAnotherEnumWasCreatedEarlier() {
        assertThat(lint.after("CREATE TYPE payment_status AS ENUM ('sent');")
                .inTransaction("ALTER TYPE order_status RENAME VALUE 'sent' TO 'shipped';")).hasSize(1);
    }

    @Test
    void acceptsAddingAValue() {
        assertThat(lint.inTransaction("ALTER TYPE order_status ADD VALUE 'shipped' AFTER 'sent';")).isEmpty();
    }

    @Test
    void honoursASuppressionComment() {
        assertThat(lint.inTransaction("""
                -- dbops:ignore rename-enum-value every app version reads both labels since release 41
                ALTER TYPE order_status RENAME VALUE 'sent' TO 'shipped';
                """)).isEmpty();
    }
}
