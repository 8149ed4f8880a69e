-- CHECK constraints: changed expression, dropped, added (table- and column-level with generated names), NO INHERIT, IN-list and regex checks (normalised by the server), a check calling a user function.
CREATE FUNCTION is_valid_sku(s text) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT s ~ '^[A-Z]{3}-[0-9]+$' $$;

CREATE TABLE products (
    id       integer PRIMARY KEY,
    price    numeric NOT NULL,
    discount numeric,
    stock    integer,
    status   text,
    sku      text CHECK (sku ~ '^[A-Z]{3}-\d+$'),
    CONSTRAINT products_price_positive CHECK (price >= 0.01),
    CHECK (stock >= 0),
    CONSTRAINT products_status_chk CHECK (status IN ('draft', 'active', 'retired')),
    CONSTRAINT products_discount_lt_price CHECK (discount IS NULL OR discount < price),
    CONSTRAINT products_sku_valid CHECK (is_valid_sku(sku)),
    CONSTRAINT products_only_here CHECK (id > 0) NO INHERIT
);
