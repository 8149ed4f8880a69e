package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class DropTableTest {

    private final LintFixture lint = LintFixture.rule("drop-table");

    @Test
    void flagsDropTableOfALiveTable() {
        List<Violation> violations = lint.inTransaction("DROP TABLE audit_log;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.WARNING);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.NONE);
            assertThat(v.message()).contains("DROP TABLE audit_log takes an ACCESS EXCLUSIVE lock (blocks reads and"
                    + " writes) on audit_log and on every table its foreign keys (if any) reference")
                    .doesNotContain("CASCADE");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("ALTER TABLE audit_log DROP CONSTRAINT <each foreign key of audit_log>;")
                    .endsWith("DROP TABLE audit_log;"));
        });
    }

    @Test
    void namesTheForeignKeysAnEarlierMigrationDeclared() {
        List<Violation> violations = lint
                .after("ALTER TABLE order_lines ADD COLUMN order_id bigint REFERENCES orders (id);"
                        + " ALTER TABLE order_lines ADD CONSTRAINT lines_product_fk FOREIGN KEY (product_id)"
                        + " REFERENCES products;"
                        + " ALTER TABLE shipments ADD COLUMN line_id bigint REFERENCES order_lines;")
                .inTransaction("DROP TABLE IF EXISTS order_lines CASCADE;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.message()).contains("the tables its foreign keys reference (orders, products)",
                    "CASCADE also drops the views on order_lines and the foreign keys of the tables referencing it"
                            + " (shipments)");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("ALTER TABLE order_lines DROP CONSTRAINT order_lines_order_id_fkey;")
                    .contains("ALTER TABLE order_lines DROP CONSTRAINT lines_product_fk;")
                    .contains("ALTER TABLE shipments DROP CONSTRAINT <its foreign key to order_lines>;")
                    .endsWith("DROP TABLE IF EXISTS order_lines;"));
        });
    }

    @Test
    void acceptsDroppingATableCreatedEarlierInTheMigrations() {
        List<Violation> violations = lint.after("CREATE TABLE scratch (id int);").inTransaction("DROP TABLE scratch;");

        assertThat(violations).isEmpty();
    }
}
