package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddColumnGeneratedStoredTest {

    private final LintFixture lint = LintFixture.rule("add-column-generated-stored");

    private static final String ADD_STORED =
            "ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) STORED;";

    @Test
    void flagsAStoredGeneratedColumnOnPostgres17WithATriggerAlternative() {
        List<Violation> violations = lint.onPostgres(17).inTransaction(ADD_STORED);

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.REWRITE);
            assertThat(v.message()).contains("GENERATED ALWAYS AS (price * qty) STORED on orders",
                    "rewrites the table and its indexes", "ACCESS EXCLUSIVE lock (blocks reads and writes)");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .doesNotContain("VIRTUAL;")
                    .contains("ALTER TABLE orders ADD COLUMN total numeric;")
                    .contains("NEW.total := (SELECT price * qty FROM (SELECT NEW.*) AS orders);")
                    .contains("CREATE TRIGGER orders_total_compute BEFORE INSERT OR UPDATE ON orders")
                    .contains("UPDATE orders SET total = price * qty WHERE total IS DISTINCT FROM (price * qty)"));
        });
    }

    @Test
    void offersAVirtualColumnOnPostgres18() {
        List<Violation> violations = lint.onPostgres(18).inTransaction(ADD_STORED);

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.fix()).hasValueSatisfying(fix ->
                assertThat(fix).contains(
                        "ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) VIRTUAL;")));
    }

    @Test
    void acceptsVirtualGeneratedColumnsOnPostgres18() {
        List<Violation> violations = lint.onPostgres(18).inTransaction("""
                ALTER TABLE orders ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) VIRTUAL;
                ALTER TABLE orders ADD COLUMN doubled int GENERATED ALWAYS AS (qty * 2);
                """);

        assertThat(violations).isEmpty();
    }

    @Test
    void acceptsAStoredGeneratedColumnOnATableCreatedEarlierInTheMigrations() {
        List<Violation> violations = lint.after("CREATE TABLE orders (price numeric, qty int);")
                .inTransaction(ADD_STORED);

        assertThat(violations).isEmpty();
    }
}
