-- Big realistic pair: e-commerce schema v1 -> v2 (13 tables): enum values added, column types widened under a view, text -> enum with USING, generated tsvector column + GIN index, new/dropped tables, FKs, partial unique index, trigger, view/function/matview changes and grant changes all at once.
CREATE SCHEMA shop;
COMMENT ON SCHEMA shop IS 'Online shop (v2)';

CREATE TYPE shop.order_status AS ENUM ('pending', 'processing', 'paid', 'shipped', 'cancelled', 'refunded');

CREATE TYPE shop.payment_method AS ENUM ('card', 'paypal', 'invoice');

CREATE DOMAIN shop.money AS numeric(12,2) CONSTRAINT money_nonneg CHECK (VALUE >= 0);

CREATE TABLE shop.customers (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email            text NOT NULL,
    full_name        text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    phone            text,
    marketing_opt_in boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX customers_email_lower_uq ON shop.customers (lower(email));

CREATE TABLE shop.addresses (
    id          serial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
    line1       text NOT NULL,
    city        text NOT NULL,
    zip         varchar(16),
    country     char(2) NOT NULL,
    is_default  boolean NOT NULL DEFAULT false
);
CREATE UNIQUE INDEX addresses_one_default_uq ON shop.addresses (customer_id) WHERE is_default;

CREATE TABLE shop.categories (
    id        integer PRIMARY KEY,
    name      text NOT NULL,
    parent_id integer REFERENCES shop.categories (id),
    slug      text,
    CONSTRAINT categories_slug_key UNIQUE (slug)
);
COMMENT ON TABLE shop.categories IS 'Category tree';

CREATE TABLE shop.products (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku         varchar(32) NOT NULL,
    name        text NOT NULL,
    price       shop.money NOT NULL,
    category_id integer REFERENCES shop.categories (id) ON DELETE SET NULL,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz,
    weight_g    integer,
    search      tsvector GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, coalesce(name, ''))) STORED,
    CONSTRAINT products_sku_key UNIQUE (sku)
);
CREATE INDEX products_name_idx ON shop.products (lower(name));
CREATE INDEX products_search_idx ON shop.products USING gin (search);
CREATE INDEX products_active_idx ON shop.products (category_id) WHERE active;

CREATE TABLE shop.inventory (
    product_id bigint PRIMARY KEY REFERENCES shop.products (id) ON DELETE CASCADE,
    qty        integer NOT NULL DEFAULT 0,
    reserved   integer NOT NULL DEFAULT 0,
    CONSTRAINT inventory_qty_chk CHECK (qty >= 0),
    CONSTRAINT inventory_reserved_chk CHECK (reserved BETWEEN 0 AND qty)
);

CREATE TABLE shop.orders (
    id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id         bigint NOT NULL REFERENCES shop.customers (id),
    status              shop.order_status NOT NULL DEFAULT 'pending',
    total               shop.money NOT NULL DEFAULT 0,
    placed_at           timestamptz NOT NULL DEFAULT now(),
    shipping_address_id integer REFERENCES shop.addresses (id) ON DELETE SET NULL
);
CREATE INDEX orders_customer_idx ON shop.orders (customer_id, placed_at DESC);
CREATE INDEX orders_open_idx ON shop.orders (placed_at) WHERE status IN ('pending', 'processing');

CREATE TABLE shop.order_items (
    order_id   bigint  NOT NULL REFERENCES shop.orders (id) ON DELETE CASCADE,
    line_no    integer NOT NULL,
    product_id bigint  NOT NULL REFERENCES shop.products (id),
    qty        integer NOT NULL,
    unit_price shop.money NOT NULL,
    discount   numeric(5,2) NOT NULL DEFAULT 0,
    CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_items_qty_chk CHECK (qty > 0)
);

CREATE TABLE shop.payments (
    id       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id bigint NOT NULL REFERENCES shop.orders (id),
    amount   shop.money NOT NULL,
    method   shop.payment_method NOT NULL,
    paid_at  timestamptz
);

CREATE TABLE shop.reviews (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    product_id  bigint NOT NULL REFERENCES shop.products (id) ON DELETE CASCADE,
    customer_id bigint REFERENCES shop.customers (id) ON DELETE SET NULL,
    rating      integer NOT NULL,
    body        text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT reviews_rating_chk CHECK (rating BETWEEN 1 AND 10),
    CONSTRAINT reviews_one_per_customer UNIQUE (product_id, customer_id)
);

CREATE TABLE shop.shipments (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    bigint NOT NULL REFERENCES shop.orders (id) ON DELETE CASCADE,
    carrier     text NOT NULL,
    tracking_no text,
    shipped_at  timestamptz,
    CONSTRAINT shipments_tracking_key UNIQUE NULLS NOT DISTINCT (carrier, tracking_no)
);

CREATE TABLE shop.wishlists (
    customer_id bigint NOT NULL REFERENCES shop.customers (id) ON DELETE CASCADE,
    product_id  bigint NOT NULL REFERENCES shop.products (id) ON DELETE CASCADE,
    added_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT wishlists_pkey PRIMARY KEY (customer_id, product_id)
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
    FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.price IS DISTINCT FROM NEW.price)
    EXECUTE FUNCTION shop.touch_updated_at();

CREATE FUNCTION shop.reserve_stock() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    UPDATE shop.inventory SET reserved = reserved + NEW.qty WHERE product_id = NEW.product_id;
    RETURN NEW;
END
$$;
CREATE TRIGGER order_items_reserve AFTER INSERT ON shop.order_items
    FOR EACH ROW EXECUTE FUNCTION shop.reserve_stock();

CREATE FUNCTION shop.order_total(p_order bigint) RETURNS numeric
    LANGUAGE sql STABLE
    AS $$ SELECT coalesce(sum(qty * unit_price * (1 - discount / 100)), 0) FROM shop.order_items WHERE order_id = p_order $$;

CREATE VIEW shop.order_summary AS
    SELECT o.id, o.status, c.email, p.sku, i.qty, i.unit_price, i.discount
    FROM shop.orders o
    JOIN shop.customers c ON c.id = o.customer_id
    JOIN shop.order_items i ON i.order_id = o.id
    JOIN shop.products p ON p.id = i.product_id;

CREATE MATERIALIZED VIEW shop.product_sales AS
    SELECT p.id AS product_id, p.sku, sum(i.qty) AS units
    FROM shop.products p
    JOIN shop.order_items i ON i.product_id = p.id
    GROUP BY p.id, p.sku;
CREATE UNIQUE INDEX product_sales_product_uq ON shop.product_sales (product_id);

GRANT USAGE ON SCHEMA shop TO dbops_reader, dbops_app;
GRANT SELECT ON ALL TABLES IN SCHEMA shop TO dbops_reader;
GRANT SELECT, INSERT, UPDATE ON shop.orders, shop.order_items, shop.shipments TO dbops_app;
GRANT SELECT, INSERT, DELETE ON shop.wishlists TO dbops_app;
GRANT EXECUTE ON FUNCTION shop.order_total(bigint) TO dbops_app;
