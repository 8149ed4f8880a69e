ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
CREATE INDEX orders_shipped_at_idx ON orders (shipped_at);
ALTER TABLE orders ALTER COLUMN customer_id TYPE integer;
