package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbops.LockMode;
import dev.dbops.lint.LintFixture;
import dev.dbops.lint.Severity;
import dev.dbops.lint.TableImpact;
import dev.dbops.lint.Violation;
import org.junit.jupiter.api.Test;

class UnindexedForeignKeyTest {

    private final LintFixture lint = LintFixture.rule("unindexed-foreign-key");

    @Test
    void flagsAForeignKeyOnALiveTableWithoutAnIndex() {
        Violation violation = assertThat(lint.inTransaction("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk"
                + " FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;")).singleElement().actual();

        assertThat(violation.severity()).isEqualTo(Severity.WARNING);
        assertThat(violation.message()).isEqualTo("Foreign key orders_customer_fk on orders (customer_id) → customers"
                + " has no index on orders that starts with (customer_id): every DELETE from customers and every"
                + " UPDATE of its key scans the whole of orders for referencing rows (adding the key takes no lock for"
                + " this: it is the later writes that pay)");
        assertThat(violation.lock()).isEqualTo(LockMode.NONE);
        assertThat(violation.impact()).isEqualTo(TableImpact.NONE);
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix).contains("executeInTransaction=false")
                .endsWith("\nCREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);"));
    }

    @Test
    void suggestsAPlainIndexForATableCreatedInTheMigrations() {
        Violation violation = assertThat(lint.inTransaction("""
                CREATE TABLE order_lines (
                    id bigint PRIMARY KEY,
                    order_id bigint NOT NULL REFERENCES orders,
                    product_id bigint REFERENCES products (id)
                );
                CREATE INDEX order_lines_order_idx ON order_lines (order_id, id);
                """)).singleElement().actual();

        assertThat(violation.message()).startsWith("Foreign key on order_lines (product_id) → products has no index");
        assertThat(violation.fix()).hasValueSatisfying(fix -> assertThat(fix)
                .startsWith("CREATE INDEX order_lines_product_id_idx ON order_lines (product_id);"));
    }

    @Test
    void acceptsAnIndexCreatedInALaterMigrationOrByAKeyConstraint() {
        assertThat(lint.after("ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers NOT VALID;")
                .after("CREATE TABLE tags (id bigint PRIMARY KEY REFERENCES labels, name text);")
                .after("CREATE TABLE memberships (group_id bigint REFERENCES groups, user_id bigint REFERENCES users,"
                        + " PRIMARY KEY (user_id, group_id), UNIQUE (group_id, user_id));")
                .outsideTransaction("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id DESC);"))
                .isEmpty();
    }

    @Test
    void doesNotCountAPartialIndexOrOneThatLeadsWithAnotherColumn() {
        assertThat(lint.after("""
                CREATE INDEX orders_open_customer_idx ON orders (customer_id) WHERE closed_at IS NULL;
                CREATE INDEX orders_created_customer_idx ON orders (created_at, customer_id);
                """).inTransaction("ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers NOT VALID;"))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("on orders (customer_id)"));
    }

    @Test
    void acceptsAMultiColumnKeyCoveredInAnyColumnOrder() {
        assertThat(lint.after("CREATE INDEX shipments_order_idx ON shipments (line_no, order_id, shipped_at);")
                .inTransaction("ALTER TABLE shipments ADD FOREIGN KEY (order_id, line_no)"
                        + " REFERENCES order_lines (order_id, line_no) NOT VALID;")).isEmpty();
    }
}
