-- LIST partitioning: value list changed, partition added, DEFAULT partition removed, NULL partition kept, expression partition key, per-partition index and comment.
CREATE TABLE orders (
    id       bigint  NOT NULL,
    region   text    NOT NULL,
    amount   numeric(12,2),
    placed   date    NOT NULL
) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('de', 'es', 'fr', 'it');
CREATE TABLE orders_us PARTITION OF orders FOR VALUES IN ('us');
CREATE TABLE orders_apac PARTITION OF orders FOR VALUES IN ('au', 'jp', 'kr');
COMMENT ON TABLE orders_apac IS 'Asia-Pacific orders';
CREATE INDEX orders_placed_idx ON orders (placed);
CREATE INDEX orders_us_amount_idx ON orders_us (amount);

CREATE TABLE tickets (
    id     bigint NOT NULL,
    status text
) PARTITION BY LIST (status);
CREATE TABLE tickets_open PARTITION OF tickets FOR VALUES IN ('open', 'pending');
CREATE TABLE tickets_closed PARTITION OF tickets FOR VALUES IN ('closed');
CREATE TABLE tickets_unknown PARTITION OF tickets FOR VALUES IN (NULL);

CREATE TABLE products (
    code  text NOT NULL,
    title text
) PARTITION BY LIST (lower(left(code, 1)));
CREATE TABLE products_a PARTITION OF products FOR VALUES IN ('a');
CREATE TABLE products_b PARTITION OF products FOR VALUES IN ('b');
CREATE TABLE products_rest PARTITION OF products DEFAULT;
