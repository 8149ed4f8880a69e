package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddColumnNotNullNoDefaultTest {

    private final LintFixture lint = LintFixture.rule("add-column-not-null-no-default");

    @Test
    void flagsNotNullColumnWithoutDefaultOnALiveTable() {
        List<Violation> violations = lint.inTransaction("ALTER TABLE orders ADD COLUMN region text NOT NULL;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.SCAN);
            assertThat(v.message()).contains("ADD COLUMN region text NOT NULL without a DEFAULT on orders",
                    "ACCESS EXCLUSIVE lock (blocks reads and writes)", "column region contains null values",
                    "every INSERT that does not set region fails");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT <constant>;")
                    .contains("ALTER TABLE orders ADD COLUMN region text;")
                    .contains("UPDATE orders SET region = <value> WHERE region IS NULL AND ctid = ANY")
                    .contains("SET LOCAL lock_timeout = '2s';"));
        });
    }

    @Test
    void makesTheColumnNotNullWithACheckConstraintOnPostgres17() {
        List<Violation> violations = lint.onPostgres(17)
                .inTransaction("ALTER TABLE orders ADD COLUMN region text NOT NULL;");

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.fix()).hasValueSatisfying(fix ->
                assertThat(fix)
                        .contains("ADD CONSTRAINT orders_region_not_null CHECK (region IS NOT NULL) NOT VALID;")
                        .contains("VALIDATE CONSTRAINT orders_region_not_null;")
                        .contains("ALTER TABLE orders ALTER COLUMN region SET NOT NULL;")
                        .contains("DROP CONSTRAINT orders_region_not_null;")));
    }

    @Test
    void usesNotValidNotNullOnPostgres18() {
        List<Violation> violations = lint.onPostgres(18)
                .inTransaction("ALTER TABLE orders ADD COLUMN region text NOT NULL;");

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.fix()).hasValueSatisfying(fix ->
                assertThat(fix)
                        .contains("ALTER TABLE orders ADD CONSTRAINT orders_region_not_null NOT NULL region NOT VALID;")
                        .contains("VALIDATE CONSTRAINT orders_region_not_null;")
                        .doesNotContain("CHECK (region IS NOT NULL)")));
    }

    @Test
    void flagsAPrimaryKeyColumnWithoutAValueSource() {
        List<Violation> violations = lint.inTransaction("ALTER TABLE orders ADD COLUMN code text PRIMARY KEY;");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.message()).contains("PRIMARY KEY (so NOT NULL) without a DEFAULT");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .doesNotContain("DEFAULT <constant>").contains("primary-key-builds-index"));
        });
    }

    @Test
    void acceptsNotNullColumnsThatGetAValue() {
        List<Violation> violations = lint.inTransaction("""
                ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';
                ALTER TABLE orders ADD COLUMN seq bigserial NOT NULL;
                ALTER TABLE orders ADD COLUMN n bigint NOT NULL GENERATED ALWAYS AS IDENTITY;
                ALTER TABLE orders ADD COLUMN note text;
                """);

        assertThat(violations).isEmpty();
    }

    @Test
    void acceptsNotNullColumnOnATableCreatedEarlierInTheMigrations() {
        List<Violation> violations = lint.after("CREATE TABLE orders (id bigint PRIMARY KEY);")
                .inTransaction("ALTER TABLE orders ADD COLUMN region text NOT NULL;");

        assertThat(violations).isEmpty();
    }
}
