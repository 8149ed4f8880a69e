package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddColumnDefaultRewriteTest {

    private final LintFixture lint = LintFixture.rule("add-column-default-rewrite");

    @Test
    void flagsAColumnOfADomainWithConstraintsCreatedEarlier() {
        List<Violation> violations = lint.after("CREATE DOMAIN email AS text CHECK (VALUE ~ '@');")
                .inTransaction("ALTER TABLE users ADD COLUMN contact email DEFAULT 'x@example.com';");

        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.severity()).isEqualTo(Severity.ERROR);
            assertThat(v.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(v.impact()).isEqualTo(TableImpact.REWRITE);
            assertThat(v.message()).contains("ADD COLUMN contact email DEFAULT 'x@example.com' on users",
                    "rewrites the table and its indexes", "email is a domain with constraints");
            assertThat(v.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .contains("ALTER TABLE users ADD COLUMN contact text DEFAULT 'x@example.com';")
                    .contains("ALTER TABLE users ADD CONSTRAINT users_contact_check CHECK (contact ~ '@') NOT VALID;")
                    .contains("ALTER TABLE users VALIDATE CONSTRAINT users_contact_check;"));
        });
    }

    @Test
    void flagsADomainColumnEvenWithoutDefault() {
        List<Violation> violations = lint.after("CREATE DOMAIN positive AS int CHECK (VALUE > 0);")
                .inTransaction("ALTER TABLE items ADD COLUMN qty positive;");

        assertThat(violations).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("every existing row (NULL)"));
    }

    @Test
    void addsTheNotNullStepsForANotNullDomainOnPostgres18() {
        List<Violation> violations = lint.onPostgres(18).after("CREATE DOMAIN code AS text NOT NULL;")
                .inTransaction("ALTER TABLE items ADD COLUMN c code DEFAULT 'a';");

        assertThat(violations).singleElement().satisfies(v -> assertThat(v.fix()).hasValueSatisfying(fix ->
                assertThat(fix).contains("ADD CONSTRAINT items_c_not_null NOT NULL c NOT VALID;")));
    }

    @Test
    void neverFiresForConstantStableOrVolatileDefaultsOfPlainTypesOnPostgres12To18() {
        for (int version = 12; version <= 18; version++) {
            List<Violation> violations = lint.onPostgres(version).inTransaction("""
                    ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';
                    ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();
                    ALTER TABLE orders ADD COLUMN flag boolean DEFAULT FALSE;
                    ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();
                    """);

            assertThat(violations).as("PostgreSQL %d", version).isEmpty();
        }
    }

    @Test
    void acceptsADomainWithoutConstraintsAndTablesCreatedInTheMigrations() {
        List<Violation> violations = lint.after("CREATE DOMAIN label AS text; CREATE DOMAIN strict AS text CHECK"
                        + " (VALUE <> '');")
                .after("CREATE TABLE fresh (id int);")
                .inTransaction("""
                        ALTER TABLE users ADD COLUMN l label DEFAULT 'x';
                        ALTER TABLE fresh ADD COLUMN s strict DEFAULT 'x';
                        ALTER TABLE users ADD COLUMN c text DEFAULT make_code();
                        """);

        assertThat(violations).isEmpty();
    }

    @Test
    void followsConstraintsAddedToAndDroppedFromTheDomain() {
        List<Violation> added = lint.after("CREATE DOMAIN sku AS text;")
                .after("ALTER DOMAIN sku ADD CONSTRAINT sku_format CHECK (VALUE ~ '^[A-Z]+$') NOT VALID;")
                .inTransaction("ALTER TABLE items ADD COLUMN s sku;");
        List<Violation> dropped = LintFixture.rule("add-column-default-rewrite")
                .after("CREATE DOMAIN sku AS text CONSTRAINT sku_format CHECK (VALUE ~ '^[A-Z]+$');")
                .after("ALTER DOMAIN sku DROP CONSTRAINT sku_format;")
                .inTransaction("ALTER TABLE items ADD COLUMN s sku;");

        assertThat(added).singleElement().satisfies(v -> assertThat(v.fix()).hasValueSatisfying(fix ->
                assertThat(fix).contains("CHECK (s ~ '^[A-Z]+$') NOT VALID;")));
        assertThat(dropped).isEmpty();
    }
}
