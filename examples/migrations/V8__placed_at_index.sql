-- Runs outside a transaction (see V8__placed_at_index.sql.conf), as CREATE INDEX CONCURRENTLY requires.
SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS orders_placed_at_idx;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_placed_at_idx ON orders (placed_at);
