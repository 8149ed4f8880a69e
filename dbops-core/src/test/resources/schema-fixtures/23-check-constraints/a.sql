-- CHECK constraints: changed expression, dropped, added (table- and column-level with generated names), NO INHERIT, IN-list and regex checks (normalised by the server), a check calling a user function.
CREATE TABLE products (
    id       integer PRIMARY KEY,
    price    numeric NOT NULL,
    discount numeric,
    stock    integer,
    status   text,
    CONSTRAINT products_price_positive CHECK (price > 0),
    CONSTRAINT products_discount_range CHECK (discount BETWEEN 0 AND 1),
    CHECK (stock >= 0),
    CONSTRAINT products_status_chk CHECK (status IN ('draft', 'active'))
);
