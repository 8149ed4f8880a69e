package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import org.junit.jupiter.api.Test;

class TriggerDdlTest {

    private static final String CREATE_TRIGGER =
            "CREATE TRIGGER audit_orders AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit();";

    private final LintFixture lint = LintFixture.rule("trigger-ddl");

    @Test
    void flagsCreateTriggerOnALiveTableWithoutLockTimeout() {
        assertThat(lint.inTransaction(CREATE_TRIGGER)).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.WARNING);
            assertThat(violation.lock()).isEqualTo(LockMode.SHARE_ROW_EXCLUSIVE);
            assertThat(violation.impact()).isEqualTo(TableImpact.NONE);
            assertThat(violation.message()).isEqualTo("CREATE TRIGGER audit_orders on orders takes SHARE ROW EXCLUSIVE"
                    + " lock (blocks writes) on orders until the transaction commits; without lock_timeout it waits"
                    + " behind every running transaction on orders, and all writes queue behind it");
            assertThat(violation.fix()).get().asString().contains("SET lock_timeout = '2s';\n" + CREATE_TRIGGER);
        });
    }

    @Test
    void acceptsCreateTriggerAfterSetLockTimeout() {
        assertThat(lint.inTransaction("SET LOCAL lock_timeout = '2s';\n" + CREATE_TRIGGER)).isEmpty();
    }

    @Test
    void acceptsCreateTriggerOnATableCreatedInAnEarlierMigration() {
        assertThat(lint.after("CREATE TABLE orders (id bigint);").inTransaction(CREATE_TRIGGER)).isEmpty();
    }

    @Test
    void flagsDisableTriggerAllAsSwitchingOffForeignKeys() {
        assertThat(lint.withLockTimeoutConfigured().inTransaction("ALTER TABLE orders DISABLE TRIGGER ALL;"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.message()).startsWith("ALTER TABLE orders DISABLE TRIGGER ALL also disables"
                            + " the internal foreign-key triggers of orders").contains("needs superuser");
                    assertThat(violation.fix()).get().asString().endsWith("ALTER TABLE orders DISABLE TRIGGER USER;");
                });
    }

    @Test
    void flagsDisablingOneTriggerEvenWithLockTimeout() {
        assertThat(lint.withLockTimeoutConfigured().inTransaction("ALTER TABLE orders DISABLE TRIGGER audit_orders;"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.message()).contains("every session's writes to orders skip it");
                    assertThat(violation.fix()).get().asString()
                            .contains("current_setting('app.skip_audit_orders', true) = 'on'")
                            .endsWith("SET LOCAL app.skip_audit_orders = 'on';");
                });
    }

    @Test
    void flagsEnableTriggerWithoutLockTimeoutButNotWithIt() {
        String sql = "ALTER TABLE orders ENABLE TRIGGER audit_orders;";
        assertThat(lint.inTransaction(sql)).singleElement().satisfies(violation ->
                assertThat(violation.message()).startsWith("ALTER TABLE orders ENABLE TRIGGER audit_orders takes SHARE"
                        + " ROW EXCLUSIVE lock (blocks writes)"));
        assertThat(LintFixture.rule("trigger-ddl").withLockTimeoutConfigured().inTransaction(sql)).isEmpty();
    }
}
