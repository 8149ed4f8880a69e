package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class SetTablespaceTest {

    private final LintFixture lint = LintFixture.rule("set-tablespace");

    @Test
    void flagsMovingALiveTableToAnotherTablespace() {
        assertThat(lint.inTransaction("ALTER TABLE orders SET TABLESPACE fast_ssd;")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.severity()).isEqualTo(Severity.ERROR);
                    assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
                    assertThat(violation.impact()).isEqualTo(TableImpact.REWRITE);
                    assertThat(violation.message()).isEqualTo("ALTER TABLE orders SET TABLESPACE fast_ssd takes ACCESS"
                            + " EXCLUSIVE lock (blocks reads and writes) while it copies every data file of orders to"
                            + " fast_ssd: a full copy of the table, during which nothing can read or write it (its"
                            + " indexes stay in their tablespace unless moved too)");
                    assertThat(violation.fix()).get().asString().endsWith(
                            "pg_repack --dbname=<database> --table=orders --tablespace=fast_ssd --moveidx");
                });
    }

    @Test
    void quotesMixedCaseNamesForTheShell() {
        assertThat(lint.inTransaction("ALTER TABLE \"Orders\" SET TABLESPACE fast_ssd;")).singleElement()
                .satisfies(violation -> assertThat(violation.fix()).get().asString()
                        .contains("--table='\"Orders\"'"));
    }

    @Test
    void acceptsATableCreatedInAnEarlierMigration() {
        assertThat(lint.after("CREATE TABLE orders (id bigint);")
                .inTransaction("ALTER TABLE orders SET TABLESPACE fast_ssd;")).isEmpty();
    }

    @Test
    void acceptsOtherAlterTableActions() {
        assertThat(lint.inTransaction("ALTER TABLE orders SET (fillfactor = 90);")).isEmpty();
    }
}
