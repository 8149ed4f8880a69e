package dev.dbops.trace;

import dev.dbops.LockMode;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * One representative statement for each row of the lock-safety catalogue ({@code lock-rules.md}, the facts
 * the lint rules stand on), on the schema of {@link #SCHEMA} seeded by {@link #SEED}, with the facts the
 * catalogue states for it: the lock on the main relation, whether it rewrites it, whether it scans it.
 */
final class LockMatrixRows {

    /** The schema the migrations before the traced one build. */
    static final String SCHEMA = """
            CREATE TABLE customers (id bigint PRIMARY KEY, name text);
            CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, amount integer, note varchar(20),
                placed_at timestamp, payload json, status text);
            CREATE INDEX orders_amount_idx ON orders (amount);
            CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id), qty integer);
            CREATE TABLE payments (id bigint PRIMARY KEY, cents numeric(10,2) CHECK (cents >= 0), method text);
            CREATE TABLE events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE events_2024 PARTITION OF events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
            CREATE TABLE events_2025 (id bigint, at date NOT NULL);
            CREATE MATERIALIZED VIEW order_totals AS SELECT customer_id, sum(amount) AS total FROM orders
                GROUP BY customer_id;
            CREATE UNIQUE INDEX order_totals_key ON order_totals (customer_id);
            CREATE TYPE order_state AS ENUM ('new', 'paid');
            CREATE DOMAIN positive_int AS integer;
            CREATE TABLE refunds (id bigint PRIMARY KEY, amount positive_int);
            CREATE SCHEMA archive;
            CREATE TABLE archive.old_orders (id bigint, note text);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
            """;

    /** The rows the seeder inserts, so that scans and rewrites have work to do. */
    static final String[] SEED = {
        "insert into customers select g, 'c' || g from generate_series(1, 200) g",
        "insert into orders select g, 1 + g % 200, g % 1000, 'n' || g % 10, timestamp '2025-01-01' + g * interval"
                + " '1 minute', '{}', 'new' from generate_series(1, 5000) g",
        "insert into order_lines select g, 1 + g % 5000, 1 from generate_series(1, 5000) g",
        "insert into payments select g, g, 'card' from generate_series(1, 1000) g",
        "insert into events_2024 select g, date '2024-01-01' + g % 300 from generate_series(1, 2000) g",
        "insert into events_2025 select g, date '2025-01-01' + g % 300 from generate_series(1, 2000) g",
        "insert into refunds select g, g from generate_series(1, 1000) g",
        "insert into archive.old_orders select g, 'o' from generate_series(1, 1000) g",
        "refresh materialized view order_totals"
    };

    /**
     * One row.
     *
     * @param id the catalogue row's id (a rule id)
     * @param traced the traced migration; a first line {@code -- conf: …} becomes its {@code .sql.conf}
     * @param line the line of the representative statement in it
     * @param relation the relation whose facts are stated, qualified
     * @param lock the strongest lock the statement takes on it
     * @param rewrite whether it rewrites it
     * @param scan whether it scans it
     * @param failure the SQLSTATE the statement fails with instead, for rows whose statement fails
     * @param versions the PostgreSQL major versions the row holds for
     * @param background SQL an application transaction runs and keeps open until the statement has waited for
     *     it: a statement outside a transaction then waits while holding its locks, so the poller sees them
     *     whatever the machine's speed (the queries read by TID, so that they add no sequential scans)
     */
    record Row(String id, String traced, int line, String relation, LockMode lock, boolean rewrite, boolean scan,
            Optional<String> failure, IntPredicate versions, Optional<String> background) {

        @Override
        public String toString() {
            return id;
        }
    }

    private LockMatrixRows() {
    }

    private static Row row(String id, String traced, String relation, LockMode lock, boolean rewrite, boolean scan) {
        return new Row(id, traced + "\n", 1, relation, lock, rewrite, scan, Optional.empty(), v -> true, Optional.empty());
    }

    private static Row at(int line, Row row) {
        return new Row(row.id(), row.traced(), line, row.relation(), row.lock(), row.rewrite(), row.scan(),
                row.failure(), row.versions(), row.background());
    }

    private static Row from(int version, Row row) {
        return new Row(row.id(), row.traced(), row.line(), row.relation(), row.lock(), row.rewrite(), row.scan(),
                row.failure(), v -> v >= version, row.background());
    }

    private static Row fails(String id, String traced, String sqlState) {
        return new Row(id, traced + "\n", traced.startsWith("-- conf") ? 2 : 1, "", LockMode.NONE, false, false,
                Optional.of(sqlState), v -> true, Optional.empty());
    }

    private static Row waiting(String background, Row row) {
        return new Row(row.id(), row.traced(), row.line(), row.relation(), row.lock(), row.rewrite(), row.scan(),
                row.failure(), row.versions(), Optional.of(background));
    }

    /** An old snapshot: CONCURRENTLY waits for it to go away. */
    private static final String OLD_SNAPSHOT = "set transaction isolation level repeatable read;"
            + " select 1 from customers where ctid = '(0,1)'";
    /** ACCESS SHARE on a partition: DETACH CONCURRENTLY's second transaction waits for it with its locks taken. */
    private static final String PARTITION_READER = "select 1 from events_2024 where ctid = '(0,1)'";

    static final LockMode AE = LockMode.ACCESS_EXCLUSIVE;
    static final LockMode SRE = LockMode.SHARE_ROW_EXCLUSIVE;
    static final LockMode SUE = LockMode.SHARE_UPDATE_EXCLUSIVE;
    static final LockMode RE = LockMode.ROW_EXCLUSIVE;

    /** Every row, in the order of the catalogue. */
    static List<Row> all() {
        return List.of(
                row("require-concurrent-index-creation", "CREATE INDEX orders_status_idx ON orders (status);",
                        "public.orders", LockMode.SHARE, false, true),
                fails("concurrently-in-transaction", "-- conf: executeInTransaction=true\n"
                        + "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);", "25001"),
                waiting(OLD_SNAPSHOT, at(2, row("invalid-index-leftover", "-- conf: executeInTransaction=false\n"
                        + "REINDEX INDEX CONCURRENTLY orders_amount_idx;", "public.orders", SUE, false, true))),
                row("require-concurrent-index-drop", "DROP INDEX orders_amount_idx;", "public.orders", AE, false, false),
                row("require-concurrent-reindex", "REINDEX INDEX orders_amount_idx;", "public.orders", LockMode.SHARE,
                        false, true),
                row("unindexed-foreign-key", "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY"
                        + " (customer_id) REFERENCES customers (id) NOT VALID;", "public.customers", SRE, false, false),
                row("foreign-key-not-valid", "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY"
                        + " (customer_id) REFERENCES customers (id);", "public.orders", SRE, false, true),
                row("check-not-valid", "ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK (amount >= 0);",
                        "public.orders", AE, false, true),
                at(2, row("validate-in-same-transaction", "ALTER TABLE orders ADD CONSTRAINT amount_positive CHECK"
                        + " (amount >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT amount_positive;",
                        "public.orders", SUE, false, true)),
                row("unique-constraint-builds-index", "ALTER TABLE orders ADD CONSTRAINT orders_id_note_key"
                        + " UNIQUE (id, note);", "public.orders", AE, false, true),
                row("primary-key-builds-index", "ALTER TABLE archive.old_orders ADD PRIMARY KEY (id);",
                        "archive.old_orders", AE, false, true),
                row("exclusion-constraint", "ALTER TABLE orders ADD CONSTRAINT orders_id_excl EXCLUDE USING btree"
                        + " (id WITH =);", "public.orders", AE, false, true),
                row("type-change-revalidates-checks", "ALTER TABLE payments ALTER COLUMN cents TYPE numeric(12,2);",
                        "public.payments", AE, false, true),
                row("set-not-null-scan", "ALTER TABLE orders ALTER COLUMN amount SET NOT NULL;", "public.orders", AE,
                        false, true),
                at(2, row("set-not-null-scan", "ALTER TABLE orders ADD CONSTRAINT amount_not_null CHECK (amount IS NOT"
                        + " NULL);\nALTER TABLE orders ALTER COLUMN amount SET NOT NULL;", "public.orders", AE, false,
                        false)),
                from(18, row("set-not-null-scan", "ALTER TABLE orders ADD CONSTRAINT amount_not_null NOT NULL amount"
                        + " NOT VALID;", "public.orders", AE, false, false)),
                at(2, row("backfill-in-ddl-transaction", "ALTER TABLE orders ADD COLUMN total bigint;\n"
                        + "UPDATE orders SET total = amount;", "public.orders", RE, false, true)),
                fails("add-column-not-null-no-default", "ALTER TABLE orders ADD COLUMN region text NOT NULL;", "23502"),
                row("add-column-default-rewrite", "ALTER TABLE orders ADD COLUMN region text DEFAULT 'eu';",
                        "public.orders", AE, false, false),
                row("add-column-volatile-default", "ALTER TABLE orders ADD COLUMN token double precision DEFAULT"
                        + " random();", "public.orders", AE, true, true),
                row("add-column-serial-or-identity", "ALTER TABLE orders ADD COLUMN seq bigserial;", "public.orders",
                        AE, true, true),
                row("add-column-generated-stored", "ALTER TABLE orders ADD COLUMN doubled integer GENERATED ALWAYS AS"
                        + " (amount * 2) STORED;", "public.orders", AE, true, true),
                from(18, row("add-column-generated-stored", "ALTER TABLE orders ADD COLUMN doubled integer GENERATED"
                        + " ALWAYS AS (amount * 2) VIRTUAL;", "public.orders", AE, false, false)),
                row("prefer-jsonb", "ALTER TABLE orders ADD COLUMN extra json;", "public.orders", AE, false, false),
                row("column-type-rewrite", "ALTER TABLE order_lines ALTER COLUMN qty TYPE bigint;",
                        "public.order_lines", AE, true, true),
                row("column-type-safe-widening", "ALTER TABLE orders ALTER COLUMN note TYPE varchar(200);",
                        "public.orders", AE, false, false),
                row("drop-column", "ALTER TABLE orders DROP COLUMN status;", "public.orders", AE, false, false),
                row("rename-column", "ALTER TABLE orders RENAME COLUMN note TO remark;", "public.orders", AE, false,
                        false),
                row("rename-table", "ALTER TABLE archive.old_orders RENAME TO older_orders;",
                        "archive.older_orders", AE, false, false),
                row("drop-table", "DROP TABLE order_lines;", "public.orders", AE, false, false),
                row("drop-schema-or-database", "DROP SCHEMA archive CASCADE;", "archive.old_orders", AE, false, false),
                row("truncate", "TRUNCATE archive.old_orders;", "archive.old_orders", AE, false, false),
                row("rename-enum-value", "ALTER TYPE order_state RENAME VALUE 'paid' TO 'settled';", "public.orders",
                        LockMode.NONE, false, false),
                row("vacuum-full-or-cluster", "VACUUM FULL orders;", "public.orders", AE, true, true),
                row("vacuum-full-or-cluster", "CLUSTER orders USING orders_pkey;", "public.orders", AE, true, true),
                row("set-tablespace", "ALTER TABLE orders SET TABLESPACE trace_matrix_space;", "public.orders", AE,
                        true, false),
                row("set-logged-unlogged-am", "ALTER TABLE archive.old_orders SET UNLOGGED;", "archive.old_orders",
                        AE, true, true),
                row("refresh-matview-blocking", "REFRESH MATERIALIZED VIEW order_totals;", "public.order_totals", AE,
                        true, true),
                row("trigger-ddl", "CREATE TRIGGER orders_touch BEFORE UPDATE ON orders FOR EACH ROW EXECUTE"
                        + " FUNCTION touch();", "public.orders", SRE, false, false),
                row("rls-toggle", "ALTER TABLE orders ENABLE ROW LEVEL SECURITY;", "public.orders", AE, false, false),
                row("explicit-lock-table", "LOCK TABLE orders IN SHARE MODE;", "public.orders", LockMode.SHARE, false,
                        false),
                row("detach-partition-blocking", "ALTER TABLE events DETACH PARTITION events_2024;", "public.events", AE,
                        false, false),
                waiting(PARTITION_READER, from(14, at(2, row("detach-partition-blocking", "-- conf: executeInTransaction=false\n"
                        + "ALTER TABLE events DETACH PARTITION events_2024 CONCURRENTLY;", "public.events", SUE, false,
                        false)))),
                row("attach-partition-scan", "ALTER TABLE events ATTACH PARTITION events_2025 FOR VALUES FROM"
                        + " ('2025-01-01') TO ('2026-01-01');", "public.events_2025", AE, false, true),
                row("partition-of-locks-parent", "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM"
                        + " ('2026-01-01') TO ('2027-01-01');", "public.events", AE, false, false),
                row("enum-add-value-in-transaction", "ALTER TYPE order_state ADD VALUE 'shipped';", "public.orders",
                        LockMode.NONE, false, false),
                row("domain-constraint", "ALTER DOMAIN positive_int ADD CONSTRAINT positive CHECK (VALUE > 0);",
                        "public.refunds", LockMode.SHARE, false, true),
                row("require-lock-timeout", "ALTER TABLE orders ADD COLUMN flag boolean;", "public.orders", AE, false,
                        false),
                at(2, row("require-statement-timeout", "SET lock_timeout = '2s';\nCREATE INDEX orders_placed_idx ON"
                        + " orders (placed_at);", "public.orders", LockMode.SHARE, false, true)),
                at(2, row("statements-after-access-exclusive", "ALTER TABLE orders ADD COLUMN flag boolean;\n"
                        + "INSERT INTO customers VALUES (1000, 'new');", "public.customers", RE, false, false)),
                at(2, row("access-exclusive-on-many-tables", "ALTER TABLE orders ADD COLUMN flag boolean;\n"
                        + "ALTER TABLE customers ADD COLUMN flag boolean;", "public.customers", AE, false, false)),
                at(2, row("multiple-alter-same-table", "ALTER TABLE orders ADD COLUMN a integer;\n"
                        + "ALTER TABLE orders ADD COLUMN b integer;", "public.orders", AE, false, false)),
                at(3, row("transaction-nesting", "-- conf: executeInTransaction=false\nBEGIN;\n"
                        + "ALTER TABLE orders ADD COLUMN flag boolean;\nCOMMIT;", "public.orders", AE, false, false)),
                at(2, row("non-idempotent-non-transactional", "-- conf: executeInTransaction=false\n"
                        + "ALTER TABLE orders ADD COLUMN flag boolean;", "public.orders", AE, false, false)),
                row("sql-not-inspectable", "DO $$ BEGIN EXECUTE 'ALTER TABLE orders ADD COLUMN flag boolean'; END $$;",
                        "public.orders", AE, false, false));
    }
}
