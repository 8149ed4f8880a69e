ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';

ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total > 0);
