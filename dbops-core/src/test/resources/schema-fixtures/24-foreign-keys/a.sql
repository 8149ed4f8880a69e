-- FOREIGN KEYs: ON DELETE CASCADE/SET NULL/SET DEFAULT/RESTRICT, ON UPDATE, MATCH FULL composite FK, DEFERRABLE INITIALLY DEFERRED/IMMEDIATE, FK to a UNIQUE (non-PK) key, self-reference, cross-schema, PG15 ON DELETE SET NULL (column list), FKs added/dropped/changed.
CREATE SCHEMA crm;
CREATE TABLE crm.customers (
    id integer PRIMARY KEY
);

CREATE TABLE products (
    id  integer PRIMARY KEY,
    sku text NOT NULL,
    CONSTRAINT products_sku_key UNIQUE (sku)
);

CREATE TABLE orders (
    id          integer PRIMARY KEY,
    customer_id integer,
    CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)
        REFERENCES crm.customers (id) ON DELETE CASCADE
);

CREATE TABLE order_items (
    order_id    integer NOT NULL,
    line_no     integer NOT NULL,
    product_id  integer NOT NULL,
    product_sku text,
    CONSTRAINT order_items_pkey PRIMARY KEY (order_id, line_no),
    CONSTRAINT order_items_order_fk FOREIGN KEY (order_id)
        REFERENCES orders (id) ON DELETE CASCADE,
    CONSTRAINT order_items_product_fk FOREIGN KEY (product_id)
        REFERENCES products (id) ON DELETE RESTRICT,
    CONSTRAINT order_items_legacy_fk FOREIGN KEY (product_id)
        REFERENCES products (id) DEFERRABLE INITIALLY IMMEDIATE
);

CREATE TABLE categories (
    id        integer PRIMARY KEY,
    parent_id integer
);

CREATE TABLE employees (
    tenant_id  integer NOT NULL,
    id         integer NOT NULL,
    manager_id integer,
    CONSTRAINT employees_pkey PRIMARY KEY (tenant_id, id)
);
