package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTypeRewriteTest {

    private final LintFixture lint = LintFixture.rule("column-type-rewrite");

    @Test
    void flagsIntegerToBigintOnALiveTable() {
        List<Violation> violations = lint.inTransaction("ALTER TABLE orders ALTER COLUMN quantity TYPE bigint;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.REWRITE);
            assertThat(v.message()).contains("ALTER COLUMN quantity TYPE bigint on orders",
                    "rewrites the table and its indexes", "ACCESS EXCLUSIVE lock (blocks reads and writes)",
                    "every type but bigint itself is converted value by value");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("ALTER TABLE orders ADD COLUMN quantity_new bigint;")
                    .contains("NEW.quantity_new := NEW.quantity;")
                    .contains("CREATE TRIGGER orders_quantity_new_sync BEFORE INSERT OR UPDATE ON orders")
                    .contains("UPDATE orders SET quantity_new = quantity WHERE quantity_new IS NULL")
                    .contains("ALTER TABLE orders RENAME COLUMN quantity TO quantity_old;")
                    .contains("ALTER TABLE orders RENAME COLUMN quantity_new TO quantity;")
                    .contains("ALTER TABLE orders DROP COLUMN quantity_old;"));
        });
    }

    @Test
    void namesBothTypesWhenAnEarlierMigrationDeclaredTheColumn() {
        List<Violation> violations = lint.after("ALTER TABLE orders ADD COLUMN code varchar(40);")
                .inTransaction("ALTER TABLE orders ALTER COLUMN code TYPE varchar(20);");

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message())
                .contains("varchar(40) to varchar(20) lowers the length limit"));
    }

    @Test
    void flagsAUsingExpressionThatComputesNewValues() {
        List<Violation> violations = lint.after("ALTER TABLE orders ADD COLUMN code varchar(40);")
                .inTransaction("ALTER TABLE orders ALTER COLUMN code TYPE text USING upper(code);");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.message()).contains("the USING expression computes a new value for every row");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("NEW.code_new := (SELECT upper(code) FROM (SELECT NEW.*) AS orders);")
                    .contains("UPDATE orders SET code_new = upper(code) WHERE"));
        });
    }

    @Test
    void acceptsAUsingClauseThatOnlyRestatesTheCast() {
        List<Violation> violations = lint.after("ALTER TABLE orders ADD COLUMN code varchar(40);")
                .inTransaction("ALTER TABLE orders ALTER COLUMN code TYPE varchar(80)"
                        + " USING code::character varying(80);");

        assertThat(violations).isEmpty();
    }

    @Test
    void flagsAChangeToAUserDefinedTypeOnPostgres16() {
        List<Violation> violations = lint.onPostgres(16)
                .inTransaction("ALTER TABLE orders ALTER COLUMN state TYPE order_state USING state::order_state;");

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.message())
                .contains("converting to the user-defined type order_state goes value by value"));
    }

    @Test
    void acceptsWideningsAndTablesCreatedEarlierInTheMigrations() {
        List<Violation> violations = lint.after("CREATE TABLE fresh (n int);").inTransaction("""
                ALTER TABLE fresh ALTER COLUMN n TYPE bigint;
                ALTER TABLE orders ALTER COLUMN note TYPE text;
                ALTER TABLE orders ALTER COLUMN name TYPE varchar(200);
                """);

        assertThat(violations).isEmpty();
    }
}
