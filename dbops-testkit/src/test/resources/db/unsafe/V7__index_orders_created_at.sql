-- orders is a live table: no migration here creates it
CREATE INDEX orders_created_at_idx ON orders (created_at);
