package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class VacuumFullOrClusterTest {

    private final LintFixture lint = LintFixture.rule("vacuum-full-or-cluster");

    @Test
    void flagsVacuumFullOfALiveTable() {
        assertThat(lint.outsideTransaction("VACUUM FULL orders;")).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.ERROR);
            assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(violation.impact()).isEqualTo(TableImpact.REWRITE);
            assertThat(violation.message()).isEqualTo("VACUUM FULL on orders takes ACCESS EXCLUSIVE lock (blocks reads"
                    + " and writes) and rewrites the table and its indexes: nothing can read or write orders until the"
                    + " copy is done");
            assertThat(violation.fix()).get().asString()
                    .endsWith("pg_repack --dbname=<database> --no-order --table=orders");
        });
    }

    @Test
    void flagsTheFullOptionInParentheses() {
        assertThat(lint.outsideTransaction("VACUUM (FULL, VERBOSE) public.orders;")).singleElement()
                .satisfies(violation -> assertThat(violation.fix()).get().asString()
                        .contains("--table=public.orders"));
    }

    @Test
    void flagsVacuumFullOfTheWholeDatabase() {
        assertThat(lint.outsideTransaction("VACUUM FULL;")).singleElement().satisfies(violation ->
                assertThat(violation.message()).startsWith("VACUUM FULL without a table list rewrites every table"));
    }

    @Test
    void namesOnlyTheLiveTablesOfAList() {
        assertThat(lint.after("CREATE TABLE staging (id bigint);").outsideTransaction("VACUUM FULL staging, orders;"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.message()).startsWith("VACUUM FULL on orders takes").doesNotContain("staging");
                    assertThat(violation.fix()).get().asString().doesNotContain("staging");
                });
    }

    @Test
    void flagsClusterUsingAnIndexAndMarksThatIndexForPgRepack() {
        assertThat(lint.inTransaction("CLUSTER orders USING orders_created_idx;")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.message()).startsWith("CLUSTER orders USING orders_created_idx takes ACCESS"
                            + " EXCLUSIVE lock (blocks reads and writes) and rewrites the table and its indexes");
                    assertThat(violation.fix()).get().asString()
                            .contains("ALTER TABLE orders CLUSTER ON orders_created_idx;")
                            .contains("pg_repack --dbname=<database> --table=orders");
                });
    }

    @Test
    void flagsClusterOfEveryClusteredTable() {
        assertThat(lint.outsideTransaction("CLUSTER;")).singleElement().satisfies(violation ->
                assertThat(violation.message()).startsWith("CLUSTER without a table re-sorts every table"));
    }

    @Test
    void acceptsPlainVacuumAndVacuumWithFullSwitchedOff() {
        assertThat(lint.outsideTransaction("VACUUM orders;\nVACUUM ANALYZE orders;\nVACUUM (FULL false) orders;"))
                .isEmpty();
    }

    @Test
    void acceptsTablesCreatedInAnEarlierMigration() {
        assertThat(lint.after("CREATE TABLE orders (id bigint);")
                .outsideTransaction("VACUUM FULL orders;\nCLUSTER orders USING orders_pkey;")).isEmpty();
    }
}
