package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruncateTest {

    private final LintFixture lint = LintFixture.rule("truncate");

    @Test
    void flagsTruncateOfALiveTable() {
        List<Violation> violations = lint.inTransaction("TRUNCATE sessions;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.NONE);
            assertThat(v.message()).contains("TRUNCATE sessions takes an ACCESS EXCLUSIVE lock (blocks reads and"
                    + " writes) on sessions until the transaction commits").doesNotContain("CASCADE");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix).contains(
                    "DELETE FROM sessions WHERE ctid = ANY (ARRAY(SELECT ctid FROM sessions LIMIT 10000));"));
        });
    }

    @Test
    void namesTheTablesCascadeReaches() {
        List<Violation> violations = lint
                .after("ALTER TABLE order_lines ADD COLUMN order_id bigint REFERENCES orders (id);")
                .inTransaction("TRUNCATE orders CASCADE;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.message()).contains("CASCADE also truncates",
                    "known from the linted migrations: order_lines");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .endsWith("TRUNCATE orders, order_lines;"));
        });
    }

    @Test
    void acceptsTruncatingTablesCreatedEarlierInTheMigrations() {
        List<Violation> violations = lint.after("CREATE TABLE staging (id int);").inTransaction("TRUNCATE staging;");

        assertThat(violations).isEmpty();
    }
}
