-- Big realistic pair: e-commerce schema v1 -> v2 (13 tables): enum values added, column types widened under a view, text -> enum with USING, generated tsvector column + GIN index, new/dropped tables, FKs, partial unique index, trigger, view/function/matview changes and grant changes all at once.
CREATE SCHEMA shop;
COMMENT ON SCHEMA shop IS 'Online shop';

CREATE TYPE shop.order_status AS ENUM ('pending', 'paid', 'shipped', 'cancelled');

CREATE DOMAIN shop.money AS numeric(12,2) CONSTRAINT money_nonneg CHECK (VALUE >= 0);

CREATE TABLE shop.customers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text NOT NULL,
    full_name  text,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT customers_email_key UNIQUE (email)
);

CREATE TABLE shop.addresses (
    id          serial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
    line1       text NOT NULL,
    city        text NOT NULL,
    zip         varchar(10),
    country     char(2) NOT NULL
);

CREATE TABLE shop.categories (
    id        integer PRIMARY KEY,
    name      text NOT NULL,
    parent_id integer REFERENCES shop.categories (id)
);

CREATE TABLE shop.products (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         varchar(20) NOT NULL,
    name        text NOT NULL,
    price       shop.money NOT NULL,
    category_id integer REFERENCES shop.categories (id),
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz,
    CONSTRAINT products_sku_key UNIQUE (sku)
);
CREATE INDEX products_name_idx ON shop.products (lower(name));

CREATE TABLE shop.inventory (
    product_id bigint PRIMARY KEY REFERENCES shop.products (id) ON DELETE CASCADE,
    qty        integer NOT NULL DEFAULT 0,
    CONSTRAINT inventory_qty_chk CHECK (qty >= 0)
);

CREATE TABLE shop.orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES shop.customers (id),
    status      shop.order_status NOT NULL DEFAULT 'pending',
    total       shop.money NOT NULL DEFAULT 0,
    placed_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_customer_idx ON shop.orders (customer_id);

CREATE TABLE shop.order_items (
    order_id   bigint  NOT NULL REFERENCES shop.orders (id) ON DELETE CASCADE,
    line_no    integer NOT NULL,
    product_id bigint  NOT NULL REFERENCES shop.products (id),
    qty        integer NOT NULL,
    unit_price shop.money NOT NULL,
    CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_items_qty_chk CHECK (qty > 0)
);

CREATE TABLE shop.payments (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES shop.orders (id),
    amount   shop.money NOT NULL,
    method   text NOT NULL,
    paid_at  timestamptz
);

CREATE TABLE shop.reviews (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id  bigint NOT NULL REFERENCES shop.products (id) ON DELETE CASCADE,
    customer_id bigint REFERENCES shop.customers (id) ON DELETE SET NULL,
    rating      integer NOT NULL,
    body        text,
    CONSTRAINT reviews_rating_chk CHECK (rating BETWEEN 1 AND 5)
);

CREATE TABLE shop.coupons (
    code     text PRIMARY KEY,
    discount numeric(4,3) NOT NULL
);

CREATE FUNCTION shop.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END
$$;
CREATE TRIGGER products_touch BEFORE UPDATE ON shop.products
    FOR EACH ROW EXECUTE FUNCTION shop.touch_updated_at();

CREATE FUNCTION shop.order_total(p_order bigint) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(qty * unit_price), 0) FROM shop.order_items WHERE order_id = p_order $$;

CREATE VIEW shop.order_summary AS
    SELECT o.id, o.status, c.email, p.sku, i.qty, i.unit_price
    FROM shop.orders o
    JOIN shop.customers c ON c.id = o.customer_id
    JOIN shop.order_items i ON i.order_id = o.id
    JOIN shop.products p ON p.id = i.product_id;

GRANT USAGE ON SCHEMA shop TO dbops_reader, dbops_app;
GRANT SELECT ON ALL TABLES IN SCHEMA shop TO dbops_reader;
GRANT SELECT, INSERT, UPDATE ON shop.orders, shop.order_items TO dbops_app;
