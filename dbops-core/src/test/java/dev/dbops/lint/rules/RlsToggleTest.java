package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class RlsToggleTest {

    private final LintFixture lint = LintFixture.rule("rls-toggle");

    @Test
    void flagsEnablingRowLevelSecurityBeforeAnyPolicy() {
        assertThat(lint.inTransaction("ALTER TABLE orders ENABLE ROW LEVEL SECURITY;")).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.severity()).isEqualTo(Severity.WARNING);
                    assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
                    assertThat(violation.impact()).isEqualTo(TableImpact.NONE);
                    assertThat(violation.message()).isEqualTo("ALTER TABLE orders ENABLE ROW LEVEL SECURITY with no"
                            + " CREATE POLICY … ON orders earlier in the migrations: unless policies already exist,"
                            + " every role other than the table owner (superusers and BYPASSRLS roles excepted) sees no"
                            + " rows of orders, its updates and deletes find nothing and its inserts fail; it also takes"
                            + " ACCESS EXCLUSIVE lock (blocks reads and writes) briefly");
                    assertThat(violation.fix()).get().asString()
                            .contains("CREATE POLICY orders_access ON orders USING (")
                            .endsWith("ALTER TABLE orders ENABLE ROW LEVEL SECURITY;");
                });
    }

    @Test
    void flagsForceRowLevelSecurityAsHidingRowsFromTheOwnerToo() {
        assertThat(lint.inTransaction("ALTER TABLE orders FORCE ROW LEVEL SECURITY;")).singleElement()
                .satisfies(violation -> assertThat(violation.message()).contains("the table owner included"));
    }

    @Test
    void acceptsAPolicyCreatedInAnEarlierMigration() {
        assertThat(lint.after("CREATE POLICY tenant_isolation ON public.orders USING (tenant_id = 1);")
                .inTransaction("ALTER TABLE orders ENABLE ROW LEVEL SECURITY;")).isEmpty();
    }

    @Test
    void acceptsAPolicyCreatedLaterInTheSameTransaction() {
        assertThat(lint.inTransaction("""
                ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON orders USING (tenant_id = current_setting('app.tenant')::bigint);
                """)).isEmpty();
    }

    @Test
    void flagsAPolicyThatComesOnlyAfterTheEnablingTransactionCommitted() {
        assertThat(lint.outsideTransaction("""
                BEGIN;
                ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
                COMMIT;
                CREATE POLICY tenant_isolation ON orders USING (true);
                """)).hasSize(1);
    }

    @Test
    void flagsWhenThePolicyIsOnAnotherTable() {
        assertThat(lint.after("CREATE POLICY tenant_isolation ON invoices USING (true);")
                .inTransaction("ALTER TABLE orders ENABLE ROW LEVEL SECURITY;")).hasSize(1);
    }

    @Test
    void acceptsATableCreatedInAnEarlierMigration() {
        assertThat(lint.after("CREATE TABLE orders (id bigint);")
                .inTransaction("ALTER TABLE orders ENABLE ROW LEVEL SECURITY;")).isEmpty();
    }

    @Test
    void acceptsDisablingAndNoForce() {
        assertThat(lint.inTransaction(
                "ALTER TABLE orders DISABLE ROW LEVEL SECURITY;\nALTER TABLE orders NO FORCE ROW LEVEL SECURITY;"))
                .isEmpty();
    }
}
