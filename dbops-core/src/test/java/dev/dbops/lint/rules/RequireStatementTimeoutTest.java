package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequireStatementTimeoutTest {

    private final LintFixture lint = LintFixture.rule("require-statement-timeout");

    @Test
    void flagsAnIndexBuildOnALiveTableWithoutStatementTimeout() {
        List<Violation> violations = lint.inTransaction("CREATE INDEX orders_created_idx ON orders (created_at);");

        assertThat(violations).singleElement().satisfies(violation -> {
            assertThat(violation.severity()).isEqualTo(Severity.WARNING);
            assertThat(violation.lock()).isEqualTo(LockMode.SHARE);
            assertThat(violation.impact()).isEqualTo(TableImpact.INDEX_BUILD);
            assertThat(violation.message()).isEqualTo("CREATE INDEX orders_created_idx ON orders builds an index from "
                    + "the whole table (orders) while holding SHARE (blocks writes), with no statement_timeout set: "
                    + "nothing stops it if it runs far longer than expected");
            assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .startsWith("SET LOCAL statement_timeout = '10min';")
                    .contains("CREATE INDEX orders_created_idx ON orders (created_at);")
                    .doesNotContain("transaction_timeout"));
        });
    }

    @Test
    void acceptsStatementsAfterSetStatementTimeout() {
        assertThat(lint.inTransaction("SET LOCAL statement_timeout = '5min';\n"
                + "CREATE INDEX orders_created_idx ON orders (created_at);")).isEmpty();
    }

    @Test
    void acceptsTransactionTimeoutOnPostgres17() {
        assertThat(lint.onPostgres(17).outsideTransaction("SET transaction_timeout = '15min';\n"
                + "ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;")).isEmpty();
    }

    @Test
    void mentionsTransactionTimeoutOnPostgres17() {
        assertThat(lint.onPostgres(17).inTransaction("ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;"))
                .singleElement().satisfies(violation -> {
                    assertThat(violation.impact()).isEqualTo(TableImpact.SCAN);
                    assertThat(violation.message()).contains("scans the whole table (orders: to check SET NOT NULL on "
                            + "customer_id, unless a valid CHECK (customer_id IS NOT NULL) proves it)");
                    assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                            .contains("PostgreSQL 17: transaction_timeout"));
                });
    }

    @Test
    void flagsRewritesAndTableWideWrites() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN token uuid DEFAULT gen_random_uuid();"))
                .singleElement().satisfies(violation -> assertThat(violation.impact()).isEqualTo(TableImpact.REWRITE));
        assertThat(lint.inTransaction("UPDATE orders SET note = '';")).singleElement()
                .satisfies(violation -> assertThat(violation.impact()).isEqualTo(TableImpact.WRITE_ALL_ROWS));
        assertThat(lint.inTransaction("ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0);"))
                .singleElement().satisfies(violation -> assertThat(violation.impact()).isEqualTo(TableImpact.SCAN));
    }

    @Test
    void acceptsConcurrentlyAndValidateForWhichATimeoutWouldDoHarm() {
        assertThat(lint.outsideTransaction("CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);"))
                .isEmpty();
        assertThat(lint.inTransaction("ALTER TABLE orders VALIDATE CONSTRAINT positive;")).isEmpty();
        assertThat(lint.outsideTransaction("REINDEX INDEX CONCURRENTLY orders_created_idx;")).isEmpty();
    }

    @Test
    void acceptsBriefCatalogChanges() {
        assertThat(lint.inTransaction("ALTER TABLE orders ADD COLUMN note text;\n"
                + "ALTER TABLE orders ADD COLUMN created_at timestamptz DEFAULT now();\n"
                + "ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID;\n"
                + "ALTER TABLE orders ALTER COLUMN note TYPE varchar(500);\n"
                + "UPDATE orders SET note = '' WHERE id = 1;")).isEmpty();
    }

    @Test
    void acceptsSetNotNullProvenByAValidCheckFromAnEarlierMigration() {
        assertThat(lint.after("ALTER TABLE orders ADD CONSTRAINT orders_customer_nn CHECK (customer_id IS NOT NULL) "
                + "NOT VALID;").after("ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_nn;")
                .inTransaction("ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;")).isEmpty();
    }

    @Test
    void acceptsLongOperationsOnNewTables() {
        assertThat(lint.after("CREATE TABLE orders (id bigint PRIMARY KEY, created_at timestamptz);")
                .inTransaction("CREATE INDEX orders_created_idx ON orders (created_at);")).isEmpty();
    }

    @Test
    void usesASessionSettingOutsideTransactions() {
        assertThat(lint.outsideTransaction("VACUUM FULL orders;")).singleElement().satisfies(violation -> {
            assertThat(violation.lock()).isEqualTo(LockMode.ACCESS_EXCLUSIVE);
            assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                    .startsWith("SET statement_timeout = '10min';").endsWith("RESET statement_timeout;"));
        });
    }
}
