package dev.dbops.lint.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dbops.LockMode;
import dev.dbops.lint.rules.TableLock.Target;
import dev.dbops.sql.QualifiedName;
import dev.dbops.sql.SqlScript;
import dev.dbops.sql.Statement;
import dev.dbops.sql.StatementParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementLocksTest {

    private static Statement parse(String sql) {
        return StatementParser.parse(SqlScript.parse(sql).statements().get(0));
    }

    private static List<TableLock> locks(String sql) {
        return StatementLocks.of(parse(sql), 15);
    }

    private static List<TableLock> locks(String sql, int pgVersion) {
        return StatementLocks.of(parse(sql), pgVersion);
    }

    @Test
    void takesAccessExclusiveForMostAlterTableForms() {
        for (String sql : List.of("ALTER TABLE orders ADD COLUMN note text",
                "ALTER TABLE orders DROP COLUMN note",
                "ALTER TABLE orders ALTER COLUMN amount TYPE bigint",
                "ALTER TABLE orders ALTER COLUMN amount SET NOT NULL",
                "ALTER TABLE orders ALTER COLUMN amount SET DEFAULT 0",
                "ALTER TABLE orders ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID",
                "ALTER TABLE orders ADD CONSTRAINT orders_key UNIQUE USING INDEX orders_idx",
                "ALTER TABLE orders DROP CONSTRAINT positive",
                "ALTER TABLE orders RENAME COLUMN amount TO total",
                "ALTER TABLE orders RENAME TO purchases",
                "ALTER TABLE orders SET TABLESPACE fast",
                "ALTER TABLE orders SET LOGGED",
                "ALTER TABLE orders ENABLE ROW LEVEL SECURITY",
                "ALTER TABLE orders OWNER TO app",
                "ALTER TABLE orders ALTER COLUMN note SET STORAGE EXTERNAL",
                "ALTER TABLE orders REPLICA IDENTITY FULL",
                "ALTER TABLE orders SET (user_catalog_table = true)")) {
            assertThat(locks(sql)).as(sql).extracting(TableLock::relation, TableLock::mode)
                    .containsExactly(tuple(name("orders"), LockMode.ACCESS_EXCLUSIVE));
        }
    }

    @Test
    void takesShareUpdateExclusiveForMaintenanceSubcommandsAndValidate() {
        for (String sql : List.of("ALTER TABLE orders VALIDATE CONSTRAINT positive",
                "ALTER TABLE orders ALTER COLUMN amount SET STATISTICS 500",
                "ALTER TABLE orders ALTER COLUMN amount SET (n_distinct = 100)",
                "ALTER TABLE orders SET (fillfactor = 70)",
                "ALTER TABLE orders SET (autovacuum_vacuum_scale_factor = 0.01)",
                "ALTER TABLE orders CLUSTER ON orders_pkey",
                "ALTER TABLE orders SET WITHOUT CLUSTER")) {
            assertThat(locks(sql)).as(sql).extracting(TableLock::mode)
                    .containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE);
        }
    }

    @Test
    void takesShareRowExclusiveOnBothTablesForAForeignKey() {
        assertThat(locks("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) "
                + "REFERENCES customers (id) NOT VALID"))
                .extracting(TableLock::relation, TableLock::mode)
                .containsExactlyInAnyOrder(tuple(name("orders"), LockMode.SHARE_ROW_EXCLUSIVE),
                        tuple(name("customers"), LockMode.SHARE_ROW_EXCLUSIVE));
    }

    @Test
    void keepsTheStrongestModeWhenSubcommandsDiffer() {
        assertThat(locks("ALTER TABLE orders VALIDATE CONSTRAINT positive, ADD COLUMN note text"))
                .extracting(TableLock::mode).containsExactly(LockMode.ACCESS_EXCLUSIVE);
    }

    @Test
    void takesShareRowExclusiveForTriggers() {
        assertThat(locks("CREATE TRIGGER audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit()"))
                .extracting(TableLock::relation, TableLock::mode)
                .containsExactly(tuple(name("orders"), LockMode.SHARE_ROW_EXCLUSIVE));
        assertThat(locks("ALTER TABLE orders DISABLE TRIGGER audit")).extracting(TableLock::mode)
                .containsExactly(LockMode.SHARE_ROW_EXCLUSIVE);
        assertThat(locks("DROP TRIGGER audit ON orders")).extracting(TableLock::mode)
                .containsExactly(LockMode.ACCESS_EXCLUSIVE);
    }

    @Test
    void attachPartitionTakesShareUpdateExclusiveOnTheParentOnPostgres12() {
        assertThat(locks("ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO "
                + "('2025-01-01')", 12))
                .extracting(TableLock::relation, TableLock::mode)
                .containsExactlyInAnyOrder(tuple(name("events"), LockMode.SHARE_UPDATE_EXCLUSIVE),
                        tuple(name("events_2024"), LockMode.ACCESS_EXCLUSIVE));
    }

    @Test
    void detachPartitionConcurrentlyTakesShareUpdateExclusiveOnTheParentOnPostgres14() {
        assertThat(locks("ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY", 14))
                .extracting(TableLock::relation, TableLock::mode)
                .containsExactlyInAnyOrder(tuple(name("events"), LockMode.SHARE_UPDATE_EXCLUSIVE),
                        tuple(name("events_2020"), LockMode.ACCESS_EXCLUSIVE));
        assertThat(locks("ALTER TABLE events DETACH PARTITION events_2020"))
                .extracting(TableLock::relation, TableLock::mode)
                .containsExactlyInAnyOrder(tuple(name("events"), LockMode.ACCESS_EXCLUSIVE),
                        tuple(name("events_2020"), LockMode.ACCESS_EXCLUSIVE));
    }

    @Test
    void createIndexTakesShareAndConcurrentlyShareUpdateExclusive() {
        assertThat(locks("CREATE INDEX orders_created_idx ON orders (created_at)"))
                .extracting(TableLock::relation, TableLock::mode).containsExactly(tuple(name("orders"), LockMode.SHARE));
        assertThat(locks("CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at)"))
                .extracting(TableLock::mode).containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE);
    }

    @Test
    void dropIndexLocksTheTableOfTheIndex() {
        List<TableLock> locks = locks("DROP INDEX orders_created_idx");
        assertThat(locks).extracting(TableLock::target, TableLock::mode)
                .containsExactly(tuple(Target.TABLE_OF_INDEX, LockMode.ACCESS_EXCLUSIVE));
        assertThat(locks.get(0).describe()).isEqualTo("the table of index orders_created_idx");
        assertThat(locks("DROP INDEX CONCURRENTLY orders_created_idx")).extracting(TableLock::mode)
                .containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE);
    }

    @Test
    void resolvesAnIndexCreatedEarlierToItsTable() {
        List<Statement> earlier = List.of(parse("CREATE INDEX orders_created_idx ON orders (created_at)"));
        assertThat(StatementLocks.of(parse("DROP INDEX orders_created_idx"), 15, earlier))
                .extracting(TableLock::relation, TableLock::target, TableLock::mode)
                .containsExactly(tuple(name("orders"), Target.TABLE, LockMode.ACCESS_EXCLUSIVE));
    }

    @Test
    void reindexTakesShareOnTheTableAndAccessExclusiveOnTheIndex() {
        assertThat(locks("REINDEX INDEX orders_created_idx")).extracting(TableLock::target, TableLock::mode)
                .containsExactlyInAnyOrder(tuple(Target.TABLE_OF_INDEX, LockMode.SHARE),
                        tuple(Target.INDEX, LockMode.ACCESS_EXCLUSIVE));
        assertThat(locks("REINDEX TABLE CONCURRENTLY orders")).extracting(TableLock::target, TableLock::mode)
                .containsExactly(tuple(Target.TABLE, LockMode.SHARE_UPDATE_EXCLUSIVE));
    }

    @Test
    void refreshTakesAccessExclusiveAndConcurrentlyExclusive() {
        assertThat(locks("REFRESH MATERIALIZED VIEW sales_summary")).extracting(TableLock::target, TableLock::mode)
                .containsExactly(tuple(Target.MATERIALIZED_VIEW, LockMode.ACCESS_EXCLUSIVE));
        TableLock concurrent = locks("REFRESH MATERIALIZED VIEW CONCURRENTLY sales_summary").get(0);
        assertThat(concurrent.mode()).isEqualTo(LockMode.EXCLUSIVE);
        assertThat(concurrent.blocksApplication()).isFalse();
    }

    @Test
    void createTableLocksTheTablesItReferencesButNotItself() {
        assertThat(locks("CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id), "
                + "product_id bigint, FOREIGN KEY (product_id) REFERENCES products (id))"))
                .extracting(TableLock::relation, TableLock::mode)
                .containsExactlyInAnyOrder(tuple(name("orders"), LockMode.SHARE_ROW_EXCLUSIVE),
                        tuple(name("products"), LockMode.SHARE_ROW_EXCLUSIVE));
        assertThat(locks("CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO "
                + "('2026-01-01')")).extracting(TableLock::relation, TableLock::mode)
                .containsExactly(tuple(name("events"), LockMode.ACCESS_EXCLUSIVE));
        assertThat(locks("CREATE TABLE notes (id bigint PRIMARY KEY, body text)")).isEmpty();
    }

    @Test
    void lockTruncateDropAndDataChangesTakeTheirDocumentedModes() {
        assertThat(locks("LOCK TABLE orders IN SHARE MODE")).extracting(TableLock::mode)
                .containsExactly(LockMode.SHARE);
        assertThat(locks("LOCK TABLE orders")).extracting(TableLock::mode).containsExactly(LockMode.ACCESS_EXCLUSIVE);
        assertThat(locks("TRUNCATE orders, order_lines")).extracting(TableLock::relation, TableLock::mode)
                .containsExactly(tuple(name("orders"), LockMode.ACCESS_EXCLUSIVE),
                        tuple(name("order_lines"), LockMode.ACCESS_EXCLUSIVE));
        assertThat(locks("DROP TABLE orders")).extracting(TableLock::mode).containsExactly(LockMode.ACCESS_EXCLUSIVE);
        assertThat(locks("UPDATE orders SET note = '' WHERE id = 1")).extracting(TableLock::mode)
                .containsExactly(LockMode.ROW_EXCLUSIVE);
        assertThat(locks("VACUUM FULL orders")).extracting(TableLock::mode).containsExactly(LockMode.ACCESS_EXCLUSIVE);
        assertThat(locks("VACUUM orders")).extracting(TableLock::mode)
                .containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE);
    }

    @Test
    void createOrReplaceViewLocksTheView() {
        assertThat(locks("CREATE OR REPLACE VIEW open_orders AS SELECT * FROM orders WHERE open"))
                .extracting(TableLock::target, TableLock::mode)
                .containsExactly(tuple(Target.VIEW, LockMode.ACCESS_EXCLUSIVE));
        assertThat(locks("CREATE VIEW open_orders AS SELECT * FROM orders WHERE open")).isEmpty();
    }

    @Test
    void catalogOnlyStatementsTakeNoTableLock() {
        for (String sql : List.of("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1'", "GRANT SELECT ON orders TO app",
                "SET lock_timeout = '2s'", "BEGIN", "COMMENT ON TABLE orders IS 'x'",
                "DO $$ BEGIN ALTER TABLE orders ADD COLUMN note text; END $$")) {
            assertThat(locks(sql)).as(sql).isEmpty();
        }
    }

    @Test
    void knowsWhichStatementsAreConcurrent() {
        assertThat(StatementLocks.isConcurrent(parse("CREATE INDEX CONCURRENTLY i ON orders (a)"))).isTrue();
        assertThat(StatementLocks.isConcurrent(parse("ALTER TABLE events DETACH PARTITION e CONCURRENTLY"))).isTrue();
        assertThat(StatementLocks.isConcurrent(parse("CREATE INDEX i ON orders (a)"))).isFalse();
    }

    @Test
    void anAccessExclusiveLockOnAnIndexBlocksTheApplication() {
        TableLock onIndex = locks("REINDEX INDEX orders_created_idx").stream()
                .filter(lock -> lock.target() == Target.INDEX).findFirst().orElseThrow();
        assertThat(onIndex.blocksApplication()).isTrue();
        assertThat(onIndex.blocked()).contains("planner");
    }

    private static QualifiedName name(String name) {
        return QualifiedName.of(name);
    }
}
