package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenameTableTest {

    private final LintFixture lint = LintFixture.rule("rename-table");

    @Test
    void flagsRenameOfALiveTable() {
        List<Violation> violations = lint.inTransaction("ALTER TABLE app.clients RENAME TO customers;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.NONE);
            assertThat(v.message()).contains("RENAME TO customers on app.clients",
                    "breaks every application instance that still queries app.clients",
                    "ACCESS EXCLUSIVE lock (blocks reads and writes)");
            assertThat(v.fix()).contains("SET LOCAL lock_timeout = '2s';  -- retry when it times out\n"
                    + "ALTER TABLE app.clients RENAME TO customers;\n"
                    + "CREATE VIEW app.clients AS SELECT * FROM app.customers;  -- a simple view is updatable: old code"
                    + " keeps reading and writing\n"
                    + "-- once no application instance uses app.clients:\n"
                    + "DROP VIEW app.clients;");
        });
    }

    @Test
    void wrapsTheFixInATransactionWhenTheMigrationHasNone() {
        List<Violation> violations = lint.outsideTransaction("ALTER TABLE clients RENAME TO customers;");

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.fix()).hasValueSatisfying(fix ->
                assertThat(fix).startsWith("BEGIN;\n").contains("COMMIT;\n")));
    }

    @Test
    void acceptsARenameFollowedByAViewWithTheOldNameInTheSameTransaction() {
        List<Violation> violations = lint.inTransaction("""
                ALTER TABLE clients RENAME TO customers;
                CREATE VIEW clients AS SELECT * FROM customers;
                """);

        assertThat(violations).isEmpty();
    }

    @Test
    void flagsARenameWhoseViewComesAfterTheTransactionEnds() {
        List<Violation> violations = lint.outsideTransaction("""
                BEGIN;
                ALTER TABLE clients RENAME TO customers;
                COMMIT;
                CREATE VIEW clients AS SELECT * FROM customers;
                """);

        assertThat(violations).hasSize(1);
    }

    @Test
    void acceptsRenamingATableCreatedEarlierInTheMigrations() {
        List<Violation> violations = lint.after("CREATE TABLE clients (id int);")
                .inTransaction("ALTER TABLE clients RENAME TO customers;");

        assertThat(violations).isEmpty();
    }
}
