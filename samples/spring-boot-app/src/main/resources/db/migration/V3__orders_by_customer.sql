-- Safe only in its online form: a plain CREATE INDEX holds a SHARE lock on orders, blocking every insert
-- until the index is built. CONCURRENTLY builds it while orders are placed. It cannot run in a transaction,
-- so this statement is alone in its script and Flyway runs the script without one; with Flyway's default
-- PostgreSQL transactional lock it would wait for Flyway's own lock-holding transaction forever, which is
-- why application.properties sets spring.flyway.postgresql.transactional-lock=false.
create index concurrently orders_customer_id_idx on orders (customer_id);
